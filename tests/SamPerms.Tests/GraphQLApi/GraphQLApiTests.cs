using SamPerms.Model;
using static SamPerms.Tests.Support.Transform;

namespace SamPerms.Tests.GraphQLApi;

public sealed class GraphQLApiTests
{
    private const string Template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Api:
            Type: AWS::Serverless::GraphQLApi
            Properties:
              SchemaInline: "type Query { a: String }"
              Auth:
                Type: AWS_IAM
              DataSources:
                DynamoDb:
                  Posts:
                    TableName: posts
                    Permissions:
                      - Read
        """;

    [Fact]
    public void DynamoDB_data_source_gets_a_role_and_a_read_policy_on_its_table()
    {
        var resources = Resources(Template);
        var dataSource = resources.Resource("ApiPostsDynamoDBDataSource");
        Assert.Equal("""{"Fn::GetAtt":["ApiPostsDynamoDBDataSourceRole","Arn"]}""", JsonOf(At(dataSource, "Properties", "ServiceRoleArn")));
        Assert.Equal("""{"Ref":"AWS::Region"}""", JsonOf(At(dataSource, "Properties", "DynamoDBConfig", "AwsRegion")));

        var role = resources.Resource("ApiPostsDynamoDBDataSourceRole");
        Assert.Equal("appsync.amazonaws.com", At(role, "Properties", "AssumeRolePolicyDocument", "Statement", "0", "Principal", "Service", "0")!.Str);

        var policy = resources.Resource("ApiPostsDynamoDBDataSourceToTableConnectorPolicy");
        Assert.Equal("""[{"Ref":"ApiPostsDynamoDBDataSourceRole"}]""", JsonOf(At(policy, "Properties", "Roles")));
        var statements = (SeqNode)At(policy, "Properties", "PolicyDocument", "Statement")!;
        Assert.Single(statements);
        Assert.Contains("dynamodb:Query", JsonOf(At(statements[0], "Action")));
        Assert.Contains("arn:${AWS::Partition}:dynamodb:${__Region__}:${AWS::AccountId}:table/${__TableName__}", JsonOf(At(statements[0], "Resource")));
        Assert.Equal("AWS::AppSync::DataSource", At(policy, "Metadata", "aws:sam:connectors", "ApiPostsDynamoDBDataSourceToTableConnector", "Source", "Type")!.Str);
    }

    [Fact]
    public void Given_service_role_means_no_generated_role_or_policy()
    {
        var resources = Resources(Template.Replace(
            "            TableName: posts",
            "            TableName: posts\n            ServiceRoleArn: arn:aws:iam::123456789012:role/mine",
            StringComparison.Ordinal));
        Assert.Equal("arn:aws:iam::123456789012:role/mine", At(resources.Resource("ApiPostsDynamoDBDataSource"), "Properties", "ServiceRoleArn")!.Str);
        Assert.False(resources.ContainsKey("ApiPostsDynamoDBDataSourceRole"));
        Assert.False(resources.ContainsKey("ApiPostsDynamoDBDataSourceToTableConnectorPolicy"));
    }

    [Fact]
    public void Logging_gets_a_cloudwatch_role_unless_turned_off()
    {
        var resources = Resources(Template);
        Assert.Equal("""{"Fn::GetAtt":["ApiCloudWatchRole","Arn"]}""", JsonOf(At(resources.Resource("Api"), "Properties", "LogConfig", "CloudWatchLogsRoleArn")));

        var off = Resources(Template.Replace("      Auth:", "      Logging: false\n      Auth:", StringComparison.Ordinal));
        Assert.False(off.ContainsKey("ApiCloudWatchRole"));
        Assert.Null(At(off.Resource("Api"), "Properties", "LogConfig"));
    }

    [Fact]
    public void Unknown_field_in_a_model_is_reported_by_its_path()
    {
        var outcome = Run(Template.Replace("            TableName: posts", "            TableName: posts\n            Bogus: 1", StringComparison.Ordinal));
        Assert.Equal("Invalid Serverless Application Specification document. Number of errors found: 1. Resource with id [Api] is invalid. Property 'DataSources.DynamoDb.Posts.Bogus' is invalid.", outcome.ErrorMessage);
    }
}
