using SamPerms.Model;
using SamPerms.Sam;
using SamPerms.Sam.Core;
using SamPerms.Text;

namespace SamPerms.Permissions.Explain;

/// <summary>
/// Where a generated resource, or one property of a resource in the output, comes from: the SAM resource and
/// property path, and its place in the source. <see cref="Property"/> is null for a whole resource;
/// <see cref="AddedBySam"/> marks a property SAM sets on a resource of the template (a bucket's notification).
/// </summary>
public sealed record OriginNote(string Resource, string? Property, string SamLogicalId, string Path, SourceSpan Span, bool FromGlobals, bool AddedBySam = false)
{
    /// <summary>"ResizeFunction.Events.Upload", or "Globals.Function.Runtime" for a property set in Globals.</summary>
    public string Cause => Path.Length == 0 ? SamLogicalId : $"{SamLogicalId}.{Path}";
}

/// <summary>The origin notes of a transform: for every generated resource, and every property read from the template.</summary>
public static class OriginAnnotations
{
    private const string SamPrefix = "AWS::Serverless::";

    public static IReadOnlyList<OriginNote> Of(TransformOutcome outcome)
    {
        var notes = new List<OriginNote>();
        var input = outcome.Input as MapNode;
        var inputResources = input?.Get("Resources") as MapNode ?? new MapNode();
        var output = outcome.Template?.Get("Resources") as MapNode ?? new MapNode();
        var added = AddedProperties(outcome);
        foreach (var e in output.Entries)
        {
            bool generated = outcome.Origins.TryGetValue(e.Key, out var origin) && origin.SourceType.StartsWith(SamPrefix, StringComparison.Ordinal);
            if (generated)
            {
                var span = origin!.PropertyPath.Length == 0 && inputResources.KeySpanOf(origin.LogicalId) is { IsKnown: true } key ? key : origin.Span;
                notes.Add(new OriginNote(e.Key, null, origin.LogicalId, origin.PropertyPath, span, GlobalsProvenance.InGlobals(input, span)));
            }

            if ((e.Value as MapNode)?.Get("Properties") is not MapNode props)
            {
                continue;
            }

            foreach (var p in props.Entries)
            {
                if (added.TryGetValue((e.Key, p.Key), out var cause))
                {
                    notes.Add(cause with { Resource = e.Key, Property = p.Key });
                }
                else if (generated && Locate(input, inputResources, p.Value.Span) is { } found)
                {
                    notes.Add(found with { Resource = e.Key, Property = p.Key });
                }
            }
        }

        return notes;
    }

    /// <summary>The SAM resource property (or Globals entry) a span of the input lies in.</summary>
    private static OriginNote? Locate(MapNode? input, MapNode inputResources, SourceSpan span)
    {
        if (!span.IsKnown)
        {
            return null;
        }

        foreach (var r in inputResources.Entries)
        {
            if (r.Value is MapNode res && res.Get("Properties") is MapNode props && SourceIndex.Containing(props, span) is { } found && found.Path.Length > 0)
            {
                return new OriginNote("", null, r.Key, found.Path, found.Node.Span, false);
            }
        }

        if (input?.Get("Globals") is MapNode globals && SourceIndex.Containing(globals, span) is { } g && g.Path.Length > 0)
        {
            return new OriginNote("", null, "Globals", g.Path, g.Node.Span, true);
        }

        return null;
    }

    /// <summary>Properties SAM sets on resources of the template, keyed by (resource, property), with the event that causes them.</summary>
    private static Dictionary<(string, string), OriginNote> AddedProperties(TransformOutcome outcome)
    {
        var result = new Dictionary<(string, string), OriginNote>();
        if (outcome.Template is null)
        {
            return result;
        }

        var report = ExplainBuilder.Build(outcome, new StaticValues(outcome.Template, "", "", new Dictionary<string, string>()));
        foreach (var r in report.Resources)
        {
            foreach (var g in r.Groups)
            {
                foreach (var m in g.Resources.Where(x => x.Modified))
                {
                    foreach (var p in m.ChangedProperties ?? [])
                    {
                        result.TryAdd((m.LogicalId, p), new OriginNote(m.LogicalId, p, r.LogicalId, g.PropertyPath, g.Span, g.FromGlobals, AddedBySam: true));
                    }
                }
            }
        }

        return result;
    }
}
