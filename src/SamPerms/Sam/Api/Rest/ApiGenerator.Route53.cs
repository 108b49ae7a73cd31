using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.Rest;

public sealed partial class ApiGenerator
{
    /// <summary>Route53 alias records for the domain, in a record set group shared per hosted zone (or a separate one).</summary>
    private List<CfnResource> Route53(MapNode domainConfig, string apiDomainName, Node recordTargetName)
    {
        var result = new List<CfnResource>();
        var route53Node = domainConfig.Get("Route53");
        if (route53Node is null or NullNode)
        {
            return result;
        }

        var route53 = Expect.That(route53Node, _logicalId, "Domain.Route53").ToBeMap();
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
            Expect.That(route53.Get("SeparateRecordSetGroup"), _logicalId, "Domain.Route53.SeparateRecordSetGroup").ToBeBool();
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
