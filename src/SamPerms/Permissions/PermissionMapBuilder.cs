using SamPerms.Model;
using SamPerms.Sam;
using SamPerms.Sam.Core;

namespace SamPerms.Permissions;

/// <summary>
/// Computes the permission map from a transformed template: for every AWS::Lambda::Function and
/// AWS::StepFunctions::StateMachine, its role, who may invoke it, and what its role may do, each with the
/// template line that caused it. Works on the output, so everything SAM generates and everything written by
/// hand is covered alike.
/// </summary>
public static class PermissionMapBuilder
{
    public static PermissionMap Build(TransformOutcome outcome, TransformOptions options, MapScope? scope = null)
    {
        var template = outcome.Template ?? throw new ArgumentException("the template was not transformed", nameof(outcome));
        var values = new StaticValues(template, options.Region, options.EffectivePartition, options.ParameterOverrides);
        var ctx = new AnalysisContext(template, outcome.Input as MapNode, outcome.Origins, values) { TemplateDirectory = options.TemplateDirectory };
        var invokers = new InvokerCollector(ctx);
        var roleInvokers = scope is { Invokers: false } ? null : new RoleInvokers(ctx);
        var subjects = new List<Subject>();
        var roleUsers = new List<Trust.RoleUser>(); // every subject's role, the map's subjects or not
        foreach (var e in ctx.Resources.Entries)
        {
            if (e.Value is not MapNode r)
            {
                continue;
            }

            var type = r.Get("Type")?.Str;
            var kind = type switch
            {
                "AWS::Lambda::Function" => SubjectKind.Function,
                "AWS::StepFunctions::StateMachine" => SubjectKind.StateMachine,
                _ => (SubjectKind?)null,
            };
            if (kind is null)
            {
                continue;
            }

            var origin = ctx.OriginOf(e.Key);
            var roleProperty = (r.Get("Properties") as MapNode)?.Get(kind == SubjectKind.Function ? "Role" : "RoleArn");
            var roleGrants = new RoleGrants(ctx, origin.LogicalId);
            var role = roleGrants.RoleOf(roleProperty);
            roleUsers.Add(new Trust.RoleUser(role.LogicalId, e.Key, origin.Span));
            if (scope is not null && !scope.Keeps(e.Key, origin.LogicalId))
            {
                continue;
            }

            var grants = role.LogicalId is { } roleId ? roleGrants.ForRole(roleId) : [];
            subjects.Add(new Subject(
                e.Key,
                kind.Value,
                origin.LogicalId,
                role,
                roleInvokers is null ? [] : [.. invokers.For(e.Key, kind.Value), .. roleInvokers.For(e.Key, kind.Value)],
                invokers.PollersFor(e.Key),
                grants,
                Source.From(origin, kind == SubjectKind.Function ? "function" : "state machine"))
            {
                TemplateCondition = r.Get("Condition")?.Str,
                ConditionValue = r.Get("Condition")?.Str is { } c ? values.Condition(c) : null,
                Boundary = Effective.BoundaryReader.Of(ctx, role.LogicalId, origin.LogicalId),
            });
        }

        if (scope is not null && subjects.Count == 0)
        {
            return Build(outcome, options);
        }

        // In the order the template declares them (the output's order is SAM's, which can be hash-ordered).
        var resourcePolicies = Effective.ResourcePolicyReader.Read(ctx);
        ctx.ResourcePolicies = resourcePolicies;
        subjects = subjects.Select(s => s with { Notes = Effective.SubjectNotes.For(ctx, s) }).ToList();
        var ordered = subjects
            .OrderBy(s => s.Source.Span.LineOrLast)
            .ThenBy(s => s.LogicalId, StringComparer.Ordinal)
            .ToList();
        var map = new PermissionMap(ordered, invokers.Unattached())
        {
            Values = values,
            Roles = Trust.RoleTrustReader.Read(ctx, roleUsers),
            ResourcePolicies = resourcePolicies,
            Notes = Effective.ServiceKeyNeeds.For(ctx),
        };
        return GlobalsProvenance.Mark(map, outcome.Input as MapNode);
    }
}

/// <summary>What the analysis of one template shares: its resources, the input, origins and value resolution.</summary>
internal sealed class AnalysisContext(MapNode template, MapNode? input, IReadOnlyDictionary<string, Origin> origins, StaticValues values)
{
    public MapNode Template { get; } = template;

    public MapNode Resources { get; } = template.Get("Resources") as MapNode ?? new MapNode();

    public MapNode InputResources { get; } = input?.Get("Resources") as MapNode ?? new MapNode();

    public StaticValues Values { get; } = values;

    /// <summary>The template's resource-based policies (read once, before the subjects' notes).</summary>
    public IReadOnlyList<Effective.ResourcePolicy> ResourcePolicies { get; set; } = [];

    /// <summary>Where each generated resource of the output comes from, by its logical id.</summary>
    public IReadOnlyDictionary<string, Origin> Origins { get; } = origins;

    /// <summary>The folder the template's local paths are relative to; null when local files are not read.</summary>
    public string? TemplateDirectory { get; init; }

    /// <summary>Per-role lookups built in one pass over the resources (on first use).</summary>
    public ResourceIndex Index => _index ??= new ResourceIndex(this);

    private ResourceIndex? _index;

    /// <summary>The statements of each role as seen from a SAM resource (role id, SAM logical id), collected once (<see cref="RoleGrants"/>).</summary>
    public Dictionary<(string RoleId, string SamLogicalId), List<Grant>> CollectedGrants { get; } = [];

    /// <summary>The uses of the template's resources that a key of the template encrypts (<see cref="Effective.KeyUses.Keyed"/>), found once.</summary>
    public IReadOnlyList<Effective.KeyedUse> KeyedUses => _keyedUses ??= Effective.KeyUses.Keyed(this);

    private List<Effective.KeyedUse>? _keyedUses;

    private readonly Dictionary<string, Data.ManagedPolicy?> _managedPolicies = new(StringComparer.Ordinal);

    /// <summary>The AWS managed policy an ARN names (<see cref="Data.ManagedPolicyDocuments.ByArn"/>), read once per analysis however many roles attach it.</summary>
    public Data.ManagedPolicy? ManagedPolicy(string arn)
    {
        if (!_managedPolicies.TryGetValue(arn, out var policy))
        {
            policy = Data.ManagedPolicyDocuments.ByArn(arn);
            _managedPolicies[arn] = policy;
        }

        return policy;
    }

    public Origin OriginOf(string logicalId) =>
        Origins.TryGetValue(logicalId, out var o) ? o : new Origin(logicalId, "", "", Resources.Get(logicalId)?.Span ?? default);

    public MapNode? Resource(string logicalId) => Resources.Get(logicalId) as MapNode;

    /// <summary>A property of an input SAM resource as written, else as its type's Globals section sets it.</summary>
    public Node? InputProperty(string samLogicalId, string property) =>
        (InputResources.Get(samLogicalId) as MapNode)?.Get("Properties") is MapNode props && props.Get(property) is { } own
            ? own
            : GlobalsProvenance.GlobalsSection(input, (InputResources.Get(samLogicalId) as MapNode)?.Get("Type")?.Str)?.Get(property);

    public string? TypeOf(string logicalId) => Resource(logicalId)?.Get("Type")?.Str;

    public MapNode? Properties(string logicalId) => Resource(logicalId)?.Get("Properties") as MapNode;

    /// <summary>The logical id a Ref or GetAtt names, when it is a resource of this template.</summary>
    public string? ReferencedResource(Node? node)
    {
        var id = Intrinsics.LogicalIdOf(node);
        return id is not null && Resources.ContainsKey(id) ? id : null;
    }

    /// <summary>Where a node of the output came from in the input: the resource's property path and span.</summary>
    public Source Locate(string samLogicalId, Node? node, string description)
    {
        var origin = OriginOf(samLogicalId);
        if (node is not null && InputResources.Get(origin.LogicalId) is MapNode inputResource && inputResource.Get("Properties") is MapNode props
            && FirstPlaced(node) is { } placed && SourceIndex.Containing(props, placed.Span) is { } found)
        {
            return new Source(origin.LogicalId, found.Path, found.Node.Span, description);
        }

        return Source.From(origin, description);
    }

    /// <summary>
    /// The node itself when it has a place in the source, else the first of its values that has one (a document SAM
    /// writes around a value the user wrote, such as the dead-letter queue's ARN in the policy it adds).
    /// </summary>
    private static Node? FirstPlaced(Node node)
    {
        if (node.Span.IsKnown)
        {
            return node;
        }

        var children = node switch
        {
            MapNode m => m.Entries.Select(e => e.Value),
            SeqNode s => s.Items,
            _ => [],
        };
        foreach (var child in children)
        {
            if (FirstPlaced(child) is { } placed)
            {
                return placed;
            }
        }

        return null;
    }
}
