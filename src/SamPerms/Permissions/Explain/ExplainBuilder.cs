using SamPerms.Model;
using SamPerms.Sam;
using SamPerms.Sam.Core;
using SamPerms.Text;

namespace SamPerms.Permissions.Explain;

/// <summary>
/// Groups the transform's output by origin: for each SAM resource, the CloudFormation resources each of its
/// properties causes, with the line of that property and a sentence per group from <see cref="ExplainCatalog"/>.
/// Resources of the template that SAM changes (an S3 event adds the bucket's NotificationConfiguration) are listed
/// with the property whose event names them.
/// </summary>
public static class ExplainBuilder
{
    private const string SamPrefix = "AWS::Serverless::";

    public static ExplainReport Build(TransformOutcome outcome, StaticValues values, IReadOnlyCollection<string>? only = null, PermissionMap? map = null)
    {
        var input = outcome.Input as MapNode;
        var inputResources = input?.Get("Resources") as MapNode ?? new MapNode();
        var output = outcome.Template?.Get("Resources") as MapNode ?? new MapNode();
        var modified = ModifiedResources(inputResources, output);
        var byOwner = new Dictionary<string, List<(string Id, Origin Origin)>>(StringComparer.Ordinal);
        foreach (var e in output.Entries)
        {
            if (outcome.Origins.TryGetValue(e.Key, out var origin) && origin.SourceType.StartsWith(SamPrefix, StringComparison.Ordinal))
            {
                if (!byOwner.TryGetValue(origin.LogicalId, out var list))
                {
                    byOwner[origin.LogicalId] = list = [];
                }

                list.Add((e.Key, origin));
            }
        }

        var resources = new List<ExplainedResource>();
        foreach (var e in inputResources.Entries)
        {
            var type = (e.Value as MapNode)?.Get("Type")?.Str ?? "";
            if (type.StartsWith(SamPrefix, StringComparison.Ordinal) && (only is not { Count: > 0 } || only.Contains(e.Key)))
            {
                var declared = inputResources.KeySpanOf(e.Key) is { IsKnown: true } key ? key : e.Value.Span;
                var explained = Explain(e.Key, type, (MapNode)e.Value, byOwner.GetValueOrDefault(e.Key) ?? [], input, output, modified, values, map);
                resources.Add(explained with
                {
                    Span = declared,
                    Groups = explained.Groups.Select(g => g.PropertyPath.Length == 0 ? g with { Span = declared } : g).ToList(),
                });
            }
        }

        // Resources SAM creates on its own: the implicit ServerlessRestApi and ServerlessHttpApi of Api events.
        foreach (var (owner, generated) in byOwner.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (!inputResources.ContainsKey(owner) && (only is not { Count: > 0 } || only.Contains(owner)))
            {
                var implicitResource = new MapNode();
                resources.Add(Explain(owner, generated[0].Origin.SourceType, implicitResource, generated, input, output, modified, values, map) with { Implicit = true });
            }
        }

        return new ExplainReport(resources);
    }

    private static ExplainedResource Explain(
        string id, string type, MapNode samResource, List<(string Id, Origin Origin)> generated, MapNode? input, MapNode output,
        Dictionary<string, GeneratedResource> modified, StaticValues values, PermissionMap? map)
    {
        var groups = new List<ExplainGroup>();
        var grants = (map?.Subjects.Where(s => s.SamLogicalId == id).SelectMany(s => s.MayDo) ?? [])
            .GroupBy(g => GroupPath(g.Source.PropertyPath))
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var paths = generated.Select(g => (Path: GroupPath(g.Origin.PropertyPath), g.Origin.Span))
            .Concat(grants.Select(g => (Path: g.Key, g.Value[0].Source.Span)))
            .GroupBy(p => p.Path, StringComparer.Ordinal)
            .OrderBy(p => Order(p.Key, p.First().Span));
        foreach (var byPath in paths)
        {
            var path = byPath.Key;
            var mine = generated.Where(g => GroupPath(g.Origin.PropertyPath) == path).ToList();
            var cause = CauseKind(samResource, path);
            var list = mine.Select(g => new GeneratedResource(g.Id, (output.Get(g.Id) as MapNode)?.Get("Type")?.Str ?? "")).ToList();
            list.AddRange(ModifiedBy(samResource, path, modified));
            var span = SpanOf(input, samResource, type, path, byPath.First().Span, out var fromGlobals);
            var sentences = list.GroupBy(r => (r.Type, r.Modified))
                .Select(t => ExplainCatalog.Sentence(cause, t.Key.Type, t.Key.Modified, new ExplainContext(id, path, t.ToList(), output, values) { OwnerIsStateMachine = type == "AWS::Serverless::StateMachine" }))
                .ToList();
            sentences.AddRange(grants.GetValueOrDefault(path)?.Select(g => GrantSentence(g, map!.Values)) ?? []);
            groups.Add(new ExplainGroup(path, cause, span, fromGlobals, list, sentences));
        }

        var condition = samResource.Get("Condition")?.Str;
        return new ExplainedResource(id, type, samResource.Span, groups)
        {
            TemplateCondition = condition,
            ConditionValue = condition is null ? null : values.Condition(condition),
        };
    }

    /// <summary>What one statement of the execution role lets the function do, and which policy it comes from.</summary>
    private static string GrantSentence(Grant g, StaticValues? values)
    {
        var from = g.Template is { } t ? $"policy template {t}"
            : g.Kind == GrantKind.AwsManagedPolicy || g.Kind == GrantKind.SamGenerated ? $"managed policy {g.PolicyName}"
            : g.Kind == GrantKind.CustomerManagedPolicy ? $"customer managed policy {g.PolicyName}"
            : g.Kind == GrantKind.Connector ? $"connector policy {g.PolicyName}"
            : $"inline policy {g.PolicyName}";
        if (g.Opaque)
        {
            return $"The execution role gets {from}; its statements are not known here.";
        }

        var what = $"{g.Effect} {(g.NotAction ? "all actions except " : "")}{string.Join(", ", g.Actions)} on {(g.NotResource ? "all resources except " : "")}{string.Join(", ", g.Resources.Select(r => r.Text))}";
        var when = g.Condition is null ? "" : " when " + IamConditionText.Render(g.Condition, values);
        return $"The execution role (identity-based policy) gets {from}: {what}{when}.";
    }

    /// <summary>The property a generated resource is grouped under: the event (<c>Events.Upload</c>) or the property (<c>Policies</c>).</summary>
    public static string GroupPath(string propertyPath)
    {
        var parts = propertyPath.Split('.');
        var first = parts[0];
        int bracket = first.IndexOf('[', StringComparison.Ordinal);
        if (bracket >= 0)
        {
            first = first[..bracket];
        }

        return first is "Events" or "Connectors" && parts.Length > 1 ? first + "." + parts[1].Split('[')[0] : first;
    }

    /// <summary>The kind of cause the catalog is keyed on: <c>resource</c>, <c>Events:S3</c>, <c>Policies</c>, ...</summary>
    public static string CauseKind(MapNode samResource, string path)
    {
        if (path.Length == 0)
        {
            return "resource";
        }

        var parts = path.Split('.');
        if (parts[0] == "Events" && parts.Length > 1)
        {
            var events = (samResource.Get("Properties") as MapNode)?.Get("Events") as MapNode;
            return "Events:" + ((events?.Get(parts[1]) as MapNode)?.Get("Type")?.Str ?? "?");
        }

        return parts[0];
    }

    private static (int, int) Order(string path, SourceSpan span) => (path.Length == 0 ? 0 : 1, span.LineOrLast);

    private static SourceSpan SpanOf(MapNode? input, MapNode samResource, string type, string path, SourceSpan originSpan, out bool fromGlobals)
    {
        fromGlobals = false;
        if (path.Length == 0)
        {
            return samResource.Span;
        }

        var first = path.Split('.')[0];
        var props = samResource.Get("Properties") as MapNode;
        if (props is not null && props.ContainsKey(first))
        {
            var node = props.Get(first)!;
            var key = props.KeySpanOf(first);
            if (path.Contains('.', StringComparison.Ordinal) && node is MapNode m && m.ContainsKey(path.Split('.')[1]))
            {
                return m.KeySpanOf(path.Split('.')[1]);
            }

            return key.IsKnown ? key : node.Span;
        }

        if (GlobalsProvenance.GlobalsSection(input, type) is { } globals && globals.ContainsKey(first))
        {
            fromGlobals = true;
            return globals.KeySpanOf(first);
        }

        return originSpan;
    }

    /// <summary>Plain resources of the template whose properties SAM changes, and which top-level properties.</summary>
    private static Dictionary<string, GeneratedResource> ModifiedResources(MapNode input, MapNode output)
    {
        var result = new Dictionary<string, GeneratedResource>(StringComparer.Ordinal);
        foreach (var e in input.Entries)
        {
            if (e.Value is not MapNode before || (before.Get("Type")?.Str ?? "").StartsWith(SamPrefix, StringComparison.Ordinal)
                || output.Get(e.Key) is not MapNode after)
            {
                continue;
            }

            var oldProps = before.Get("Properties") as MapNode ?? new MapNode();
            var newProps = after.Get("Properties") as MapNode ?? new MapNode();
            var changed = newProps.Entries.Where(p => !Py.Equal(p.Value, oldProps.Get(p.Key))).Select(p => p.Key).ToList();
            if (changed.Count > 0)
            {
                result[e.Key] = new GeneratedResource(e.Key, before.Get("Type")?.Str ?? "", Modified: true, ChangedProperties: changed);
            }
        }

        return result;
    }

    /// <summary>The changed resources an event names in its properties (its Bucket, say).</summary>
    private static IEnumerable<GeneratedResource> ModifiedBy(MapNode samResource, string path, Dictionary<string, GeneratedResource> modified)
    {
        if (modified.Count == 0 || !path.StartsWith("Events.", StringComparison.Ordinal))
        {
            yield break;
        }

        var ev = ((samResource.Get("Properties") as MapNode)?.Get("Events") as MapNode)?.Get(path["Events.".Length..]) as MapNode;
        if (ev?.Get("Properties") is not MapNode props)
        {
            yield break;
        }

        foreach (var p in props.Entries)
        {
            if (Intrinsics.LogicalIdOf(p.Value) is { } id && modified.TryGetValue(id, out var m))
            {
                yield return m;
            }
        }
    }
}
