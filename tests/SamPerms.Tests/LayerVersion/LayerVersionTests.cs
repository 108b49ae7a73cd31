using System.Security.Cryptography;
using System.Text;
using static SamPerms.Tests.Support.Transform;

namespace SamPerms.Tests.LayerVersion;

public sealed class LayerVersionTests
{
    private const string Template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Shared:
            Type: AWS::Serverless::LayerVersion
            Properties:
              ContentUri: s3://bucket/layer.zip
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/code.zip
              Layers:
                - !Ref Shared
        """;

    /// <summary>The id SAM gives: the old id + the first 10 hex digits of SHA-1 over the sorted, compact JSON of the resource.</summary>
    private static string ExpectedId(string resourceJson) =>
        "Shared" + Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(resourceJson)))[..10];

    [Fact]
    public void Layer_id_is_the_hash_of_the_resource_and_references_follow_it()
    {
        var resources = Resources(Template);
        var id = ExpectedId("""{"Shared":{"Properties":{"ContentUri":"s3://bucket/layer.zip"},"Type":"AWS::Serverless::LayerVersion"}}""");
        var layer = resources.Resource(id);
        Assert.False(resources.ContainsKey("Shared"));
        Assert.Equal("AWS::Lambda::LayerVersion", At(layer, "Type")!.Str);
        Assert.Equal("Retain", At(layer, "DeletionPolicy")!.Str);
        Assert.Equal("Shared", At(layer, "Properties", "LayerName")!.Str);
        Assert.Equal("""{"S3Bucket":"bucket","S3Key":"layer.zip"}""", JsonOf(At(layer, "Properties", "Content")));
        Assert.Equal($$"""[{"Ref":"{{id}}"}]""", JsonOf(At(resources.Resource("Worker"), "Properties", "Layers")));
    }

    [Fact]
    public void Deletion_policy_does_not_change_the_id_but_retention_policy_sets_it()
    {
        var resources = Resources(Template.Replace(
            "      ContentUri: s3://bucket/layer.zip",
            "      ContentUri: s3://bucket/layer.zip\n      RetentionPolicy: delete",
            StringComparison.Ordinal));
        var id = ExpectedId("""{"Shared":{"Properties":{"ContentUri":"s3://bucket/layer.zip","RetentionPolicy":"delete"},"Type":"AWS::Serverless::LayerVersion"}}""");
        Assert.Equal("Delete", At(resources.Resource(id), "DeletionPolicy")!.Str);

        var withAttribute = Resources(Template.Replace(
            "    Type: AWS::Serverless::LayerVersion",
            "    Type: AWS::Serverless::LayerVersion\n    DeletionPolicy: Delete",
            StringComparison.Ordinal));
        var plainId = ExpectedId("""{"Shared":{"Properties":{"ContentUri":"s3://bucket/layer.zip"},"Type":"AWS::Serverless::LayerVersion"}}""");
        Assert.Equal("Delete", At(withAttribute.Resource(plainId), "DeletionPolicy")!.Str);
    }

    [Fact]
    public void Retention_policy_must_be_retain_or_delete()
    {
        var outcome = Run(Template.Replace(
            "      ContentUri: s3://bucket/layer.zip",
            "      ContentUri: s3://bucket/layer.zip\n      RetentionPolicy: Keep",
            StringComparison.Ordinal));
        Assert.Contains("Resource with id [Shared] is invalid. 'RetentionPolicy' must be one of the following options: ['Retain', 'Delete'].", outcome.ErrorMessage);
    }
}
