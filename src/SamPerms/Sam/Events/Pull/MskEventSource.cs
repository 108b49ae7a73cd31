using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Events.Pull;

/// <summary>
/// Type: MSK — Lambda polls an Amazon MSK cluster. The role gets AWSLambdaMSKExecutionRole, plus an inline
/// MSKExecutionRolePolicy for the schema registry and a client-certificate secret when those are used.
/// </summary>
public sealed class MskEventSource : PullEventSource
{
    private static readonly PropertyTable Table = WithCommon(("Stream", RequiredPassThrough), ("StartingPosition", RequiredPassThrough));

    public override string Type => "MSK";

    protected override PropertyTable PropertyTypes => Table;

    protected override Node? EventSourceArn => Prop("Stream");

    protected override string? ManagedPolicyName => "service-role/AWSLambdaMSKExecutionRole";

    protected override string PollerReads => "cluster";

    protected override List<MapNode>? PolicyStatements(TransformContext ctx)
    {
        var statements = SchemaRegistryStatements(ctx);
        if (Prop("SourceAccessConfigurations") is SeqNode configurations)
        {
            foreach (var conf in configurations)
            {
                // Lambda takes a single client certificate; every such entry is granted all the same.
                if (conf is MapNode m && m.Get("Type") is StringNode { Value: "CLIENT_CERTIFICATE_TLS_AUTH" } && m.Get("URI") is { } uri && Py.Truthy(uri))
                {
                    statements.Add(Statement(N.Seq("secretsmanager:GetSecretValue"), uri));
                }
            }
        }

        if (statements.Count == 0)
        {
            return null;
        }

        return [N.Map(("PolicyName", "MSKExecutionRolePolicy"), ("PolicyDocument", N.Map(("Statement", N.Seq(statements)))))];
    }
}
