using SamPerms.Model;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.RestApi;

/// <summary>A REST API's usage plan (Sam/Api/Rest/ApiUsagePlan.cs) and custom domain (RestApiDomain.cs) through the public transform.</summary>
public sealed class ApiUsagePlanAndDomainTests
{
    private static string Api(string id, string properties) => $$"""
          {{id}}:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              DefinitionBody: {swagger: '2.0', info: {title: t}, paths: {} }
        {{properties}}
        """;

    private static string Template(params string[] apis) => "Resources:\n" + string.Join("\n", apis) + "\n";

    [Fact]
    public void Per_api_gives_the_api_its_own_plan_key_and_plan_key()
    {
        var resources = Transform.Resources(Template(Api("MyApi", """
                  Auth:
                    UsagePlan:
                      CreateUsagePlan: PER_API
                      UsagePlanName: gold
            """)));
        var plan = resources.Resource("MyApiUsagePlan");
        Assert.Equal("gold", plan.Props().Get("UsagePlanName")!.Str);
        Assert.Equal("MyApi", ((SeqNode)plan.Get("DependsOn")!)[0].Str);
        Assert.Equal("MyApiUsagePlan", ((SeqNode)resources.Resource("MyApiApiKey").Get("DependsOn")!)[0].Str);
        Assert.Equal("API_KEY", resources.Resource("MyApiUsagePlanKey").Props().Get("KeyType")!.Str);
    }

    [Fact]
    public void Shared_plans_collect_every_apis_stage_in_one_plan()
    {
        const string shared = """
                  Auth:
                    UsagePlan:
                      CreateUsagePlan: SHARED
            """;
        var resources = Transform.Resources(Template(Api("One", shared), Api("Two", shared)));
        var stages = (SeqNode)resources.Resource("ServerlessUsagePlan").Props().Get("ApiStages")!;
        Assert.Equal(2, stages.Count);
        Assert.DoesNotContain(resources.Keys, k => k.EndsWith("UsagePlan", StringComparison.Ordinal) && k != "ServerlessUsagePlan");
    }

    [Fact]
    public void None_creates_nothing_and_an_unknown_mode_is_refused()
    {
        var resources = Transform.Resources(Template(Api("MyApi", """
                  Auth:
                    UsagePlan:
                      CreateUsagePlan: NONE
            """)));
        Assert.DoesNotContain(resources.Values, r => ((MapNode)r).Get("Type")!.Str == "AWS::ApiGateway::UsagePlan");
        Transform.AssertErrorEndsWith(Template(Api("MyApi", """
                  Auth:
                    UsagePlan:
                      CreateUsagePlan: SOME
            """)), "'CreateUsagePlan' accepts one of ['SHARED', 'PER_API', 'NONE'].");
    }

    private const string Domain = """
              Domain:
                DomainName: api.example.com
                CertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/x
                BasePath: [/a, b]
                Route53:
                  HostedZoneId: Z1
        """;

    [Fact]
    public void A_regional_domain_gets_its_name_a_mapping_per_base_path_and_route53_records()
    {
        var resources = Transform.Resources(Template(Api("MyApi", Domain)));
        var domain = Assert.Single(resources.Values.Cast<MapNode>(), r => r.Get("Type")!.Str == "AWS::ApiGateway::DomainName");
        Assert.Equal("api.example.com", domain.Props().Get("DomainName")!.Str);
        Assert.NotNull(domain.Props().Get("RegionalCertificateArn"));
        Assert.Equal("a", resources.Resource("MyApiaBasePathMapping").Props().Get("BasePath")!.Str);
        Assert.Equal("b", resources.Resource("MyApibBasePathMapping").Props().Get("BasePath")!.Str);
        var group = Assert.Single(resources.Values.Cast<MapNode>(), r => r.Get("Type")!.Str == "AWS::Route53::RecordSetGroup");
        Assert.Equal("Z1", group.Props().Get("HostedZoneId")!.Str);
    }

    [Fact]
    public void Two_apis_in_one_hosted_zone_share_one_record_set_group()
    {
        var other = Domain.Replace("api.example.com", "two.example.com", StringComparison.Ordinal);
        var resources = Transform.Resources(Template(Api("One", Domain), Api("Two", other)));
        var group = Assert.Single(resources.Values.Cast<MapNode>(), r => r.Get("Type")!.Str == "AWS::Route53::RecordSetGroup");
        Assert.Equal(2, ((SeqNode)group.Props().Get("RecordSets")!).Count);
    }

    [Fact]
    public void A_private_domain_gets_the_v2_resources_and_its_access_association()
    {
        var resources = Transform.Resources(Template(Api("MyApi", """
                  Domain:
                    DomainName: api.example.com
                    CertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/x
                    EndpointConfiguration: PRIVATE
                    Policy: {Statement: []}
                    AccessAssociation:
                      VpcEndpointId: vpce-1
            """)));
        var types = resources.Values.Cast<MapNode>().Select(r => r.Get("Type")!.Str).ToList();
        Assert.Contains("AWS::ApiGateway::DomainNameV2", types);
        Assert.Contains("AWS::ApiGateway::BasePathMappingV2", types);
        Assert.Contains("AWS::ApiGateway::DomainNameAccessAssociation", types);
    }
}
