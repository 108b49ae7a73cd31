using static SamPerms.Tests.Support.Transform;

namespace SamPerms.Tests.Function;

/// <summary>
/// AutoPublishAlias: the version's logical id is a stable hash (the reference's values for these templates), which
/// changes exactly when what it hashes changes.
/// </summary>
public sealed class AutoPublishAliasTests
{
    private const string CodeFromParameter = """
        Parameters:
          Key:
            Type: String
            Default: code-v1.zip
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri:
                Bucket: my-bucket
                Key: !Ref Key
              Handler: index.handler
              Runtime: python3.12
              MemorySize: 256
              AutoPublishAlias: live
              Environment:
                Variables:
                  STAGE: prod
        """;

    private const string AllProperties = """
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              InlineCode: "def handler(e, c): return 1"
              Handler: index.handler
              Runtime: python3.12
              AutoPublishAlias: live
              AutoPublishAliasAllProperties: true
              Timeout: 30
        """;

    private static string VersionId(SamPerms.Model.MapNode resources) =>
        Assert.Single(resources.Entries, e => (e.Value as SamPerms.Model.MapNode)?.Get("Type")?.Str == "AWS::Lambda::Version").Key;

    [Fact]
    public void Version_hash_covers_code_after_parameter_resolution()
    {
        Assert.Equal("FnVersion82382c01b5", VersionId(Resources(CodeFromParameter)));
        Assert.Equal("FnVersion82382c01b5", VersionId(Resources(CodeFromParameter)));
        Assert.Equal("FnVersion5c1c3e8a94", VersionId(Resources(CodeFromParameter, new Dictionary<string, string> { ["Key"] = "code-v2.zip" })));
    }

    [Fact]
    public void Alias_points_at_the_hashed_version()
    {
        var resources = Resources(CodeFromParameter);
        var alias = resources.Resource("FnAliaslive").Props();
        Assert.Equal("""{"Fn::GetAtt":["FnVersion82382c01b5","Version"]}""", JsonOf(alias.Get("FunctionVersion")));
        Assert.Equal("Retain", resources.Resource("FnVersion82382c01b5").Get("DeletionPolicy")!.Str);
    }

    [Fact]
    public void All_properties_mode_hashes_every_function_property()
    {
        Assert.Equal("FnVersionbed50b61b7", VersionId(Resources(AllProperties)));
        Assert.Equal("FnVersion7f5112d97c", VersionId(Resources(AllProperties.Replace("Timeout: 30", "Timeout: 31", StringComparison.Ordinal))));
    }

    [Fact]
    public void Code_sha256_names_the_version_and_is_appended_to_the_description()
    {
        var resources = Resources("""
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  InlineCode: "def handler(e, c): return 1"
                  Handler: index.handler
                  Runtime: python3.12
                  AutoPublishAlias: live
                  AutoPublishCodeSha256: 0123456789abcdef
                  Description: My function
            """);

        Assert.True(resources.ContainsKey("FnVersion0123456789"));
        Assert.Equal("My function 0123456789abcdef", resources.Resource("Fn").Props().Get("Description")!.Str);
    }
}
