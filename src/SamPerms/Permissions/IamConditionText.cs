using System.Text;
using SamPerms.Model;

namespace SamPerms.Permissions;

/// <summary>
/// An IAM Condition block written the way every other value is shown: <c>StringEquals
/// aws:ResourceAccount=${AWS::AccountId}</c>, values rendered with the template's parameters and pseudo
/// parameters, several values as <c>[a, b]</c>, operators separated by <c>; </c>.
/// </summary>
public static class IamConditionText
{
    public static string Render(Node condition, StaticValues? values)
    {
        if (condition is not MapNode operators || Intrinsics.IsIntrinsic(operators))
        {
            return Value(condition, values);
        }

        var sb = new StringBuilder();
        foreach (var op in operators.Entries)
        {
            if (sb.Length > 0)
            {
                sb.Append("; ");
            }

            sb.Append(op.Key);
            if (op.Value is MapNode keys && !Intrinsics.IsIntrinsic(keys))
            {
                bool first = true;
                foreach (var k in keys.Entries)
                {
                    sb.Append(first ? " " : ", ").Append(k.Key).Append('=').Append(Value(k.Value, values));
                    first = false;
                }
            }
            else
            {
                sb.Append(' ').Append(Value(op.Value, values));
            }
        }

        return sb.ToString();
    }

    private static string Value(Node node, StaticValues? values) => node switch
    {
        SeqNode s => "[" + string.Join(", ", s.Items.Select(i => Value(i, values))) + "]",
        _ when values is not null => values.Render(node).Text,
        StringNode str => str.Value,
        _ => node.ToString(),
    };
}
