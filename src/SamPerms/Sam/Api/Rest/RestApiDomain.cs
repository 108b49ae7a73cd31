using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.Rest;

/// <summary>
/// A REST API's custom domain (Domain): for an EDGE or REGIONAL endpoint the AWS::ApiGateway::DomainName, one
/// BasePathMapping per base path and the Route53 records; for a PRIVATE one the DomainNameV2, BasePathMappingV2s,
/// the Route53 records and the VPC endpoint access association. Reads the Domain map (and records ApiDomainName
/// and the default endpoint type in it, as the reference does); the record set groups are shared with the
/// template's other APIs.
/// </summary>
internal sealed class RestApiDomain(string apiId, Node? domainProperty, Func<MapNode> passthroughAttributes, TransformContext ctx)
{
    /// <summary>The domain's resources in the order they are emitted; none without a Domain.</summary>
    public List<CfnResource> Construct(CfnResource restApi) =>
        domainProperty is MapNode d && d.Get("EndpointConfiguration") is StringNode { Value: "PRIVATE" } ? ConstructApiDomainV2(restApi) : ConstructApiDomain(restApi);

    private MapNode PassthroughAttributes => passthroughAttributes();

    private InvalidResourceException Error(string message, Node? at = null) => (InvalidResourceException)new InvalidResourceException(apiId, message).Locate(at);

    private static readonly string[] MutualTlsFields = ["TruststoreUri", "TruststoreVersion"];

    private MapNode DomainMap => (MapNode)domainProperty!;

    private Node? DomainField(string name) => DomainMap.Get(name) is { } v and not NullNode ? v : null;

    /// <summary>Domain (EDGE/REGIONAL): the DomainName, its base path mappings and Route53 records.</summary>
    private List<CfnResource> ConstructApiDomain(CfnResource restApi)
    {
        var resources = new List<CfnResource>();
        if (domainProperty is null)
        {
            return resources;
        }

        var domainConfig = Expect.That(domainProperty, apiId, "Domain").ToBeMap();
        var domainName = Expect.That(domainConfig.Get("DomainName"), apiId, "Domain.DomainName", near: domainConfig).ToNotBeNone();
        var certificateArn = Expect.That(domainConfig.Get("CertificateArn"), apiId, "Domain.CertificateArn").ToNotBeNone();
        var apiDomainName = "ApiGatewayDomainName" + LogicalIds.Hash(domainName);
        domainConfig.Set("ApiDomainName", apiDomainName);
        var domain = new CfnResource(apiDomainName, "AWS::ApiGateway::DomainName").WithAttributes(PassthroughAttributes);
        domain["DomainName"] = domainName;
        var endpoint = DomainField("EndpointConfiguration");
        if (endpoint is null)
        {
            endpoint = new StringNode("REGIONAL");
            domainConfig.Set("EndpointConfiguration", endpoint);
        }
        else if (endpoint is not StringNode { Value: "EDGE" or "REGIONAL" or "PRIVATE" })
        {
            throw Error("EndpointConfiguration for Custom Domains must be one of ['EDGE', 'REGIONAL', 'PRIVATE'].", endpoint);
        }

        if (endpoint is StringNode { Value: "REGIONAL" })
        {
            domain["RegionalCertificateArn"] = certificateArn;
        }
        else
        {
            domain["CertificateArn"] = certificateArn;
        }

        domain["EndpointConfiguration"] = DomainEndpointConfiguration(endpoint);

        var mtls = DomainField("MutualTlsAuthentication");
        if (Py.Truthy(mtls))
        {
            var mtlsMap = Expect.That(mtls, apiId, "Domain.MutualTlsAuthentication").ToBeMap();
            if (!mtlsMap.Keys.All(MutualTlsFields.Contains))
            {
                throw Error("Available Domain.MutualTlsAuthentication fields are ['TruststoreUri', 'TruststoreVersion'].", mtlsMap);
            }

            var auth = new MapNode();
            foreach (var f in MutualTlsFields)
            {
                if (Py.Truthy(mtlsMap.Get(f)))
                {
                    auth.Set(f, mtlsMap.Get(f)!);
                }
            }

            domain["MutualTlsAuthentication"] = auth;
        }

        SetOptionalDomainProperties(domain);
        resources.Add(domain);
        resources.AddRange(BasePathMappings(domainConfig, restApi, "AWS::ApiGateway::BasePathMapping", "DomainName", N.Ref(apiDomainName)));
        resources.AddRange(Route53(domainConfig, apiDomainName, apiDomainName));
        return resources;
    }

    /// <summary>The domain's endpoint type, with Domain.IpAddressType when given.</summary>
    private MapNode DomainEndpointConfiguration(Node endpoint)
    {
        var configuration = N.Map(("Types", N.Seq(endpoint)));
        if (Py.Truthy(DomainField("IpAddressType")))
        {
            configuration.Set("IpAddressType", DomainField("IpAddressType")!);
        }

        return configuration;
    }

    private SeqNode? BasePaths()
    {
        var value = DomainField("BasePath");
        return Py.Truthy(value) ? value switch
        {
            StringNode s => N.Seq(s),
            SeqNode q => q,
            _ => null,
        } : null;
    }

    /// <summary>
    /// One mapping of the given type per BasePath (each a string; its letters and numbers name the mapping and,
    /// unless NormalizeBasePath is false, are the path), or one mapping without a path when there is none.
    /// </summary>
    private List<CfnResource> BasePathMappings(MapNode domainConfig, CfnResource restApi, string type, string domainProperty, MapNode domainRef)
    {
        CfnResource Mapping(string id, Node? basePath)
        {
            var mapping = new CfnResource(id, type).WithAttributes(PassthroughAttributes);
            mapping[domainProperty] = domainRef;
            mapping["RestApiId"] = N.Ref(restApi.LogicalId);
            mapping["Stage"] = N.Ref(restApi.LogicalId + ".Stage");
            mapping["BasePath"] = basePath;
            return mapping;
        }

        var basePaths = BasePaths();
        if (basePaths is null)
        {
            return [Mapping(apiId + "BasePathMapping", null)];
        }

        bool normalize = domainConfig.TryGet("NormalizeBasePath", out var nb) ? Py.Truthy(nb) : true;
        Expect.That(basePaths, apiId, "Domain.BasePath").ToBeListOf(ExpectedType.String);
        var mappings = new List<CfnResource>();
        foreach (var bp in basePaths.Items)
        {
            var path = Py.AlnumOnly(((StringNode)bp).Value);
            mappings.Add(Mapping(apiId + path + "BasePathMapping", normalize ? new StringNode(path) : bp));
        }

        return mappings;
    }

    private void SetOptionalDomainProperties(CfnResource domain)
    {
        foreach (var name in new[] { "SecurityPolicy", "EndpointAccessMode", "Policy", "OwnershipVerificationCertificateArn" })
        {
            if (Py.Truthy(DomainField(name)))
            {
                domain[name] = DomainField(name);
            }
        }
    }

    /// <summary>Domain with a PRIVATE endpoint: DomainNameV2, BasePathMappingV2, an access association and Route53 records.</summary>
    private List<CfnResource> ConstructApiDomainV2(CfnResource restApi)
    {
        var resources = new List<CfnResource>();
        var domainConfig = Expect.That(domainProperty, apiId, "Domain").ToBeMap();
        var domainName = Expect.That(domainConfig.Get("DomainName"), apiId, "Domain.DomainName", near: domainConfig).ToNotBeNone();
        var certificateArn = Expect.That(domainConfig.Get("CertificateArn"), apiId, "Domain.CertificateArn").ToNotBeNone();
        var apiDomainName = "ApiGatewayDomainNameV2" + LogicalIds.Hash(domainName);
        var domainNameArn = N.Ref(apiDomainName);
        var domain = new CfnResource(apiDomainName, "AWS::ApiGateway::DomainNameV2").WithAttributes(PassthroughAttributes);
        domain["DomainName"] = domainName;
        var endpoint = DomainField("EndpointConfiguration");
        domain["CertificateArn"] = certificateArn;
        domain["EndpointConfiguration"] = DomainEndpointConfiguration(endpoint!);

        SetOptionalDomainProperties(domain);
        resources.Add(domain);
        resources.AddRange(BasePathMappings(domainConfig, restApi, "AWS::ApiGateway::BasePathMappingV2", "DomainNameArn", domainNameArn));

        CfnResource? association = null;
        var accessAssociation = DomainField("AccessAssociation");
        if (accessAssociation is not null)
        {
            var aa = Expect.That(accessAssociation, apiId, "Domain.AccessAssociation").ToBeMap();
            var vpcEndpointId = aa.Get("VpcEndpointId");
            var id = LogicalIds.Generate("DomainNameAccessAssociation", N.Seq(vpcEndpointId ?? NullNode.Instance, apiDomainName));
            association = new CfnResource(id, "AWS::ApiGateway::DomainNameAccessAssociation").WithAttributes(PassthroughAttributes);
            association["DomainNameArn"] = domainNameArn;
            association["AccessAssociationSourceType"] = "VPCE";
            association["AccessAssociationSource"] = vpcEndpointId;
        }

        resources.AddRange(Route53(domainConfig, apiDomainName, domainName));
        if (association is not null)
        {
            resources.Add(association);
        }

        return resources;
    }

    /// <summary>Route53 alias records for the domain, in a record set group shared per hosted zone (or a separate one).</summary>
    private List<CfnResource> Route53(MapNode domainConfig, string apiDomainName, Node recordTargetName)
    {
        var result = new List<CfnResource>();
        var route53Node = domainConfig.Get("Route53");
        if (route53Node is null or NullNode)
        {
            return result;
        }

        var route53 = Expect.That(route53Node, apiId, "Domain.Route53").ToBeMap();
        var zoneId = route53.Get("HostedZoneId");
        var zoneName = route53.Get("HostedZoneName");
        if (zoneId is null or NullNode && zoneName is null or NullNode)
        {
            throw Error("HostedZoneId or HostedZoneName is required to enable Route53 support on Custom Domains.", route53);
        }

        var logicalId = "RecordSetGroup" + LogicalIds.Hash(Py.Truthy(zoneId) ? zoneId : zoneName);
        var groups = ctx.State<Route53RecordSetGroups>().ByLogicalId;
        if (Py.Truthy(route53.Get("SeparateRecordSetGroup")))
        {
            Expect.That(route53.Get("SeparateRecordSetGroup"), apiId, "Domain.Route53.SeparateRecordSetGroup").ToBeBool();
            var id = LogicalIds.Generate("RecordSetGroup", N.Seq(Py.Truthy(zoneId) ? zoneId! : zoneName!, domainConfig.Get("DomainName") ?? NullNode.Instance));
            var single = new CfnResource(id, "AWS::Route53::RecordSetGroup").WithAttributes(PassthroughAttributes);
            if (Py.Truthy(zoneId))
            {
                single["HostedZoneId"] = zoneId;
            }

            if (Py.Truthy(zoneName))
            {
                single["HostedZoneName"] = zoneName;
            }

            single["RecordSets"] = RecordSets(domainConfig, RecordTarget(recordTargetName, apiDomainName), route53);
            result.Add(single);
            return result;
        }

        if (!groups.TryGetValue(logicalId, out var group))
        {
            group = new CfnResource(logicalId, "AWS::Route53::RecordSetGroup").WithAttributes(PassthroughAttributes);
            if (route53.ContainsKey("HostedZoneId"))
            {
                group["HostedZoneId"] = route53.Get("HostedZoneId");
            }

            if (route53.ContainsKey("HostedZoneName"))
            {
                group["HostedZoneName"] = route53.Get("HostedZoneName");
            }

            group["RecordSets"] = new SeqNode();
            groups[logicalId] = group;
        }

        ((SeqNode)group["RecordSets"]!).Items.AddRange(RecordSets(domainConfig, RecordTarget(recordTargetName, apiDomainName), route53).Items);
        result.Add(group);
        return result;
    }

    /// <summary>V1 domains alias the generated DomainName resource; V2 private domains pass the domain name itself.</summary>
    private static string RecordTarget(Node recordTargetName, string apiDomainName) => recordTargetName is StringNode s ? s.Value : apiDomainName;

    private SeqNode RecordSets(MapNode domainConfig, string apiDomainName, MapNode route53)
    {
        var list = new SeqNode();
        var alias = AliasTarget(domainConfig, apiDomainName, route53);
        var record = N.Map(("Name", domainConfig.Get("DomainName")), ("Type", "A"), ("AliasTarget", alias));
        RoutingPolicy(route53, record);
        list.Add(record);
        if (route53.Get("IpV6") is BoolNode { Value: true })
        {
            var v6 = N.Map(("Name", domainConfig.Get("DomainName")), ("Type", "AAAA"), ("AliasTarget", alias));
            RoutingPolicy(route53, v6);
            list.Add(v6);
        }

        return list;
    }

    private static void RoutingPolicy(MapNode route53, MapNode record)
    {
        if (route53.Get("Region") is { } region and not NullNode)
        {
            record.Set("Region", region);
        }

        if (route53.Get("SetIdentifier") is { } id and not NullNode)
        {
            record.Set("SetIdentifier", id);
        }
    }

    private static MapNode AliasTarget(MapNode domain, string apiDomainName, MapNode route53)
    {
        var alias = new MapNode();
        if (route53.Get("EvaluateTargetHealth") is { } health and not NullNode)
        {
            alias.Set("EvaluateTargetHealth", health);
        }

        var endpoint = domain.Get("EndpointConfiguration");
        if (endpoint is StringNode { Value: "REGIONAL" })
        {
            alias.Set("HostedZoneId", N.GetAtt(apiDomainName, "RegionalHostedZoneId"));
            alias.Set("DNSName", N.GetAtt(apiDomainName, "RegionalDomainName"));
        }
        else if (endpoint is StringNode { Value: "EDGE" })
        {
            if (route53.Get("DistributionDomainName") is null or NullNode)
            {
                route53.Set("DistributionDomainName", N.GetAtt(apiDomainName, "DistributionDomainName"));
            }

            alias.Set("HostedZoneId", "Z2FDTNDATAQYW2");
            alias.Set("DNSName", route53.Get("DistributionDomainName")!);
        }
        else
        {
            alias.Set("HostedZoneId", route53.Get("VpcEndpointHostedZoneId") ?? NullNode.Instance);
            alias.Set("DNSName", route53.Get("VpcEndpointDomainName") ?? NullNode.Instance);
        }

        return alias;
    }
}
