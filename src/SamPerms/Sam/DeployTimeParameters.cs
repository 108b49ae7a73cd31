using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Diagnostics;

namespace SamPerms.Sam;

/// <summary>Parameters without Default and without an override: CloudFormation asks for them at deploy.</summary>
public static class DeployTimeParameters
{
    /// <summary>The names of the template's parameters that have no value before deploy.</summary>
    public static List<string> Missing(MapNode template, TransformOptions options) =>
        template.Get("Parameters") is MapNode parameters
            ? parameters.Entries.Where(e => e.Value is MapNode p && !p.ContainsKey("Default") && !options.ParameterOverrides.ContainsKey(e.Key)).Select(e => e.Key).ToList()
            : [];

    /// <summary>The overrides plus a placeholder for each missing parameter: its first AllowedValue, its MinValue, or its name.</summary>
    public static Dictionary<string, string> WithPlaceholders(MapNode template, TransformOptions options, IReadOnlyList<string> missing)
    {
        var values = new Dictionary<string, string>(options.ParameterOverrides, StringComparer.Ordinal);
        var parameters = (MapNode)template.Get("Parameters")!;
        foreach (var name in missing)
        {
            values[name] = Placeholder(name, (MapNode)parameters.Get(name)!);
        }

        return values;
    }

    public static string Placeholder(string name, MapNode parameter)
    {
        if (parameter.Get("AllowedValues") is SeqNode { Count: > 0 } allowed && Scalar(allowed[0]) is { } first)
        {
            return first;
        }

        return parameter.Get("Type")?.Str == "Number" ? Scalar(parameter.Get("MinValue")) ?? "1" : name;
    }

    /// <summary>SP2003 where SAM needed a literal (each error of the first attempt that involves a missing parameter).</summary>
    public static IEnumerable<Diagnostic> Describe(TransformOutcome failed, IReadOnlyList<string> missing, IReadOnlyDictionary<string, string> placeholders)
    {
        foreach (var d in failed.Diagnostics)
        {
            var which = missing.Where(m => d.Message.Contains(m, StringComparison.Ordinal) || RefersTo(failed.Input, d.Span, m)).ToList();
            if (which.Count == 0)
            {
                which = [.. missing];
            }

            yield return DiagnosticCatalog.DeployTimeValueDescriptor.At(d.Span,
                $"SAM needs a value here that only deploy supplies: parameter {string.Join(", ", which)} has no Default and no override. Analysed with the placeholder {string.Join(", ", which.Select(w => $"{w}='{placeholders[w]}'"))}; findings about this resource assume it (pass --parameter-overrides {string.Join(" ", which.Select(w => w + "=VALUE"))} for exact results). SAM's own words: {d.Message}");
        }
    }

    /// <summary>Does the node at <paramref name="span"/> hold a Ref (or ${...}) to the parameter?</summary>
    private static bool RefersTo(Node? root, Text.SourceSpan span, string parameter)
    {
        var text = root is null ? null : Find(root, span);
        return text is not null && (text.Contains("\"Ref\":\"" + parameter + "\"", StringComparison.Ordinal) || text.Contains("${" + parameter + "}", StringComparison.Ordinal));
    }

    private static string? Find(Node node, Text.SourceSpan span)
    {
        if (node.Span == span)
        {
            return node.ToString();
        }

        IEnumerable<Node> children = node switch
        {
            MapNode m => m.Values,
            SeqNode s => s.Items,
            _ => [],
        };
        foreach (var c in children)
        {
            if (c.Span.IsKnown && (c.Span.Line > span.Line || c.Span.EndLine < span.Line) && c.Span.EndLine != 0)
            {
                continue;
            }

            if (Find(c, span) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string? Scalar(Node? node) => node switch
    {
        StringNode s => s.Value,
        IntNode i => i.Text,
        _ => null,
    };
}
