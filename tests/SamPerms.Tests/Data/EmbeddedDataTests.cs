using SamPerms.Data;
using SamPerms.Model;

namespace SamPerms.Tests.Data;

public sealed class EmbeddedDataTests
{
    [Fact]
    public void All_81_policy_templates_are_embedded_with_their_parameters()
    {
        Assert.Equal(81, PolicyTemplateTable.Names.Count());
        Assert.Equal(["BucketName"], PolicyTemplateTable.Get("S3ReadPolicy")!.Parameters);
        Assert.Empty(PolicyTemplateTable.Get("AMIDescribePolicy")!.Parameters);
    }

    [Theory]
    [InlineData("AWSLambdaBasicExecutionRole", "aws", "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")]
    [InlineData("AmazonS3ReadOnlyAccess", "aws-cn", "arn:aws-cn:iam::aws:policy/AmazonS3ReadOnlyAccess")]
    [InlineData("NoSuchPolicyName", "aws", null)]
    public void Managed_policy_names_resolve_per_partition(string name, string partition, string? arn)
    {
        Assert.Equal(arn, ManagedPolicyNames.Arn(name, partition));
    }

    [Fact]
    public void The_action_catalog_knows_services_and_actions_case_insensitively()
    {
        var get = IamActionCatalog.Find("S3:getobject");
        Assert.NotNull(get);
        Assert.Equal("GetObject", get!.Name);
        Assert.Equal("Read", get.AccessLevel);
        Assert.Contains("object", get.ResourceTypes);
        Assert.Null(IamActionCatalog.Find("s3:NoSuchAction"));
        Assert.True(IamActionCatalog.Services.Count > 400);
    }

    [Fact]
    public void Managed_policy_documents_are_found_by_arn_in_any_partition()
    {
        var p = ManagedPolicyDocuments.ByArn("arn:aws-cn:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
        Assert.NotNull(p);
        var statements = (SeqNode)p!.Document.Get("Statement")!;
        Assert.Contains(statements.Items, s => s.ToString().Contains("logs:CreateLogGroup", StringComparison.Ordinal));
        Assert.Null(ManagedPolicyDocuments.ByArn("arn:aws:iam::123456789012:policy/Mine"));
    }
}
