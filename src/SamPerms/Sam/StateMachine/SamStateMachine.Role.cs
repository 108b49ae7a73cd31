using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Iam;

namespace SamPerms.Sam.StateMachine;

public sealed partial class SamStateMachine
{
    /// <summary>
    /// The execution role (the reference's StateMachineGenerator._construct_role): trusted by Step Functions, with
    /// the Policies (policy templates were already expanded by the plugin) and, when tracing is enabled, X-Ray.
    /// </summary>
    private CfnResource ConstructRole(TransformContext ctx)
    {
        var policies = Prop("Policies");
        if (Prop("Tracing") is MapNode tracing && tracing.Get("Enabled") is BoolNode { Value: true })
        {
            var withXray = policies is SeqNode list ? new SeqNode(list.Items) : policies is null ? new SeqNode() : N.Seq(policies);
            withXray.Span = policies?.Span ?? default;
            withXray.Add(ctx.Partition == "aws" ? "AWSXrayWriteOnlyAccess" : "AWSXRayDaemonWriteAccess");
            policies = withXray;
        }

        return RoleConstructor.Construct(
            new RoleConstructor.Request(
                this,
                PassthroughAttributes(),
                IamPolicies.AssumeRoleForService("states.amazonaws.com"),
                policies,
                [],
                [],
                Prop("RolePath"),
                Prop("PermissionsBoundary"),
                TagList()),
            ctx);
    }
}
