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
}
