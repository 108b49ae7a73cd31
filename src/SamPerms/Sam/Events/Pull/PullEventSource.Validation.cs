using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Events.Pull;

public abstract partial class PullEventSource
{
    /// <summary>Sources whose mapping takes FilterCriteria, alphabetical as the reference lists them in its message.</summary>
    private static readonly string[] TypesWithEventFiltering = ["DocumentDB", "DynamoDB", "Kinesis", "MQ", "MSK", "SelfManagedKafka", "SQS"];

    /// <summary>FilterCriteria is an intrinsic, or a map that is empty or holds only Filters.</summary>
    private void ValidateFilterCriteria()
    {
        var criteria = Prop("FilterCriteria");
        if (!Py.Truthy(criteria) || Intrinsics.IsIntrinsic(criteria))
        {
            return;
        }

        if (!TypesWithEventFiltering.Contains(Type))
        {
            throw Error($"FilterCriteria is only available for {string.Join(", ", TypesWithEventFiltering)} events.", criteria);
        }

        if (criteria is MapNode m && !(m.Count == 0 || (m.Count == 1 && m.ContainsKey("Filters"))))
        {
            throw Error("FilterCriteria field has a wrong format", criteria);
        }
    }

    /// <summary>SecretsManagerKmsKeyId goes into an Fn::Sub text, so it must be a plain string.</summary>
    protected string SecretsManagerKmsKeyId() =>
        Expect.That(Prop("SecretsManagerKmsKeyId"), RelativeId, "SecretsManagerKmsKeyId", isEvent: true).ToBeString();

    /// <summary>
    /// The reference's _validate_source_access_configurations (MQ, DocumentDB): every entry's Type must be one
    /// of <paramref name="supportedTypes"/>, and exactly one must be <paramref name="requiredType"/> with a URI,
    /// which is returned (the secret the poller reads).
    /// </summary>
    protected Node RequiredSourceAccessUri(string[] supportedTypes, string requiredType)
    {
        var configurations = Prop("SourceAccessConfigurations");
        if (!Py.Truthy(configurations))
        {
            throw Error($"No SourceAccessConfigurations for Amazon {Type} event provided.");
        }

        if (configurations is not SeqNode list)
        {
            throw Error("Provided SourceAccessConfigurations cannot be parsed into a list.", configurations);
        }

        Node? uri = null;
        for (int i = 0; i < list.Count; i++)
        {
            var conf = Expect.That(list[i], RelativeId, $"SourceAccessConfigurations[{i}]", isEvent: true).ToBeMap();
            var type = Expect.That(conf.Get("Type"), RelativeId, $"SourceAccessConfigurations[{i}].Type", isEvent: true).ToBeString();
            if (!supportedTypes.Contains(type))
            {
                var supported = "[" + string.Join(", ", supportedTypes.Select(Py.ReprString)) + "]";
                throw Error($"Invalid property Type specified in SourceAccessConfigurations. The supported values are: {supported}.", conf);
            }

            if (type == requiredType)
            {
                if (uri is not null)
                {
                    throw Error($"Multiple {requiredType} properties specified in SourceAccessConfigurations.", conf);
                }

                uri = conf.Get("URI");
                if (!Py.Truthy(uri))
                {
                    throw Error($"No {requiredType} URI property specified in SourceAccessConfigurations.", conf);
                }
            }
        }

        return uri ?? throw Error($"No {requiredType} property specified in SourceAccessConfigurations.", configurations);
    }
}
