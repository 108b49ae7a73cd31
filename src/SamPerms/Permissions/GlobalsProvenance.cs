using SamPerms.Model;
using SamPerms.Text;

namespace SamPerms.Permissions;

/// <summary>
/// Properties SAM takes from the template's Globals section keep the span they were read at (Globals), so a
/// source whose span lies inside Globals is marked "from Globals": the line shown is the Globals line.
/// </summary>
public static class GlobalsProvenance
{
    /// <summary>The Globals section for a SAM resource type (<c>AWS::Serverless::Function</c> → <c>Globals.Function</c>).</summary>
    public static MapNode? GlobalsSection(MapNode? input, string? samType)
    {
        const string Prefix = "AWS::Serverless::";
        if (input?.Get("Globals") is not MapNode globals || samType is null || !samType.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        return globals.Get(samType[Prefix.Length..]) as MapNode;
    }

    /// <summary>True when <paramref name="span"/> lies inside the Globals section of <paramref name="input"/>.</summary>
    public static bool InGlobals(MapNode? input, SourceSpan span) =>
        span.IsKnown && input?.Get("Globals") is { Span.IsKnown: true } g && Contains(g.Span, span);

    internal static PermissionMap Mark(PermissionMap map, MapNode? input)
    {
        if (input?.Get("Globals") is null)
        {
            return map;
        }

        Source M(Source s) => InGlobals(input, s.Span) ? s with { FromGlobals = true } : s;
        var subjects = map.Subjects.Select(s => s with
        {
            InvokedBy = s.InvokedBy.Select(i => i with { Source = M(i.Source) }).ToList(),
            Pollers = s.Pollers.Select(p => p with { Source = M(p.Source) }).ToList(),
            MayDo = s.MayDo.Select(g => g with { Source = M(g.Source) }).ToList(),
        }).ToList();
        return map with { Subjects = subjects };
    }

    private static bool Contains(SourceSpan outer, SourceSpan inner) =>
        (outer.Line < inner.Line || (outer.Line == inner.Line && outer.Column <= inner.Column))
        && (outer.EndLine > inner.EndLine || (outer.EndLine == inner.EndLine && outer.EndColumn >= inner.EndColumn));
}
