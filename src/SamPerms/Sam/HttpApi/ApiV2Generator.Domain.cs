using System.Text.RegularExpressions;
using SamPerms.Model;
using SamPerms.Sam.Api;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.HttpApi;

/// <summary>
/// An API v2 custom domain: the AWS::ApiGatewayV2::DomainName (regional only), one ApiMapping per base path,
/// and the Route53 alias records (in a record set group shared per hosted zone).
/// </summary>
public abstract partial class ApiV2Generator
{
    private static readonly string[] MutualTlsFields = ["TruststoreUri", "TruststoreVersion"];
    private static readonly string MutualTlsFieldList = "[" + string.Join(", ", MutualTlsFields.Select(Py.ReprString)) + "]";

    /// <summary>
    /// The domain's resources: the DomainName, its ApiMappings, then the Route53 record set group when there is
    /// one; nothing when the API has no Domain.
    /// </summary>
    protected List<CfnResource> ConstructApiDomain(Route53RecordSetGroups recordSetGroups)
    {
        if (Domain is null)
        {
            return [];
        }

        var config = Domain;
        var domainName = config.Get("DomainName");
        var certificateArn = config.Get("CertificateArn");
        if (Py.IsNone(domainName) || Py.IsNone(certificateArn))
        {
            throw Error("Custom Domains only works if both DomainName and CertificateArn are provided.", config);
        }

        var domainNameConfig = N.Map(("CertificateArn", certificateArn));
        var apiDomainName = "ApiGatewayDomainNameV2" + LogicalIds.Hash(domainName);
        config.Set("ApiDomainName", apiDomainName);

        var domain = Derived(apiDomainName, "AWS::ApiGatewayV2::DomainName");
        domain["DomainName"] = domainName;
        domain["Tags"] = N.Map((DefaultTagName, "SAM"));

        var endpoint = config.Get("EndpointConfiguration");
        if (endpoint is null or NullNode)
        {
            endpoint = new StringNode("REGIONAL");
            config.Set("EndpointConfiguration", endpoint);
        }
        else if (endpoint is not StringNode { Value: "REGIONAL" })
        {
            throw Error("EndpointConfiguration for Custom Domains must be one of ['REGIONAL'].", endpoint);
        }

        domainNameConfig.Set("EndpointType", endpoint);
        if (config.Get("OwnershipVerificationCertificateArn") is { } ownership && Py.Truthy(ownership))
        {
            domainNameConfig.Set("OwnershipVerificationCertificateArn", ownership);
        }

        if (config.Get("SecurityPolicy") is { } securityPolicy && Py.Truthy(securityPolicy))
        {
            domainNameConfig.Set("SecurityPolicy", securityPolicy);
        }

        domain["DomainNameConfigurations"] = N.Seq(domainNameConfig);
        if (config.Get("MutualTlsAuthentication") is { } mtls && Py.Truthy(mtls))
        {
            domain["MutualTlsAuthentication"] = MutualTls(mtls);
        }

        var resources = new List<CfnResource> { domain };
        resources.AddRange(ConstructBasePathMappings(BasePaths(config.Get("BasePath")), apiDomainName));
        if (ConstructRoute53RecordSetGroup(config, recordSetGroups, apiDomainName) is { } recordSetGroup)
        {
            resources.Add(recordSetGroup);
        }

        return resources;
    }

    /// <summary>Which property a resource of the custom domain stems from, for diagnostics; null for other resources.</summary>
    public static string? DomainOriginPath(CfnResource r) => r.Type switch
    {
        "AWS::ApiGatewayV2::DomainName" or "AWS::ApiGatewayV2::ApiMapping" => "Domain",
        "AWS::Route53::RecordSetGroup" => "Domain.Route53",
        _ => null,
    };

    private MapNode MutualTls(Node mtls)
    {
        if (mtls is not MapNode map)
        {
            throw Error($"MutualTlsAuthentication must be a map with at least one of the following fields {MutualTlsFieldList}.", mtls);
        }

        var invalid = map.Keys.Where(k => !MutualTlsFields.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (invalid.Count > 0)
        {
            // The reference names the offending keys where the logical id usually goes.
            throw new InvalidResourceException(string.Join(",", invalid), $"Available MutualTlsAuthentication fields are {MutualTlsFieldList}.").Locate(map);
        }

        var result = new MapNode();
        foreach (var field in MutualTlsFields)
        {
            if (map.Get(field) is { } v && Py.Truthy(v))
            {
                result.Set(field, v);
            }
        }

        return result;
    }

    /// <summary>BasePath as a list: a string, a list, or nothing (then one mapping without a key).</summary>
    private static List<Node>? BasePaths(Node? value) => value switch
    {
        StringNode s when s.Value.Length > 0 => [s],
        SeqNode q when q.Count > 0 => q.Items,
        _ => null,
    };

    private List<CfnResource> ConstructBasePathMappings(List<Node>? basePaths, string apiDomainName)
    {
        var result = new List<CfnResource>();
        if (basePaths is null)
        {
            result.Add(Mapping(LogicalId + "ApiMapping", apiDomainName));
            return result;
        }

        foreach (var path in basePaths)
        {
            if (path is not StringNode s)
            {
                throw Error("Basepath must be a string.", path);
            }

            if (InvalidBasePathRegex().IsMatch(s.Value))
            {
                throw Error("Invalid Basepath name provided.", path);
            }

            var mapping = Mapping(LogicalId + BasePathSeparatorsRegex().Replace(s.Value, "") + "ApiMapping", apiDomainName);
            mapping["ApiMappingKey"] = s.Value.Trim('/');
            result.Add(mapping);
        }

        return result;
    }

    private CfnResource Mapping(string logicalId, string apiDomainName)
    {
        var mapping = Derived(logicalId, "AWS::ApiGatewayV2::ApiMapping");
        mapping["DomainName"] = N.Ref(apiDomainName);
        mapping["ApiId"] = N.Ref(LogicalId);
        mapping["Stage"] = N.Ref(LogicalId + ".Stage");
        return mapping;
    }

    private CfnResource? ConstructRoute53RecordSetGroup(MapNode config, Route53RecordSetGroups groups, string apiDomainName)
    {
        var route53Node = config.Get("Route53");
        if (route53Node is null or NullNode)
        {
            return null;
        }

        var route53 = Expect.That(route53Node, LogicalId, "Domain.Route53").ToBeMap();
        var zoneId = route53.Get("HostedZoneId");
        var zoneName = route53.Get("HostedZoneName");
        if (Py.IsNone(zoneId) && Py.IsNone(zoneName))
        {
            throw Error("HostedZoneId or HostedZoneName is required to enable Route53 support on Custom Domains.", route53);
        }

        var logicalId = "RecordSetGroup" + LogicalIds.Hash(Py.Truthy(zoneId) ? zoneId : zoneName);
        if (!groups.ByLogicalId.TryGetValue(logicalId, out var group))
        {
            group = Derived(logicalId, "AWS::Route53::RecordSetGroup");
            if (route53.ContainsKey("HostedZoneId"))
            {
                group["HostedZoneId"] = zoneId;
            }
            else if (route53.ContainsKey("HostedZoneName"))
            {
                group["HostedZoneName"] = zoneName;
            }

            group["RecordSets"] = new SeqNode();
            groups.ByLogicalId[logicalId] = group;
        }

        if (group["RecordSets"] is not SeqNode recordSets)
        {
            recordSets = new SeqNode();
            group["RecordSets"] = recordSets;
        }

        recordSets.Items.AddRange(RecordSetsForDomain(config, route53, apiDomainName));
        return group;
    }

    private List<Node> RecordSetsForDomain(MapNode config, MapNode route53, string apiDomainName)
    {
        MapNode RecordSet(string type)
        {
            var recordSet = N.Map(("Name", config.Get("DomainName")), ("Type", type), ("AliasTarget", AliasTarget(config, route53, apiDomainName)));
            if (route53.Get("Region") is { } region and not NullNode)
            {
                recordSet.Set("Region", region);
            }

            if (route53.Get("SetIdentifier") is { } setIdentifier and not NullNode)
            {
                recordSet.Set("SetIdentifier", setIdentifier);
            }

            return recordSet;
        }

        var list = new List<Node> { RecordSet("A") };
        if (route53.Get("IpV6") is BoolNode { Value: true })
        {
            list.Add(RecordSet("AAAA"));
        }

        return list;
    }

    private MapNode AliasTarget(MapNode config, MapNode route53, string apiDomainName)
    {
        var alias = new MapNode();
        if (route53.Get("EvaluateTargetHealth") is { } health and not NullNode)
        {
            alias.Set("EvaluateTargetHealth", health);
        }

        if (config.Get("EndpointConfiguration") is not StringNode { Value: "REGIONAL" })
        {
            throw Error("Only REGIONAL endpoint is supported on HTTP APIs.", config);
        }

        alias.Set("HostedZoneId", N.GetAtt(apiDomainName, "RegionalHostedZoneId"));
        alias.Set("DNSName", N.GetAtt(apiDomainName, "RegionalDomainName"));
        return alias;
    }

    protected InvalidResourceException Error(string message, Node? at) =>
        (InvalidResourceException)new InvalidResourceException(LogicalId, message).Locate(at);

    [GeneratedRegex(@"[^0-9a-zA-Z/\-_]+")]
    private static partial Regex InvalidBasePathRegex();

    [GeneratedRegex(@"[\-_/]+")]
    private static partial Regex BasePathSeparatorsRegex();
}
