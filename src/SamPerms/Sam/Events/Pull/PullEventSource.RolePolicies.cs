using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Events.Pull;

public abstract partial class PullEventSource
{
    /// <summary>
    /// The reference's _link_policy: adds the poller's managed policy and inline policies to the execution
    /// role, skipping any whose document the role already has. The role is SAM's own even when the function
    /// names an explicit Role (then it is not emitted, so the additions have no effect) — but the checks the
    /// policy builders make still run.
    /// </summary>
    private void LinkPolicies(CfnResource? role, TransformContext ctx, MapNode? destinationPolicy)
    {
        var managedPolicy = ManagedPolicyName is { } name ? ctx.ManagedPolicyArn(name) : null;
        var statements = PolicyStatements(ctx);
        if (role is null)
        {
            return;
        }

        if (managedPolicy is not null)
        {
            if (role["ManagedPolicyArns"] is not SeqNode managed)
            {
                managed = new SeqNode();
                role["ManagedPolicyArns"] = managed;
            }

            if (!managed.Items.Any(m => m is StringNode s && s.Value == managedPolicy))
            {
                managed.Add(new StringNode(managedPolicy));
            }
        }

        if (statements is not null)
        {
            var policies = RolePolicies(role);
            foreach (var policy in statements)
            {
                AddUnlessDocumentPresent(policies, policy);
            }
        }

        if (destinationPolicy is not null)
        {
            AddUnlessDocumentPresent(RolePolicies(role), destinationPolicy);
        }
    }

    private static SeqNode RolePolicies(CfnResource role)
    {
        if (role["Policies"] is not SeqNode policies)
        {
            policies = new SeqNode();
            role["Policies"] = policies;
        }

        return policies;
    }

    private static void AddUnlessDocumentPresent(SeqNode policies, MapNode policy)
    {
        var document = policy.Get("PolicyDocument");
        if (policies.Items.Any(p => Py.Equal(p, policy) || (p is MapNode m && Py.Equal(m.Get("PolicyDocument"), document))))
        {
            return;
        }

        policies.Add(policy);
    }
}
