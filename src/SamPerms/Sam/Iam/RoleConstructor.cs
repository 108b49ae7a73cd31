using SamPerms.Data;
using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Iam;

/// <summary>
/// Builds the execution role of a function or state machine from its Policies (the reference's
/// construct_role_for_resource): statements become inline policies named &lt;Role&gt;Policy&lt;index&gt;,
/// names become managed policy ARNs (deduplicated), Fn::If is kept around either.
/// </summary>
public static class RoleConstructor
{
    public sealed record Request(
        SamResource Owner,
        MapNode Attributes,
        Node AssumeRolePolicyDocument,
        Node? Policies,
        List<Node> ManagedPolicyArns,
        List<Node> PolicyDocuments,
        Node? RolePath,
        Node? PermissionsBoundary,
        Node? Tags);

    public static CfnResource Construct(Request r, TransformContext ctx)
    {
        var roleId = r.Owner.LogicalId + "Role";
        var role = new CfnResource(roleId, "AWS::IAM::Role").WithAttributes(r.Attributes);
        role.Origin = r.Owner.OriginOf(r.Owner.Prop(ResourcePolicies.PropertyName) is not null ? ResourcePolicies.PropertyName : "");
        role["AssumeRolePolicyDocument"] = r.AssumeRolePolicyDocument;
        var managed = r.ManagedPolicyArns;
        var documents = r.PolicyDocuments;
        foreach (var entry in ResourcePolicies.Read(r.Policies, withTemplates: false))
        {
            switch (entry.Kind)
            {
                case PolicyEntryKind.PolicyStatement:
                    if (Intrinsics.IsIf(entry.Data))
                    {
                        documents.Add(ConvertIf(entry.Data, v => !Intrinsics.IsNoValue(v), v => InlinePolicy(roleId, entry.Index, v)));
                    }
                    else
                    {
                        documents.Add(InlinePolicy(roleId, entry.Index, entry.Data));
                    }

                    break;
                case PolicyEntryKind.ManagedPolicy:
                    var arn = entry.Data;
                    if (arn is StringNode name)
                    {
                        arn = ManagedArn(name, ctx);
                    }
                    else if (Intrinsics.IsIf(arn))
                    {
                        arn = ConvertIf(arn, v => !Intrinsics.IsNoValue(v) && v is StringNode, v => ManagedArn((StringNode)v, ctx));
                    }

                    if (!managed.Any(m => Py.Equal(m, arn)))
                    {
                        managed.Add(arn);
                    }

                    break;
                default:
                    throw new InvalidResourceException(r.Owner.LogicalId, $"Policy at index {entry.Index} in the '{ResourcePolicies.PropertyName}' property is not valid").Locate(entry.Data);
            }
        }

        role["ManagedPolicyArns"] = N.Seq(managed);
        role["Policies"] = documents.Count > 0 ? N.Seq(documents) : null;
        role["Path"] = r.RolePath;
        role["PermissionsBoundary"] = r.PermissionsBoundary;
        role["Tags"] = r.Tags;
        return role;
    }

    private static MapNode InlinePolicy(string roleId, int index, Node document)
    {
        var m = N.Map(("PolicyName", $"{roleId}Policy{index}"), ("PolicyDocument", document));
        m.Span = document.Span;
        return m;
    }

    /// <summary>A managed policy name's ARN: SAM's bundled map for the partition, else the text as given.</summary>
    public static Node ManagedArn(StringNode name, TransformContext ctx)
    {
        var arn = ManagedPolicyNames.Arn(name.Value, ctx.Partition);
        return arn is null ? name : new StringNode(arn) { Span = name.Span };
    }

    /// <summary>Converts the two branches of an Fn::If in place, like the reference.</summary>
    private static Node ConvertIf(Node intrinsicIf, Func<Node, bool> convertible, Func<Node, Node> convert)
    {
        var args = (SeqNode)Intrinsics.Arg(intrinsicIf);
        if (convertible(args[1]))
        {
            args[1] = convert(args[1]);
        }

        if (convertible(args[2]))
        {
            args[2] = convert(args[2]);
        }

        return intrinsicIf;
    }
}
