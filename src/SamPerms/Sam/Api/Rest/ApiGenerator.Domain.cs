using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.Rest;

public sealed partial class ApiGenerator
{
    private static readonly string[] MutualTlsFields = ["TruststoreUri", "TruststoreVersion"];

    private MapNode DomainMap => (MapNode)Domain!;

    private Node? DomainField(string name) => DomainMap.Get(name) is { } v and not NullNode ? v : null;

    /// <summary>Domain (EDGE/REGIONAL): the DomainName, its base path mappings and Route53 records.</summary>
    private List<CfnResource> ConstructApiDomain(CfnResource restApi)
    {
        var resources = new List<CfnResource>();
        if (Domain is null)
        {
            return resources;
        }

        var domainConfig = Expect.That(Domain, _logicalId, "Domain").ToBeMap();
        var domainName = Expect.That(domainConfig.Get("DomainName"), _logicalId, "Domain.DomainName", near: domainConfig).ToNotBeNone();
        var certificateArn = Expect.That(domainConfig.Get("CertificateArn"), _logicalId, "Domain.CertificateArn").ToNotBeNone();
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
            var mtlsMap = Expect.That(mtls, _logicalId, "Domain.MutualTlsAuthentication").ToBeMap();
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
            return [Mapping(_logicalId + "BasePathMapping", null)];
        }

        bool normalize = domainConfig.TryGet("NormalizeBasePath", out var nb) ? Py.Truthy(nb) : true;
        Expect.That(basePaths, _logicalId, "Domain.BasePath").ToBeListOf(ExpectedType.String);
        var mappings = new List<CfnResource>();
        foreach (var bp in basePaths.Items)
        {
            var path = Py.AlnumOnly(((StringNode)bp).Value);
            mappings.Add(Mapping(_logicalId + path + "BasePathMapping", normalize ? new StringNode(path) : bp));
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
}
