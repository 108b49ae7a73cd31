using System.Text.RegularExpressions;
using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Text;
using SamPerms.Diagnostics;

namespace SamPerms.Sam;

/// <summary>
/// When SAM rejects part of a template, the rest can still be analysed: what SAM rejected (the property, the
/// policy, the Globals entry each error is located at, else the whole resource, kept as a placeholder so references
/// to it still resolve) is left out and the template transformed again, a few rounds at most. Every error found on
/// the way is kept, so mistakes SAM reports one at a time (Globals) come all at once. The outcome keeps SAM's
/// errors and carries the output of the rest, for validation only.
/// </summary>
public static partial class PartialTransform
{
    private const int MaxRounds = 8;

    public static TransformOutcome Salvage(TransformOutcome failed, TransformOptions options)
    {
        if (failed.Succeeded || failed.Input is not MapNode input || input.Get("Resources") is not MapNode)
        {
            return failed;
        }

        var errors = new List<Diagnostic>(failed.Diagnostics);
        var latest = failed.Diagnostics;
        var leftOut = new List<Diagnostic>();
        var copy = (MapNode)input.Clone();
        var removedSpans = new List<SourceSpan>();
        var stubbed = new List<string>();
        for (int round = 0; round < MaxRounds; round++)
        {
            bool removed = false;
            foreach (var d in latest.Where(d => d.Code == DiagnosticCatalog.SamTransformError))
            {
                removed |= RemoveAt(copy, d.Span) || StubResource(copy, d, stubbed);
                removedSpans.Add(d.Span);
            }

            if (!removed)
            {
                break;
            }

            var attempt = SamTranslator.Transform(copy, options);
            if (attempt.Succeeded)
            {
                return attempt with { Input = failed.Input, Diagnostics = errors, ErrorMessage = failed.ErrorMessage, Assumptions = failed.Assumptions, Partial = true, LeftOut = stubbed };
            }

            latest = attempt.Diagnostics.Where(d => !errors.Any(e => e.Span == d.Span && e.Message == d.Message)).ToList();
            if (latest.Count == 0)
            {
                break;
            }

            // A new error about what encloses a part left out is caused by leaving it out, not by the template:
            // it is left out in turn, but not reported.
            errors.AddRange(latest.Where(d => !removedSpans.Any(r => r.IsKnown && d.Span.IsKnown && Contains(d.Span, r))));
        }

        return failed with { Diagnostics = errors };
    }

    /// <summary>Removes the map entry or list item whose value (or key) is at the span, below Resources or Globals.</summary>
    private static bool RemoveAt(MapNode template, SourceSpan span)
    {
        if (!span.IsKnown)
        {
            return false;
        }

        foreach (var section in new[] { "Globals", "Resources" })
        {
            if (template.Get(section) is MapNode m && m.Span != span && Remove(m, span, depth: 0))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Remove(Node node, SourceSpan span, int depth)
    {
        switch (node)
        {
            case MapNode map:
                foreach (var e in map.Entries)
                {
                    // A resource itself (depth 0 under Resources) is replaced, not removed: see StubResource.
                    if ((e.Value.Span == span || e.KeySpan == span) && depth > 0)
                    {
                        map.Remove(e.Key);
                        return true;
                    }

                    if (Contains(e.Value.Span, span) && Remove(e.Value, span, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            case SeqNode seq:
                for (int i = 0; i < seq.Count; i++)
                {
                    if (seq[i].Span == span)
                    {
                        seq.Items.RemoveAt(i);
                        return true;
                    }

                    if (Contains(seq[i].Span, span) && Remove(seq[i], span, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool Contains(SourceSpan outer, SourceSpan inner) =>
        !outer.IsKnown || ((outer.Line < inner.Line || (outer.Line == inner.Line && outer.Column <= inner.Column))
            && (outer.EndLine > inner.Line || (outer.EndLine == inner.Line && outer.EndColumn >= inner.Column)));

    /// <summary>The resource the error names (or holds the span) becomes a placeholder that keeps its logical id.</summary>
    private static bool StubResource(MapNode template, Diagnostic d, List<string> stubbed)
    {
        if (template.Get("Resources") is not MapNode resources)
        {
            return false;
        }

        var id = ResourceId().Match(d.Message) is { Success: true } m ? m.Groups[1].Value
            : resources.Entries.FirstOrDefault(e => e.Value.Span.IsKnown && d.Span.IsKnown && Contains(e.Value.Span, d.Span)).Key;
        if (id is null || resources.Get(id) is not MapNode resource || resource.Get("Type")?.Str == Placeholder)
        {
            return false;
        }

        var stub = new MapNode { Span = resource.Span };
        stub.Set("Type", new StringNode(Placeholder) { Span = resource.Get("Type")?.Span ?? resource.Span });
        resources.Set(id, stub);
        stubbed.Add(id);
        return true;
    }

    /// <summary>A plain CloudFormation resource with no properties: references to the left-out resource still resolve.</summary>
    private const string Placeholder = "AWS::CloudFormation::WaitConditionHandle";

    [GeneratedRegex(@"^Resource with id \[([^\]]+)\] is invalid")]
    private static partial Regex ResourceId();
}
