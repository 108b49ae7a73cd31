using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.GraphQLApi;

/// <summary>API keys, the API cache, and a custom domain with its association to the API.</summary>
public sealed partial class SamGraphQLApi
{
    private List<CfnResource> ConstructApiKeys(MapNode apiKeys, Node apiId)
    {
        var keys = new List<CfnResource>();
        foreach (var e in apiKeys.Entries)
        {
            var key = (MapNode)e.Value;
            var cfn = NewResource(LogicalId + e.Key, "AWS::AppSync::ApiKey", $"ApiKeys.{e.Key}");
            cfn["ApiId"] = apiId;
            cfn["ApiKeyId"] = Value(key, "ApiKeyId");
            cfn["Description"] = Value(key, "Description");
            cfn["Expires"] = Value(key, "ExpiresOn");
            keys.Add(cfn);
        }

        return keys;
    }

    private CfnResource ConstructApiCache(MapNode cache, Node apiId)
    {
        var cfn = NewResource($"{LogicalId}ApiCache", "AWS::AppSync::ApiCache", "Cache");
        cfn["ApiId"] = apiId;
        foreach (var p in new[] { "ApiCachingBehavior", "Type", "Ttl", "AtRestEncryptionEnabled", "TransitEncryptionEnabled" })
        {
            cfn[p] = Value(cache, p);
        }

        return cfn;
    }

    private List<CfnResource> ConstructDomainName(MapNode domainName, Node apiId)
    {
        var domain = NewResource($"{LogicalId}DomainName", "AWS::AppSync::DomainName", "DomainName");
        domain["CertificateArn"] = Value(domainName, "CertificateArn");
        domain["DomainName"] = Value(domainName, "DomainName");
        domain["Description"] = Value(domainName, "Description");

        var association = NewResource($"{LogicalId}DomainNameApiAssociation", "AWS::AppSync::DomainNameApiAssociation", "DomainName");
        association["ApiId"] = apiId;
        association["DomainName"] = domain.Ref();
        return [domain, association];
    }
}
