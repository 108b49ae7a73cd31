using SamPerms.Iam;
using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Text;

namespace SamPerms.Permissions;

public enum SubjectKind
{
    Function,
    StateMachine,
}

/// <summary>How a subject's execution role is known.</summary>
public enum RoleKind
{
    /// <summary>SAM generates it from the resource's Policies.</summary>
    Generated,

    /// <summary>An AWS::IAM::Role written in the template.</summary>
    Template,

    /// <summary>An ARN or import: its permissions live outside the template.</summary>
    External,

    /// <summary>Cannot be decided statically (a condition, an unresolved reference).</summary>
    Unknown,
}

/// <summary>Where a permission comes from: the template resource and property, and its place in the source.</summary>
public sealed record Source(string LogicalId, string PropertyPath, SourceSpan Span, string Description)
{
    public static Source From(Origin origin, string description) =>
        new(origin.LogicalId, origin.PropertyPath, origin.Span, description);

    public override string ToString() => PropertyPath.Length > 0 ? $"{LogicalId}.{PropertyPath}" : LogicalId;

    /// <summary>The property was not written on the resource but set for it in the template's Globals section.</summary>
    public bool FromGlobals { get; init; }
}

public sealed record RoleInfo(RoleKind Kind, string? LogicalId, string Display);

/// <summary>How an invoker gets its right to invoke.</summary>
public enum InvokerKind
{
    /// <summary>An AWS::Lambda::Permission (the function's resource-based policy).</summary>
    Permission,

    /// <summary>
    /// A role of the template whose policies allow invoking the subject (lambda:InvokeFunction,
    /// states:StartExecution); the principal is whoever the role trusts.
    /// </summary>
    Role,
}

/// <summary>
/// Who may invoke the subject. For a permission: its principal, action, SourceArn, SourceAccount, URL auth type.
/// For a role: the principals it trusts, the action its policy allows, and (as SourceArn) the resource using it.
/// <see cref="Qualifier"/> says what is targeted: "function", "alias live", "version", or the resource pattern.
/// <see cref="InvokedViaFunctionUrl"/>: the permission holds only for calls through the function URL.
/// <see cref="ApiRoutes"/>: for API Gateway, the API routes the SourceArn designates and who may call them.
/// </summary>
public sealed record Invoker(
    string Principal,
    string Action,
    Rendered? SourceArn,
    Rendered? SourceAccount,
    string? FunctionUrlAuthType,
    string Qualifier,
    string PermissionLogicalId,
    string? Condition,
    Source Source,
    InvokerKind Kind = InvokerKind.Permission,
    IReadOnlyList<string>? UsedBy = null,
    bool InvokedViaFunctionUrl = false,
    IReadOnlyList<ApiRoute>? ApiRoutes = null)
{
    /// <summary>The logical id of the permission resource, or of the role for a role invoker.</summary>
    public string ResourceId => PermissionLogicalId;
}

/// <summary>A service that reads a stream or queue and invokes the function with the function's own role.</summary>
public sealed record Poller(string MappingLogicalId, Rendered EventSourceArn, Source Source);

/// <summary>What kind of policy a grant comes from.</summary>
public enum GrantKind
{
    AwsManagedPolicy,
    CustomerManagedPolicy,
    PolicyTemplate,
    InlinePolicy,
    SamGenerated,
    Connector,
}

/// <summary>A policy template use: its name and its parameters as rendered.</summary>
public sealed record PolicyTemplateUse(string Name, IReadOnlyList<KeyValuePair<string, Rendered>> Parameters)
{
    public override string ToString() =>
        Parameters.Count == 0 ? Name : $"{Name}({string.Join(", ", Parameters.Select(p => $"{p.Key}={p.Value.Text}"))})";
}

/// <summary>
/// One statement that applies to the subject's role (<see cref="Statement"/>, the one IAM statement model) and
/// where it comes from: the kind of policy, its name, the template property that caused it.
/// </summary>
public sealed record Grant(
    Statement Statement,
    GrantKind Kind,
    string PolicyName,
    Source Source,
    string? ManagedPolicyArn = null,
    PolicyTemplateUse? Template = null)
{
    /// <summary>A managed policy whose statements are not known here: an Allow of nothing seen, standing for it.</summary>
    public static Grant OpaqueManaged(string arn, string? conditional, Source source) =>
        new(new Statement { Effect = "Allow", Conditional = conditional }, GrantKind.CustomerManagedPolicy, arn, source, arn);

    public string Effect => Statement.Effect;

    public IReadOnlyList<string> Actions => Statement.Actions;

    public bool NotAction => Statement.NotAction;

    public IReadOnlyList<PolicyValue> Resources => Statement.Resources;

    public bool NotResource => Statement.NotResource;

    public Node? Condition => Statement.Condition;

    public string? Conditional => Statement.Conditional;

    public bool IsAllow => Statement.IsAllow;

    /// <summary>A managed policy SamPerms cannot see into (customer managed, or unknown AWS managed).</summary>
    public bool Opaque => Actions.Count == 0 && !NotAction;
}

/// <summary>A function or state machine, who may invoke it and what its role may do.</summary>
public sealed record Subject(
    string LogicalId,
    SubjectKind Kind,
    string SamLogicalId,
    RoleInfo Role,
    IReadOnlyList<Invoker> InvokedBy,
    IReadOnlyList<Poller> Pollers,
    IReadOnlyList<Grant> MayDo,
    Source Source)
{
    /// <summary>The template condition the resource is created under (its <c>Condition</c>), if any.</summary>
    public string? TemplateCondition { get; init; }

    /// <summary>That condition's value with the given parameters: false means not deployed; null, decided at deploy.</summary>
    public bool? ConditionValue { get; init; }

    /// <summary>False when its template condition is false with the given parameters: it is not deployed.</summary>
    public bool Deployed => TemplateCondition is null || ConditionValue != false;
    /// <summary>The permissions boundary of its role, when it has one (null otherwise).</summary>
    public Effective.PermissionBoundary? Boundary { get; init; }

    /// <summary>What the effective-access checks note about it: what will be ignored, what it needs and lacks.</summary>
    public IReadOnlyList<Effective.SubjectNote> Notes { get; init; } = [];
}

/// <summary>The permissions of every function and state machine in a template.</summary>
public sealed record PermissionMap(IReadOnlyList<Subject> Subjects, IReadOnlyList<Invoker> UnattachedInvokers)
{
    /// <summary>How the template's values were resolved (to render intent values the same way).</summary>
    public StaticValues? Values { get; init; }

    /// <summary>The resource-based policies of the template that decide access to its resources (bucket, queue, topic, secret, key).</summary>
    public IReadOnlyList<Effective.ResourcePolicy> ResourcePolicies { get; init; } = [];

    /// <summary>Effective-access findings about no one subject: a service that cannot deliver into an encrypted target.</summary>
    public IReadOnlyList<Effective.SubjectNote> Notes { get; init; } = [];

    /// <summary>Every AWS::IAM::Role of the template and who may assume it (its trust policy), in template order.</summary>
    public IReadOnlyList<Trust.RoleTrust> Roles { get; init; } = [];

    /// <summary>Who may assume the subject's role, when the role is in the template.</summary>
    public Trust.RoleTrust? TrustOf(Subject s) => s.Role.LogicalId is { } id ? MapLookups.Role(Roles, id) : null;

    /// <summary>The roles of the template that no function or state machine of this map runs with.</summary>
    public IEnumerable<Trust.RoleTrust> OtherRoles
    {
        get
        {
            var used = Subjects.Select(s => s.Role.LogicalId).OfType<string>().ToHashSet(StringComparer.Ordinal);
            return Roles.Where(r => !used.Contains(r.RoleId));
        }
    }

    /// <summary>The map of one subject: its role's trust kept, the other roles and unattached invokers left out.</summary>
    public PermissionMap Only(Subject s) => this with { Subjects = [s], UnattachedInvokers = [], Roles = TrustOf(s) is { } t ? [t] : [], Notes = [] };

    public Subject? Find(string id) => MapLookups.Subject(Subjects, id);
}
