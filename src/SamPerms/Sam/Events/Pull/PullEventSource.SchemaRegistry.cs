using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Events.Pull;

public abstract partial class PullEventSource
{
    private static readonly string[] SchemaRegistryRequiredFields = ["SchemaRegistryURI", "EventRecordFormat", "SchemaValidationConfigs"];

    /// <summary>The reference's validate_schema_registry_config (Kafka sources).</summary>
    private void ValidateSchemaRegistryConfig(MapNode config)
    {
        foreach (var field in SchemaRegistryRequiredFields)
        {
            if (!config.ContainsKey(field))
            {
                throw Error($"Missing required field {field} in SchemaRegistryConfig", config);
            }
        }

        var format = config.Get("EventRecordFormat");
        if (format is not StringNode { Value: "JSON" or "SOURCE" })
        {
            throw Error("EventRecordFormat in SchemaRegistryConfig must be either 'JSON' or 'SOURCE'", format);
        }

        if (config.Get("SchemaValidationConfigs") is not SeqNode)
        {
            throw Error("SchemaValidationConfigs must be a list", config.Get("SchemaValidationConfigs"));
        }

        var accessConfigs = config.Get("AccessConfigs");
        if (!Py.Truthy(accessConfigs))
        {
            return;
        }

        if (accessConfigs is not SeqNode list)
        {
            throw Error("AccessConfigs in SchemaRegistryConfig must be a list", accessConfigs);
        }

        foreach (var item in list)
        {
            if (item is not MapNode m || !m.ContainsKey("Type") || !m.ContainsKey("URI"))
            {
                throw Error("Each AccessConfig must be a dict with 'Type' and 'URI' fields", item);
            }
        }
    }

    /// <summary>
    /// The poller reads the access secrets of the schema registry and, when the registry ARN can be read
    /// (a plain string, or an Fn::Sub text after parameters are inlined), the registry and its schema versions.
    /// </summary>
    protected List<MapNode> SchemaRegistryStatements(TransformContext ctx)
    {
        var statements = new List<MapNode>();
        if (Prop("SchemaRegistryConfig") is not MapNode config || config.Count == 0)
        {
            return statements;
        }

        Expect.That(config, RelativeId, "SchemaRegistryConfig", isEvent: true).ToBeMap();
        ValidateSchemaRegistryConfig(config);
        if (config.Get("AccessConfigs") is SeqNode accessConfigs)
        {
            foreach (var item in accessConfigs)
            {
                if (item is MapNode m && m.Get("URI") is { } uri)
                {
                    statements.Add(Statement(N.Seq("secretsmanager:GetSecretValue"), uri));
                }
            }
        }

        var registryUri = config.Get("SchemaRegistryURI");
        string? registryArn = null;
        if (registryUri is StringNode s)
        {
            registryArn = s.Value;
        }
        else if (registryUri is MapNode m)
        {
            // Resolved on a shallow copy, as the reference does: only an Fn::Sub text can name the registry.
            var resolved = ctx.Intrinsics.ResolveParameterRefs(m.ShallowCopy());
            registryArn = (resolved as MapNode)?.Get("Fn::Sub")?.Str;
        }

        if (RegistryName(registryArn) is { } name)
        {
            statements.Add(Statement(N.Seq("glue:GetRegistry"), registryUri!));
            statements.Add(Statement(
                N.Seq("glue:GetSchemaVersion"),
                N.Seq(N.Sub("arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:schema/" + name + "/*"))));
        }

        return statements;
    }

    /// <summary>The registry name of a Glue registry ARN (arn:partition:glue:region:account:registry/NAME).</summary>
    private static string? RegistryName(string? arn)
    {
        if (arn is null || !arn.StartsWith("arn", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = arn.Split(':');
        return parts.Length >= 6 && parts[5].StartsWith("registry/", StringComparison.Ordinal) ? parts[5]["registry/".Length..] : null;
    }
}
