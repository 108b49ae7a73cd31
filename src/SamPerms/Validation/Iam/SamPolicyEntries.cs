using SamPerms.Model;

namespace SamPerms.Validation.Iam;

/// <summary>One entry of a SAM function's or state machine's Policies, as written in the template.</summary>
public sealed record SamPolicyEntry(string ResourceId, string ResourceType, Node Entry);

/// <summary>
/// The entries of Policies of every AWS::Serverless::Function and AWS::Serverless::StateMachine in the input
/// (Policies may be one entry or a list; Fn::If entries contribute both branches).
/// </summary>
public static class SamPolicyEntries
{
    public static List<SamPolicyEntry> All(ValidationContext context)
    {
        var result = new List<SamPolicyEntry>();
        foreach (var e in context.InputResources.Entries)
        {
            if (e.Value is not MapNode r || r.Get("Type")?.Str is not ("AWS::Serverless::Function" or "AWS::Serverless::StateMachine") || r.Get("Properties") is not MapNode p)
            {
                continue;
            }

            var policies = p.Get("Policies");
            var type = r.Get("Type")!.Str!;
            if (policies is MapNode single && !Intrinsics.IsIntrinsic(single))
            {
                result.Add(new SamPolicyEntry(e.Key, type, single));
                continue;
            }

            foreach (var item in SamPerms.Iam.PolicyDocuments.Items(policies))
            {
                result.Add(new SamPolicyEntry(e.Key, type, item));
            }
        }

        return result;
    }

    /// <summary>A one-key mapping that is neither an intrinsic function nor a policy document: a policy template reference.</summary>
    public static bool IsTemplateReference(Node entry, out string name, out Node parameters)
    {
        name = "";
        parameters = NullNode.Instance;
        if (entry is not MapNode { Count: 1 } m || Intrinsics.IsIntrinsic(m) || m.Entries[0].Key is "Statement" or "Version")
        {
            return false;
        }

        name = m.Entries[0].Key;
        parameters = m.Entries[0].Value;
        return true;
    }
}
