using SamPerms.Model;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Events.Pull;

public abstract partial class PullEventSource
{
    protected static MapNode Statement(Node action, Node resource) =>
        N.Map(("Action", action), ("Effect", "Allow"), ("Resource", resource));

    /// <summary>Lets the poller decrypt the source's secret with the customer's KMS key.</summary>
    protected static MapNode KmsDecryptStatement(Node action, string keyId) =>
        Statement(action, N.Sub("arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/" + keyId));

    /// <summary>What a poller needs to reach a source inside a VPC (it creates network interfaces there).</summary>
    protected static SeqNode VpcNetworkActions() => N.Strings(
    [
        "ec2:CreateNetworkInterface",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DeleteNetworkInterface",
        "ec2:DescribeVpcs",
        "ec2:DescribeSubnets",
        "ec2:DescribeSecurityGroups",
    ]);
}
