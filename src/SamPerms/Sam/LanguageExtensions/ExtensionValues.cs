using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.LanguageExtensions;

/// <summary>
/// What the language extensions know before deploy: parameter values (the caller's overrides, then defaults; list
/// types as lists), the Mappings, and the conditions that these values decide.
/// </summary>
internal sealed class ExtensionValues
{
    private readonly Dictionary<string, Node> _parameters = new(StringComparer.Ordinal);
    private readonly MapNode? _mappings;
    private MapNode? _conditions;
    private readonly Dictionary<string, bool?> _decided = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deciding = new(StringComparer.Ordinal);

    public ExtensionValues(MapNode template, TransformOptions options)
    {
        _mappings = template.Get("Mappings") as MapNode;
        if (template.Get("Parameters") is not MapNode parameters)
        {
            return;
        }

        foreach (var e in parameters.Entries)
        {
            if (e.Value is not MapNode p)
            {
                continue;
            }

            var type = p.Get("Type")?.Str ?? "String";

            // An SSM parameter type's value is the name of the SSM parameter, not the value used at deploy.
            if (type.StartsWith("AWS::SSM::", StringComparison.Ordinal))
            {
                continue;
            }

            Node? value = options.ParameterOverrides.TryGetValue(e.Key, out var given) ? new StringNode(given) : p.Get("Default");
            if (value is null || value is MapNode or NullNode)
            {
                continue;
            }

            bool isList = type == "CommaDelimitedList" || type.StartsWith("List<", StringComparison.Ordinal);
            _parameters[e.Key] = isList ? AsList(value) : Scalar(value);
        }
    }

    /// <summary>The value of a parameter that is known before deploy (a string, or a list for list types).</summary>
    public Node? Parameter(string name) => _parameters.GetValueOrDefault(name);

    public void UseConditions(MapNode conditions) => _conditions = conditions;

    /// <summary>Mappings lookup: the value, or null when the map or a key is missing.</summary>
    public Node? Lookup(string map, string top, string second) =>
        ((_mappings?.Get(map) as MapNode)?.Get(top) as MapNode)?.Get(second);

    /// <summary>A condition's value when the known parameter values decide it; null when not.</summary>
    public bool? Condition(string name)
    {
        if (_decided.TryGetValue(name, out var known))
        {
            return known;
        }

        if (_conditions?.Get(name) is not { } body || !_deciding.Add(name))
        {
            return null;
        }

        var value = Evaluate(body);
        _deciding.Remove(name);
        _decided[name] = value;
        return value;
    }

    private bool? Evaluate(Node node)
    {
        if (node is BoolNode b)
        {
            return b.Value;
        }

        if (!Intrinsics.IsIntrinsic(node))
        {
            return null;
        }

        var args = Intrinsics.Arg(node);
        switch (Intrinsics.FunctionName(node))
        {
            case "Condition":
                return args is StringNode s ? Condition(s.Value) : null;
            case "Fn::Not":
                return args is SeqNode { Count: 1 } n && Evaluate(n[0]) is { } negated ? !negated : null;
            case "Fn::And":
            case "Fn::Or":
            {
                if (args is not SeqNode list)
                {
                    return null;
                }

                bool and = Intrinsics.FunctionName(node) == "Fn::And";
                bool unknown = false;
                foreach (var item in list.Items)
                {
                    var v = Evaluate(item);
                    if (v == !and)
                    {
                        return !and;
                    }

                    unknown |= v is null;
                }

                return unknown ? null : and;
            }

            case "Fn::Equals":
                return args is SeqNode { Count: 2 } eq && Text(eq[0]) is { } left && Text(eq[1]) is { } right ? left == right : null;
            default:
                return null;
        }
    }

    /// <summary>A resolved scalar as CloudFormation compares it (a string).</summary>
    private static string? Text(Node node) => node switch
    {
        StringNode s => s.Value,
        IntNode i => i.Text,
        BoolNode b => b.Value ? "true" : "false",
        FloatNode f => JsonText.Compact(f),
        _ => null,
    };

    private static Node Scalar(Node value) => value is SeqNode ? value : Text(value) is { } t ? new StringNode(t) { Span = value.Span } : value;

    private static SeqNode AsList(Node value)
    {
        if (value is SeqNode seq)
        {
            return seq;
        }

        var text = Text(value) ?? "";
        return new SeqNode(text.Split(',').Select(x => (Node)new StringNode(x.Trim()) { Span = value.Span })) { Span = value.Span };
    }
}
