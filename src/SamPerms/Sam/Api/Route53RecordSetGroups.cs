using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api;

/// <summary>
/// Route53 record set groups created for API custom domains, by logical id, shared by every REST and HTTP API
/// of one template (the reference's route53_record_set_groups): APIs whose domains use the same hosted zone
/// add their record sets to one AWS::Route53::RecordSetGroup.
/// </summary>
public sealed class Route53RecordSetGroups
{
    public Dictionary<string, CfnResource> ByLogicalId { get; } = new(StringComparer.Ordinal);
}
