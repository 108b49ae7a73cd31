using SamPerms.Validation.Rules;

namespace SamPerms.Validation;

/// <summary>Every validation rule, in the order they run. A new rule is added here (a meta-test checks it is).</summary>
public static class RuleRegistry
{
    public static readonly IReadOnlyList<IValidationRule> All =
    [
        new ReaderRule(),
        new SuppressionRule(),
        new StructureTypesRule(),
        new SamSchemaRule(),
        new SamTransformRule(),
        new RefTargetRule(),
        new GetAttTargetRule(),
        new SubVariableRule(),
        new DependsOnTargetRule(),
        new ConditionTargetRule(),
        new LocalArtifactRule(),
        new ResourceTypeRule(),
        new ResourcePropertiesRule(),
        new GetAttAttributeRule(),
        new UnknownServiceRule(),
        new UnknownActionRule(),
        new WildcardMatchesNothingRule(),
        new MalformedArnRule(),
        new MalformedActionRule(),
        new InvalidEffectRule(),
        new UnknownPolicyTemplateRule(),
        new UnknownManagedPolicyRule(),
        new MissingTemplateParametersRule(),
        new DuplicateStatementRule(),
        new UnknownServicePrincipalRule(),
        new ActionResourceRule(),
        new ConditionOperatorRule(),
        new ConditionKeyRule(),
        new AllActionsOnAllResourcesRule(),
        new PassRoleOnAnyRoleRule(),
        new NotActionOrNotResourceAllowRule(),
        new InvokeWithoutSourceArnRule(),
        new PublicPrincipalRule(),
        new PublicFunctionUrlRule(),
        new PollerWithExplicitRoleRule(),
        new OpenApiRouteRule(),
        new RecursiveTriggerRule(),
        new AssumeRoleOnAnyRoleRule(),
        new OutsideBoundaryRule(),
        new ResourcePolicyBlocksRule(),
        new SubjectNotesRule(),
        new CrossAccountTrustRule(),
    ];
}
