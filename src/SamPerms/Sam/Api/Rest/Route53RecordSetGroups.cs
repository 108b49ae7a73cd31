using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.Rest;

/// <summary>Record set groups by logical id, shared by every API's custom domain in one template (the reference's route53_record_set_groups).</summary>
public sealed class Route53RecordSetGroups
{
    public Dictionary<string, CfnResource> Groups { get; } = new(StringComparer.Ordinal);
}
