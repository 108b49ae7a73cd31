using static SamPerms.Tests.RestApi.RestApiTemplates;
using static SamPerms.Tests.Support.Transform;

namespace SamPerms.Tests.RestApi;

/// <summary>
/// The Deployment's logical id hashes the Python 2.7 str() of the definition; the expected ids below are what
/// the reference translator gives for these templates.
/// </summary>
public sealed class DeploymentHashTests
{
    [Fact]
    public void ImplicitApiDeploymentIdMatchesTheReference()
    {
        var resources = Resources(ImplicitApi);
        Assert.Equal("ServerlessRestApiDeployment143974f499", DeploymentId(resources, "ServerlessRestApi"));
        Assert.StartsWith("RestApi deployment id: 143974f499", Properties(resources, "ServerlessRestApiDeployment143974f499").Get("Description")!.Str);
        Assert.Equal("""{"Ref":"ServerlessRestApiDeployment143974f499"}""", JsonOf(Properties(resources, "ServerlessRestApiProdStage").Get("DeploymentId")!));
    }

    [Fact]
    public void DeploymentIdIsStableAcrossRuns()
    {
        Assert.Equal(DeploymentId(Resources(ImplicitApi), "ServerlessRestApi"), DeploymentId(Resources(ImplicitApi), "ServerlessRestApi"));
    }

    [Fact]
    public void DeploymentIdChangesWithTheDefinition()
    {
        var changed = ImplicitApi.Replace("Path: /orders\n", "Path: /all-orders\n", StringComparison.Ordinal);
        Assert.NotEqual(DeploymentId(Resources(ImplicitApi), "ServerlessRestApi"), DeploymentId(Resources(changed), "ServerlessRestApi"));
    }

    [Fact]
    public void DeploymentIdDependsOnThePartition()
    {
        // The integration URI names the partition, so the definition (and its hash) differ.
        Assert.NotEqual(DeploymentId(Resources(ImplicitApi), "ServerlessRestApi"), DeploymentId(Resources(ImplicitApi, region: "cn-north-1"), "ServerlessRestApi"));
    }

    [Fact]
    public void ExplicitApiWithAuthorizerDeploymentIdMatchesTheReference()
    {
        Assert.Equal("ShopDeploymentd2c9dc65e0", DeploymentId(Resources(TokenAuthorizer), "Shop"));
    }

    private static string TwoApis(bool withB, string firstName = "fa1") => $$"""
        Resources:
          A:
            Type: AWS::Serverless::Api
            Properties: { StageName: prod }
        {{(withB ? "  B:\n    Type: AWS::Serverless::Api\n    Properties: { StageName: prod }\n  FB:\n    Type: AWS::Serverless::Function\n    Properties: { CodeUri: s3://b/k.zip, Handler: h, Runtime: python3.12, FunctionName: fb, Events: { G: { Type: Api, Properties: { RestApiId: !Ref B, Path: /b, Method: get } } } }\n" : "")}}
          FA1:
            Type: AWS::Serverless::Function
            Properties: { CodeUri: s3://b/k.zip, Handler: h, Runtime: python3.12, FunctionName: {{firstName}}, Events: { G: { Type: Api, Properties: { RestApiId: !Ref A, Path: /a1, Method: get } } } }
          FA2:
            Type: AWS::Serverless::Function
            Properties: { CodeUri: s3://b/k.zip, Handler: h, Runtime: python3.12, FunctionName: fa2, Events: { G: { Type: Api, Properties: { RestApiId: !Ref A, Path: /a2, Method: get } } } }
        """;

    [Fact]
    public void Deployment_id_follows_the_names_of_its_own_functions_only()
    {
        // The names of the API's functions go into its deployment's hash (renaming one redeploys the API); another
        // API's functions do not.
        var alone = DeploymentId(Resources(TwoApis(withB: false)), "A");
        Assert.Equal(alone, DeploymentId(Resources(TwoApis(withB: true)), "A"));
        Assert.NotEqual(alone, DeploymentId(Resources(TwoApis(withB: false, firstName: "renamed")), "A"));
        Assert.Equal(DeploymentId(Resources(TwoApis(withB: true)), "B"), DeploymentId(Resources(TwoApis(withB: true, firstName: "renamed")), "B"));
    }
}
