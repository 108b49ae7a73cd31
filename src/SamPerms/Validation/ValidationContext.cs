using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Permissions;
using SamPerms.Sam;
using SamPerms.Sam.Core;
using SamPerms.Text;
using SamPerms.Validation.Iam;

namespace SamPerms.Validation;

/// <summary>A place in the template: its span and template path.</summary>
public readonly record struct Location(SourceSpan Span, string? Path);

/// <summary>
/// What every rule may look at: the template as read (<see cref="Input"/>), the reader's diagnostics, and when
/// SAM accepted it, the CloudFormation template it produces (<see cref="Output"/>) with the origin of each
/// generated resource. Locating helpers turn any node (read or generated) into a place in the template.
/// </summary>
public sealed class ValidationContext
{
    private StaticValues? _outputValues;
    private IReadOnlyList<PolicyStatementAt>? _outputStatements;
    private IReadOnlyList<(PolicyStatementAt Statement, string Action, Node Node)>? _authorActions;
    private IReadOnlyList<References.FoundIntrinsic>? _outputIntrinsics;
    private References.TemplateNames? _outputNames;
    private PermissionMap? _permissionMap;
    private IReadOnlyList<CloudFormation.PlainResource>? _plainResources;
    private Task<PermissionMap>? _permissionMapBuilding;
    private IReadOnlyList<Schema.SchemaViolation>? _schemaViolations;

    public ValidationContext(Node? input, IReadOnlyList<Diagnostic> readDiagnostics, TransformOutcome? outcome, TransformOptions options)
    {
        Root = input;
        Input = input as MapNode;
        ReadDiagnostics = readDiagnostics;
        Outcome = outcome;
        Options = options;
        Index = new SourceIndex(input);
    }

    /// <summary>The document as read (any kind of node), or null when it could not be read.</summary>
    public Node? Root { get; }

    /// <summary>The template as read, when it is a mapping.</summary>
    public MapNode? Input { get; }

    public IReadOnlyList<Diagnostic> ReadDiagnostics { get; }

    /// <summary>The transform's outcome; null when the template could not be read.</summary>
    public TransformOutcome? Outcome { get; }

    /// <summary>The CloudFormation template SAM produces; null when SAM rejects the template (when it rejects only part of it, the output of the rest).</summary>
    public MapNode? Output => Outcome?.Template;

    public TransformOptions Options { get; }

    /// <summary>The folder local artifact paths are relative to; null when the template is no file.</summary>
    public string? TemplateDirectory { get; init; }

    public SourceIndex Index { get; }

    public MapNode InputResources => Input?.Get("Resources") as MapNode ?? new MapNode();

    public MapNode OutputResources => Output?.Get("Resources") as MapNode ?? new MapNode();

    /// <summary>Values of the output rendered as far as they are known before deploy.</summary>
    public StaticValues OutputValues => _outputValues ??= new StaticValues(Output ?? new MapNode(), Options.Region, Options.EffectivePartition, Options.ParameterOverrides);

    /// <summary>The permission map of the output (null when SAM rejects the template), built once for the rules that need it.</summary>
    public PermissionMap? PermissionMap => Outcome is { Template: not null } outcome
        ? _permissionMap ??= _permissionMapBuilding?.GetAwaiter().GetResult() ?? PermissionMapBuilder.Build(outcome, Options)
        : null;

    /// <summary>
    /// Starts building <see cref="PermissionMap"/> on another thread while the rules that do not need it run. The
    /// input and output must have been settled (<see cref="Node.SettleForReading"/>) and no rule may edit them: both threads read them.
    /// </summary>
    public void StartPermissionMap()
    {
        if (Outcome is { Template: not null } outcome && _permissionMap is null && _permissionMapBuilding is null)
        {
            var options = Options;
            _permissionMapBuilding = Task.Run(() => PermissionMapBuilder.Build(outcome, options));
        }
    }

    /// <summary>Every statement of every policy document of the output (none when SAM rejects the template), read once for all rules.</summary>
    public IReadOnlyList<PolicyStatementAt> OutputStatements => _outputStatements ??= Output is { } output ? Iam.OutputStatements.Of(output) : [];

    /// <summary>The actions the author spelled in the output's statements (<see cref="Iam.OutputStatements.AuthorActions"/>), found once for the rules that check them.</summary>
    public IReadOnlyList<(PolicyStatementAt Statement, string Action, Node Node)> AuthorActions => _authorActions ??= Iam.OutputStatements.FindAuthorActions(this);

    /// <summary>The CloudFormation resources checked against their types' schemas (<see cref="CloudFormation.PlainResources"/>), found once for the rules that check them.</summary>
    public IReadOnlyList<CloudFormation.PlainResource> PlainResources => _plainResources ??= [.. CloudFormation.PlainResources.Of(this)];

    /// <summary>Every intrinsic function of the output's resources (none without an output), found once for all rules.</summary>
    public IReadOnlyList<References.FoundIntrinsic> OutputIntrinsics => _outputIntrinsics ??= Output is { } output ? References.IntrinsicWalker.All(output) : [];

    /// <summary>The output's parameter, resource and condition names (null without an output), found once for the rules that check references.</summary>
    public References.TemplateNames? OutputNames => Output is { } output ? _outputNames ??= new References.TemplateNames(output) : null;

    /// <summary>The schema errors of the input's AWS::Serverless resources (<see cref="Schema.SamResourceSchema"/>), found once.</summary>
    public IReadOnlyList<Schema.SchemaViolation> SchemaViolations => _schemaViolations ??= Input?.Get("Resources") is MapNode resources
        ? Schema.SamResourceSchema.Evaluate(resources)
        : [];

    /// <summary>Where a node read from the template is; unknown when it was not read from it.</summary>
    public Location Where(Node? node) =>
        Index.PathOf(node) is { } path ? new Location(node!.Span, path) : default;

    /// <summary>Where the key of a map entry is written (for findings about the key itself).</summary>
    public Location WhereKey(MapNode map, string key)
    {
        var value = Where(map.Get(key));
        var keySpan = map.KeySpanOf(key);
        return keySpan.IsKnown && value.Path is not null ? new Location(keySpan, value.Path) : value;
    }

    /// <summary>
    /// Where to report something about a node of the output resource <paramref name="outputLogicalId"/>: the first
    /// of <paramref name="nodes"/> that was read from the template, else the SAM property that generated the
    /// resource, else the resource itself.
    /// </summary>
    public Location Locate(string outputLogicalId, params Node?[] nodes)
    {
        foreach (var n in nodes)
        {
            if (Where(n) is { Path: not null } found)
            {
                return found;
            }
        }

        return OriginLocation(outputLogicalId);
    }

    /// <summary>The SAM resource and property an output resource comes from, as a place in the template.</summary>
    public Location OriginLocation(string outputLogicalId)
    {
        var origin = Origin(outputLogicalId);
        if (origin is not null && InputResources.Get(origin.LogicalId) is MapNode samResource)
        {
            var resourcePath = "Resources." + origin.LogicalId;
            if (origin.PropertyPath.Length > 0 && Index.At(origin.Span) is { } hit && hit.Path.StartsWith(resourcePath, StringComparison.Ordinal))
            {
                return new Location(origin.Span, hit.Path);
            }

            if (origin.PropertyPath.Length > 0 && samResource.Get("Properties") is MapNode props && Resolve(props, origin.PropertyPath) is { } prop && Where(prop) is { Path: not null } w)
            {
                return w;
            }

            return new Location(InputResources.KeySpanOf(origin.LogicalId) is { IsKnown: true } ks ? ks : samResource.Span, resourcePath);
        }

        if (InputResources.Get(outputLogicalId) is { } same)
        {
            return new Location(InputResources.KeySpanOf(outputLogicalId) is { IsKnown: true } ks ? ks : same.Span, "Resources." + outputLogicalId);
        }

        return new Location(Input?.Span ?? default, null);
    }

    /// <summary>The origin the transform recorded for an output resource.</summary>
    public Origin? Origin(string outputLogicalId) =>
        Outcome is not null && Outcome.Origins.TryGetValue(outputLogicalId, out var o) ? o : null;

    /// <summary>The SAM resource of the input an output resource was generated from, when it is a different one.</summary>
    public string? GeneratedFrom(string outputLogicalId) =>
        Origin(outputLogicalId) is { } o && o.LogicalId != outputLogicalId && InputResources.ContainsKey(o.LogicalId) ? o.LogicalId : null;

    /// <summary>A property path inside Properties (<c>Events.Upload</c>, <c>Policies[1]</c>) to its node.</summary>
    public static Node? Resolve(MapNode properties, string propertyPath)
    {
        Node? node = properties;
        foreach (var part in propertyPath.Split('.'))
        {
            var name = part;
            int index = -1;
            int b = part.IndexOf('[', StringComparison.Ordinal);
            if (b >= 0 && part.EndsWith(']') && int.TryParse(part.AsSpan(b + 1, part.Length - b - 2), out var i))
            {
                name = part[..b];
                index = i;
            }

            node = (node as MapNode)?.Get(name);
            if (index >= 0)
            {
                node = node is SeqNode s && index < s.Count ? s[index] : null;
            }

            if (node is null)
            {
                return null;
            }
        }

        return node;
    }
}
