using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.Rest;

public sealed partial class ApiGenerator
{
    /// <summary>Domain with a PRIVATE endpoint: DomainNameV2, BasePathMappingV2, an access association and Route53 records.</summary>
    private List<CfnResource> ConstructApiDomainV2(CfnResource restApi)
    {
        var resources = new List<CfnResource>();
        var domainConfig = Expect.That(Domain, _logicalId, "Domain").ToBeMap();
        var domainName = Expect.That(domainConfig.Get("DomainName"), _logicalId, "Domain.DomainName", near: domainConfig).ToNotBeNone();
        var certificateArn = Expect.That(domainConfig.Get("CertificateArn"), _logicalId, "Domain.CertificateArn").ToNotBeNone();
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
            var aa = Expect.That(accessAssociation, _logicalId, "Domain.AccessAssociation").ToBeMap();
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
}
