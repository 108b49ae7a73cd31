using SamPerms.Data;
using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Iam;

public enum PolicyEntryKind
{
    ManagedPolicy,
    PolicyStatement,
    PolicyTemplate,
    Unknown,
}

/// <summary>One entry of a <c>Policies</c> property, its kind, and its index in the list.</summary>
public sealed record PolicyEntry(Node Data, PolicyEntryKind Kind, int Index);

/// <summary>
/// The reference's ResourcePolicies: reads the polymorphic <c>Policies</c> property (a name, a document, a
/// policy template, a list of those, or Fn::If between them) into typed entries.
/// </summary>
public static class ResourcePolicies
{
    public const string PropertyName = "Policies";

    /// <summary>The entries; <paramref name="withTemplates"/> says whether policy templates are recognised.</summary>
    public static List<PolicyEntry> Read(Node? policies, bool withTemplates)
    {
        var result = new List<PolicyEntry>();
        if (!Py.Truthy(policies))
        {
            return result;
        }

        IEnumerable<Node> items = policies is SeqNode s ? s.Items : [policies!];
        int i = 0;
        foreach (var p in items)
        {
            result.Add(new PolicyEntry(p, KindOf(p, withTemplates), i++));
        }

        return result;
    }

    public static PolicyEntryKind KindOf(Node policy, bool withTemplates)
    {
        if (policy is StringNode)
        {
            return PolicyEntryKind.ManagedPolicy;
        }

        if (Intrinsics.IsIf(policy))
        {
            return KindOfIf(policy, withTemplates);
        }

        if (Intrinsics.IsIntrinsic(policy))
        {
            return PolicyEntryKind.ManagedPolicy;
        }

        if (policy is MapNode m && m.ContainsKey("Statement"))
        {
            return PolicyEntryKind.PolicyStatement;
        }

        if (withTemplates && policy is MapNode { Count: 1 } t && PolicyTemplateTable.Has(t.Entries[0].Key))
        {
            return PolicyEntryKind.PolicyTemplate;
        }

        return PolicyEntryKind.Unknown;
    }

    private static PolicyEntryKind KindOfIf(Node policy, bool withTemplates)
    {
        var args = Intrinsics.Arg(policy);
        if (args is not SeqNode { Count: 3 } s)
        {
            throw new InvalidTemplateException("Fn::If requires 3 arguments").Locate(policy);
        }

        var ifKind = KindOf(s[1], withTemplates);
        var elseKind = KindOf(s[2], withTemplates);
        if (ifKind == elseKind)
        {
            return ifKind;
        }

        if (Intrinsics.IsNoValue(s[1]))
        {
            return elseKind;
        }

        if (Intrinsics.IsNoValue(s[2]))
        {
            return ifKind;
        }

        throw new InvalidTemplateException("Different policy types within the same Fn::If statement is unsupported. Separate different policy types into different Fn::If statements").Locate(policy);
    }
}
