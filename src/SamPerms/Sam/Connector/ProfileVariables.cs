using System.Text.RegularExpressions;
using SamPerms.Model;

namespace SamPerms.Sam.Connector;

/// <summary>
/// Fills the <c>%{Name}</c> variables of connector profiles (the reference's profile_replace). A string that is
/// exactly one variable becomes the variable's value (which may be an intrinsic); a string with variables inside
/// becomes an Fn::Sub whose variables carry the values; a string already holding <c>${...}</c> becomes an
/// Fn::Sub as it is. A variable without a value is an error ("Source.Arn is missing.").
/// </summary>
internal static partial class ProfileVariables
{
    public static Node Replace(Node node, IReadOnlyList<(string Name, Node? Value)> values)
    {
        switch (node)
        {
            case MapNode m:
                var map = new MapNode();
                foreach (var e in m.Entries)
                {
                    map.Set(e.Key, Replace(e.Value, values));
                }

                return map;
            case SeqNode s:
                return new SeqNode(s.Items.Select(i => Replace(i, values)));
            case StringNode str:
                return ReplaceInString(str.Value, values);
            default:
                return node;
        }
    }

    private static Node ReplaceInString(string s, IReadOnlyList<(string Name, Node? Value)> values)
    {
        var subVariables = new MapNode();
        foreach (var (name, value) in values)
        {
            var pattern = "%{" + name + "}";
            bool contains = s.Contains(pattern, StringComparison.Ordinal);
            if (contains && value is null)
            {
                throw new ProfileVariableMissingException($"{name} is missing.");
            }

            if (s == pattern)
            {
                return value!.Clone();
            }

            if (contains)
            {
                // Fn::Sub variable names cannot hold punctuation.
                var subName = Py.AlnumOnly(name);
                s = s.Replace(pattern, "${" + subName + "}", StringComparison.Ordinal);
                subVariables.Set(subName, value!.Clone());
            }
        }

        if (SubPlaceholder().IsMatch(s))
        {
            return subVariables.Count > 0 ? N.Map(("Fn::Sub", N.Seq(s, subVariables))) : N.Map(("Fn::Sub", s));
        }

        return new StringNode(s);
    }

    [GeneratedRegex(@"\${.+}")]
    private static partial Regex SubPlaceholder();
}

/// <summary>A profile variable the connector's source or destination does not provide.</summary>
internal sealed class ProfileVariableMissingException(string message) : Exception(message);
