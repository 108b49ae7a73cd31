using System.Text;
using SamPerms.Model;

namespace SamPerms.Permissions;

/// <summary>
/// Template parameters declared <c>NoEcho: true</c>: their values (given on the command line, by samconfig, or
/// as the default) are secrets. The permission views keep them symbolic (<c>${DbPassword}</c>); the command
/// line conceals any that still reach an output (<c>****</c>).
/// </summary>
public static class NoEchoParameters
{
    /// <summary>The names of the template's NoEcho parameters.</summary>
    public static IReadOnlySet<string> Names(Node? template)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if ((template as MapNode)?.Get("Parameters") is MapNode parameters)
        {
            foreach (var e in parameters.Entries)
            {
                if (e.Value is MapNode p && p.Get("NoEcho") is { } flag && IsTrue(flag))
                {
                    names.Add(e.Key);
                }
            }
        }

        return names;
    }

    /// <summary>
    /// The secret values: each NoEcho parameter's override, else its default, as written and as a JSON string
    /// writes it (so a value with quotes or backslashes is found in JSON and SARIF outputs too).
    /// </summary>
    public static IReadOnlyList<string> Values(Node? template, IReadOnlyDictionary<string, string> overrides)
    {
        var values = new List<string>();
        var parameters = (template as MapNode)?.Get("Parameters") as MapNode;
        foreach (var name in Names(template))
        {
            var value = overrides.TryGetValue(name, out var given) ? given
                : (parameters?.Get(name) as MapNode)?.Get("Default") is { } d and not MapNode and not SeqNode and not NullNode ? Scalar(d) : null;
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            values.Add(value);
            var sb = new StringBuilder();
            JsonText.WriteString(sb, value, ensureAscii: false);
            var json = sb.ToString()[1..^1];
            if (json != value)
            {
                values.Add(json);
            }
        }

        return values;
    }

    private static string Scalar(Node node) => node is StringNode s ? s.Value : node.ToString();

    private static bool IsTrue(Node flag) => flag switch
    {
        BoolNode b => b.Value,
        StringNode s => s.Value.Equals("true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
