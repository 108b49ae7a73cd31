using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Events.Pull;

/// <summary>
/// Type: SelfManagedKafka — Lambda polls Kafka brokers it reaches by address (no EventSourceArn). The role
/// gets an inline policy for the authentication secret, the VPC the brokers live in, the KMS key and the
/// schema registry, as the SourceAccessConfigurations and other properties say.
/// </summary>
public sealed class SelfManagedKafkaEventSource : PullEventSource
{
    private static readonly string[] AuthMechanisms = ["SASL_SCRAM_256_AUTH", "SASL_SCRAM_512_AUTH", "BASIC_AUTH", "CLIENT_CERTIFICATE_TLS_AUTH"];

    private static readonly PropertyTable Table = WithCommon();

    public override string Type => "SelfManagedKafka";

    protected override PropertyTable PropertyTypes => Table;

    protected override Node? EventSourceArn => null;

    protected override string? ManagedPolicyName => null;

    protected override string PollerReads => "cluster";

    protected override List<MapNode>? PolicyStatements(TransformContext ctx)
    {
        if (!Py.Truthy(Prop("KafkaBootstrapServers")))
        {
            throw Error("No KafkaBootstrapServers provided for self managed kafka as an event source");
        }

        var topics = Prop("Topics");
        if (!Py.Truthy(topics))
        {
            throw Error("No Topics provided for self managed kafka as an event source");
        }

        if (topics is SeqNode { Count: not 1 } or MapNode { Count: not 1 })
        {
            throw Error("Topics for self managed kafka only supports single configuration entry.", topics);
        }

        var configurations = Prop("SourceAccessConfigurations");
        if (!Py.Truthy(configurations))
        {
            throw Error("No SourceAccessConfigurations for self managed kafka event provided.");
        }

        var access = ReadAccessConfigurations(configurations!);
        var statements = new SeqNode();
        if (access.AuthUri is not null)
        {
            statements.Add(SecretStatement(access.AuthUri));
        }

        if (access.RootCaUri is not null)
        {
            // The reference grants the auth secret here, not the root CA one (kept for identical output).
            statements.Add(SecretStatement(access.AuthUri ?? NullNode.Instance));
        }

        if (access.InVpc)
        {
            statements.Add(Statement(VpcNetworkActions(), "*"));
        }

        if (Py.Truthy(Prop("SecretsManagerKmsKeyId")))
        {
            statements.Add(KmsDecryptStatement(N.Seq("kms:Decrypt"), SecretsManagerKmsKeyId()));
        }

        foreach (var s in SchemaRegistryStatements(ctx))
        {
            statements.Add(s);
        }

        return
        [
            N.Map(
                ("PolicyDocument", N.Map(("Statement", statements), ("Version", "2012-10-17"))),
                ("PolicyName", "SelfManagedKafkaExecutionRolePolicy")),
        ];
    }

    private static MapNode SecretStatement(Node uri) => Statement(N.Seq("secretsmanager:GetSecretValue"), uri);

    private readonly record struct AccessConfigurations(Node? AuthUri, Node? RootCaUri, bool InVpc);

    /// <summary>The reference's get_secret_key: at most one auth mechanism; VPC subnet and security group together.</summary>
    private AccessConfigurations ReadAccessConfigurations(Node configurations)
    {
        if (configurations is not SeqNode list)
        {
            throw Error("SourceAccessConfigurations for self managed kafka event should be a list.", configurations);
        }

        Node? authUri = null;
        Node? rootCaUri = null;
        bool subnet = false;
        bool securityGroup = false;
        foreach (var item in list)
        {
            var config = Expect.That(item, RelativeId, "SourceAccessConfigurations").ToBeMap();
            var type = config.Get("Type") is StringNode t ? t.Value : null;
            switch (type)
            {
                case "VPC_SUBNET":
                    ValidateUri(config, "VPC_SUBNET");
                    subnet = true;
                    break;
                case "VPC_SECURITY_GROUP":
                    ValidateUri(config, "VPC_SECURITY_GROUP");
                    securityGroup = true;
                    break;
                case not null when AuthMechanisms.Contains(type):
                    if (Py.Truthy(authUri))
                    {
                        throw Error("Multiple auth mechanism properties specified in SourceAccessConfigurations for self managed kafka event.", config);
                    }

                    ValidateUri(config, "auth mechanism");
                    authUri = config.Get("URI");
                    break;
                case "SERVER_ROOT_CA_CERTIFICATE":
                    ValidateUri(config, "SERVER_ROOT_CA_CERTIFICATE");
                    rootCaUri = config.Get("URI");
                    break;
                default:
                    throw Error("Invalid SourceAccessConfigurations Type provided for self managed kafka event.", config);
            }
        }

        if (subnet != securityGroup)
        {
            throw Error("VPC_SUBNET and VPC_SECURITY_GROUP in SourceAccessConfigurations for SelfManagedKafka must be both provided.", list);
        }

        return new AccessConfigurations(authUri, rootCaUri, subnet && securityGroup);
    }

    private void ValidateUri(MapNode config, string what)
    {
        var uri = config.Get("URI");
        if (!Py.Truthy(uri))
        {
            throw Error($"No {what} URI property specified in SourceAccessConfigurations for self managed kafka event.", config);
        }

        if (uri is not StringNode && !Intrinsics.IsIntrinsic(uri))
        {
            throw Error($"Wrong Type for {what} URI property specified in SourceAccessConfigurations for self managed kafka event.", uri);
        }
    }
}
