using System.Collections.Immutable;
using System.Globalization;
using SamPerms.Model;

namespace SamPerms.Sam.LanguageExtensions;

/// <summary>
/// One intrinsic function, its arguments already walked, resolved as the language extensions resolve it when the
/// values it needs are known; otherwise returned as it is (with what could be resolved inside it). A resolved
/// value takes the span of the function it replaces.
/// </summary>
internal static class ExtensionIntrinsics
{
    public static Node Resolve(MapNode fn, ImmutableDictionary<string, string> loop, ExtensionValues values, List<ExtensionError> errors)
    {
        var name = fn.Entries[0].Key;
        var arg = fn.Entries[0].Value;
        var resolved = name switch
        {
            "Ref" => Ref(arg, loop, values),
            "Fn::Sub" => Sub(fn, arg, loop, values),
            "Fn::Join" => Join(arg),
            "Fn::Select" => Select(arg),
            "Fn::Split" => Split(arg),
            "Fn::If" => If(arg, values),
            "Fn::Length" => Length(arg, errors, fn),
            "Fn::ToJsonString" => ToJsonString(arg),
            "Fn::FindInMap" => FindInMap(fn, arg, values),
            _ => null,
        };
        if (resolved is null || ReferenceEquals(resolved, fn))
        {
            return fn;
        }

        return WithSpan(resolved, fn.Span);
    }

    private static Node? Ref(Node arg, ImmutableDictionary<string, string> loop, ExtensionValues values)
    {
        if (arg is not StringNode s)
        {
            return null;
        }

        return loop.TryGetValue(s.Value, out var v) ? new StringNode(v) : values.Parameter(s.Value)?.Clone();
    }

    private static Node? Sub(MapNode fn, Node arg, ImmutableDictionary<string, string> loop, ExtensionValues values)
    {
        string? text;
        MapNode? variables = null;
        if (arg is StringNode s)
        {
            text = s.Value;
        }
        else if (arg is SeqNode { Count: 2 } list && list[0] is StringNode s0 && list[1] is MapNode vars)
        {
            text = s0.Value;
            variables = vars;
        }
        else
        {
            return null;
        }

        var (result, complete) = Substitute(text, name =>
            loop.TryGetValue(name, out var v) ? v
            : variables?.Get(name) is { } given ? Text(given)
            : variables is null || !variables.ContainsKey(name) ? (values.Parameter(name) as StringNode)?.Value : null);
        if (complete)
        {
            return new StringNode(result);
        }

        if (result == text)
        {
            return null;
        }

        var newArg = variables is null ? (Node)new StringNode(result) { Span = arg.Span } : new SeqNode([new StringNode(result) { Span = ((SeqNode)arg)[0].Span }, variables]) { Span = arg.Span };
        var m = new MapNode { Span = fn.Span };
        m.Add("Fn::Sub", newArg, fn.KeySpanOf("Fn::Sub"));
        return m;
    }

    /// <summary>
    /// Replaces the <c>${Name}</c> variables whose value is known; complete when none is left, and then <c>${!x}</c>
    /// becomes the literal <c>${x}</c>. A value that itself holds <c>${</c> is left for Fn::Sub to avoid reading it as a variable.
    /// </summary>
    internal static (string Text, bool Complete) Substitute(string text, Func<string, string?> valueOf)
    {
        bool complete = true;
        var result = SubPlaceholders.Replace(text, name =>
        {
            if (name.StartsWith('!'))
            {
                return null;
            }

            if (valueOf(name) is { } v && !v.Contains("${", StringComparison.Ordinal))
            {
                return v;
            }

            complete = false;
            return null;
        });
        return complete ? (result.Replace("${!", "${", StringComparison.Ordinal), true) : (result, false);
    }

    private static Node? Join(Node arg)
    {
        if (arg is not SeqNode { Count: 2 } args || args[0] is not StringNode delimiter || args[1] is not SeqNode parts)
        {
            return null;
        }

        var texts = parts.Items.Select(Text).ToList();
        return texts.Any(t => t is null) ? null : new StringNode(string.Join(delimiter.Value, texts));
    }

    private static Node? Select(Node arg)
    {
        if (arg is not SeqNode { Count: 2 } args || args[1] is not SeqNode list
            || !int.TryParse(Text(args[0]), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= list.Count)
        {
            return null;
        }

        var item = list[index];
        return Intrinsics.IsIntrinsic(item) ? null : item.Clone();
    }

    private static Node? Split(Node arg)
    {
        if (arg is not SeqNode { Count: 2 } args || args[0] is not StringNode { Value.Length: > 0 } delimiter || args[1] is not StringNode source)
        {
            return null;
        }

        return new SeqNode(source.Value.Split(delimiter.Value).Select(p => (Node)new StringNode(p) { Span = source.Span }));
    }

    private static Node? If(Node arg, ExtensionValues values)
    {
        if (arg is not SeqNode { Count: 3 } args || args[0] is not StringNode condition || values.Condition(condition.Value) is not { } decided)
        {
            return null;
        }

        var chosen = decided ? args[1] : args[2];

        // AWS::NoValue removes the property: leave that to the consumers that already understand it.
        return Intrinsics.IsNoValue(chosen) ? null : chosen;
    }

    private static Node? Length(Node arg, List<ExtensionError> errors, MapNode fn)
    {
        if (arg is SeqNode list)
        {
            return new IntNode(list.Count);
        }

        if (!Intrinsics.IsIntrinsic(arg))
        {
            errors.Add(new ExtensionError("Fn::Length takes a list (or a function that returns one)", fn));
        }

        return null;
    }

    private static Node? ToJsonString(Node arg) =>
        arg is MapNode or SeqNode && !HasIntrinsic(arg) ? new StringNode(JsonText.Compact(arg)) : null;

    private static Node? FindInMap(MapNode fn, Node arg, ExtensionValues values)
    {
        if (arg is not SeqNode { Count: 3 or 4 } args)
        {
            return null;
        }

        Node? fallback = args.Count == 4 && args[3] is MapNode options && options.Get("DefaultValue") is { } d ? d : null;
        if (Text(args[0]) is { } map && Text(args[1]) is { } top && Text(args[2]) is { } second)
        {
            if (values.Lookup(map, top, second) is { } found)
            {
                return found.Clone();
            }

            if (fallback is not null)
            {
                return fallback;
            }
        }

        if (args.Count == 4)
        {
            // Keys known only at deploy: CloudFormation's plain Fn::FindInMap is what is left to evaluate.
            var m = new MapNode { Span = fn.Span };
            m.Add("Fn::FindInMap", new SeqNode(args.Items.Take(3)) { Span = args.Span }, fn.KeySpanOf("Fn::FindInMap"));
            return m;
        }

        return null;
    }

    private static string? Text(Node node) => node switch
    {
        StringNode s => s.Value,
        IntNode i => i.Text,
        _ => null,
    };

    private static bool HasIntrinsic(Node node) => node switch
    {
        MapNode m => Intrinsics.IsIntrinsic(m) || m.Values.Any(HasIntrinsic),
        SeqNode s => s.Items.Any(HasIntrinsic),
        _ => false,
    };

    /// <summary>A resolved value carries the place of the function it replaces (a shared node is copied first).</summary>
    private static Node WithSpan(Node value, Text.SourceSpan span)
    {
        if (value is StringNode s && s.Span != span)
        {
            return new StringNode(s.Value) { Span = span, Unicode = s.Unicode };
        }

        if (!value.Span.IsKnown)
        {
            value.Span = span;
        }

        return value;
    }
}
