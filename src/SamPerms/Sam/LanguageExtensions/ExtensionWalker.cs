using System.Collections.Immutable;
using System.Text;
using SamPerms.Model;

namespace SamPerms.Sam.LanguageExtensions;

/// <summary>
/// Walks a template section bottom-up: expands each <c>Fn::ForEach::Name</c> key into the keys it generates, then
/// resolves each intrinsic whose arguments have become known. Loop identifiers are in scope inside their loop.
/// </summary>
internal sealed class ExtensionWalker(ExtensionValues values)
{
    public static readonly ImmutableDictionary<string, string> NoLoop = ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    private const string ForEachPrefix = "Fn::ForEach::";

    /// <summary>Loops nested deeper than this are a runaway template, not a real one.</summary>
    private const int MaxDepth = 64;

    private int _depth;

    public List<ExtensionError> Errors { get; } = [];

    public Node Walk(Node node, ImmutableDictionary<string, string> loop) => node switch
    {
        MapNode map => WalkMap(map, loop),
        SeqNode seq => new SeqNode(seq.Items.Select(i => Walk(i, loop))) { Span = seq.Span },
        _ => node,
    };

    private Node WalkMap(MapNode map, ImmutableDictionary<string, string> loop)
    {
        var result = new MapNode(map.Count) { Span = map.Span };
        foreach (var e in map.Entries)
        {
            var key = loop.Count > 0 ? ReplaceIdentifiers(e.Key, loop) : e.Key;
            if (key.StartsWith(ForEachPrefix, StringComparison.Ordinal))
            {
                foreach (var generated in ExpandForEach(key, e.Value, loop).Entries)
                {
                    if (result.ContainsKey(generated.Key))
                    {
                        Errors.Add(new ExtensionError($"{key} generates '{generated.Key}', which is already defined", e.Value));
                        continue;
                    }

                    result.Add(generated);
                }

                continue;
            }

            if (result.ContainsKey(key))
            {
                Errors.Add(new ExtensionError($"'{key}' is defined twice after Fn::ForEach identifiers are replaced", e.Value));
                continue;
            }

            result.Add(new MapEntry(key, Walk(e.Value, loop), e.KeySpan, e.KeyUnicode) { KeyIsString = e.KeyIsString });
        }

        return result.Count == 1 && Intrinsics.IsIntrinsic(result) ? ExtensionIntrinsics.Resolve(result, loop, values, Errors) : result;
    }

    /// <summary>Fn::ForEach::Name: [Identifier, Collection, {OutputKey: OutputValue}] → the keys it generates.</summary>
    private MapNode ExpandForEach(string key, Node value, ImmutableDictionary<string, string> loop)
    {
        var generated = new MapNode();
        if (value is not SeqNode { Count: 3 } args || args[0] is not StringNode { Value.Length: > 0 } id || args[2] is not MapNode body)
        {
            Errors.Add(new ExtensionError($"{key} must be a list of three: an identifier, a collection, and a mapping of output keys to values", value));
            return generated;
        }

        if (loop.ContainsKey(id.Value) || values.Parameter(id.Value) is not null)
        {
            Errors.Add(new ExtensionError($"{key}: the identifier '{id.Value}' is already used by an outer loop or a parameter", id));
            return generated;
        }

        var collection = Walk(args[1], loop);
        if (collection is not SeqNode items || items.Items.Any(i => Scalar(i) is null))
        {
            Errors.Add(new ExtensionError($"{key}: the collection must be a list of strings known before deploy (a list, or a Ref to a CommaDelimitedList parameter with a value: pass --parameter-overrides)", args[1]));
            return generated;
        }

        if (++_depth > MaxDepth)
        {
            _depth--;
            Errors.Add(new ExtensionError($"{key}: Fn::ForEach loops are nested more than {MaxDepth} deep", value));
            return generated;
        }

        foreach (var item in items.Items)
        {
            var inner = loop.SetItem(id.Value, Scalar(item)!);
            if (Walk(body, inner) is not MapNode expanded)
            {
                continue;
            }

            foreach (var g in expanded.Entries)
            {
                if (generated.ContainsKey(g.Key))
                {
                    Errors.Add(new ExtensionError($"{key} generates '{g.Key}' more than once: its output key must use the identifier ${{{id.Value}}} or &{{{id.Value}}}", body));
                    continue;
                }

                generated.Add(g);
            }
        }

        _depth--;
        return generated;
    }

    /// <summary>A collection item as a string (CloudFormation's collections hold strings; numbers are read as text).</summary>
    private static string? Scalar(Node item) => item switch
    {
        StringNode s => s.Value,
        IntNode i => i.Text,
        BoolNode b => b.Value ? "true" : "false",
        _ => null,
    };

    /// <summary>Replaces <c>${Id}</c> with the value and <c>&amp;{Id}</c> with its letters and digits only.</summary>
    public static string ReplaceIdentifiers(string text, ImmutableDictionary<string, string> loop)
    {
        if (!text.Contains('{', StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            if ((text[i] == '$' || text[i] == '&') && i + 1 < text.Length && text[i + 1] == '{')
            {
                int close = text.IndexOf('}', i + 2);
                if (close > 0 && loop.TryGetValue(text[(i + 2)..close], out var v))
                {
                    sb.Append(text[i] == '$' ? v : Alphanumeric(v));
                    i = close + 1;
                    continue;
                }
            }

            sb.Append(text[i]);
            i++;
        }

        return sb.ToString();
    }

    private static string Alphanumeric(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
