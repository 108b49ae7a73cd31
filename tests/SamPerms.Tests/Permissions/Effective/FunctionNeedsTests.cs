using SamPerms.Tests.Validation;
using SamPerms.Diagnostics;

namespace SamPerms.Tests.Permissions.Effective;

/// <summary>
/// What a function evidently needs. AWS: "a Lambda function's execution role ... grants the function permission
/// to access AWS services and resources"; for a dead-letter queue "your function's execution role needs
/// sqs:SendMessage (Amazon SQS) or sns:Publish (Amazon SNS)"; for destinations the execution role needs
/// sqs:SendMessage, sns:Publish, lambda:InvokeFunction or events:PutEvents on the destination.
/// </summary>
public sealed class FunctionNeedsTests
{
    private static string Template(string policies, string env = "TABLE_NAME: !Ref Orders") => $$"""
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Orders:
            Type: AWS::Serverless::SimpleTable
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/app.zip
              Environment:
                Variables:
                  {{env}}
              Policies:
                {{policies}}

        """;

    [Fact]
    public void A_table_named_in_the_environment_with_no_grant_is_a_need_at_the_variable()
    {
        var yaml = Template("- S3ReadPolicy: {BucketName: photos}");
        var d = Check.One(yaml, DiagnosticCatalog.NamedResourceNotGranted);
        Assert.Equal(Check.LineOf(yaml, "TABLE_NAME"), d.Span.Line);
        Assert.Contains("DynamoDBCrudPolicy", d.Message, StringComparison.Ordinal);
        Assert.Contains(Effective.Map(yaml).Find("Fn")!.Notes, n => n.Code == DiagnosticCatalog.NamedResourceNotGranted);
    }

    [Theory]
    [InlineData("- DynamoDBReadPolicy: {TableName: !Ref Orders}")]
    [InlineData("- Statement: [{Effect: Allow, Action: 'dynamodb:Query', Resource: !Sub '${Orders.Arn}/index/*'}]")]
    [InlineData("- Statement: [{Effect: Allow, Action: 'dynamodb:*', Resource: '*'}]")]
    public void Any_grant_of_the_service_on_it_is_no_finding(string policy) =>
        Check.None(Template(policy), DiagnosticCatalog.NamedResourceNotGranted);

    [Fact]
    public void A_sub_names_the_resource_too_and_a_url_attribute_does_not()
    {
        Check.One(Template("- S3ReadPolicy: {BucketName: photos}", "TABLE: !Sub 'table=${Orders}'"), DiagnosticCatalog.NamedResourceNotGranted);
        var bucket = Template("- S3ReadPolicy: {BucketName: photos}", "SITE: !GetAtt Site.WebsiteURL").Replace("Resources:\n", "Resources:\n  Site:\n    Type: AWS::S3::Bucket\n", StringComparison.Ordinal);
        Check.None(bucket, DiagnosticCatalog.NamedResourceNotGranted);
    }

    private const string WithRole = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Dlq:
            Type: AWS::SQS::Queue
          AppRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
              Policies:
                - PolicyName: dlq
                  PolicyDocument:
                    Statement: [{Effect: Allow, Action: GRANT, Resource: !GetAtt Dlq.Arn}]
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/app.zip
              Role: !GetAtt AppRole.Arn
              DeadLetterQueue:
                Type: SQS
                TargetArn: !GetAtt Dlq.Arn

        """;

    [Fact]
    public void A_dead_letter_queue_the_role_may_not_send_to_is_a_need_at_the_target()
    {
        var yaml = WithRole.Replace("GRANT", "sqs:ReceiveMessage", StringComparison.Ordinal);
        var d = Check.One(yaml, DiagnosticCatalog.DeliveryNotGranted);
        Assert.Equal(Check.LineOf(yaml, "TargetArn"), d.Span.Line);
        Assert.Contains("sqs:SendMessage", d.Message, StringComparison.Ordinal);
        Check.None(WithRole.Replace("GRANT", "sqs:SendMessage", StringComparison.Ordinal), DiagnosticCatalog.DeliveryNotGranted);
    }

    [Fact]
    public void The_role_sam_generates_gets_the_dead_letter_permission()
    {
        var generated = WithRole.Replace("      Role: !GetAtt AppRole.Arn\n", "", StringComparison.Ordinal).Replace("GRANT", "sqs:ReceiveMessage", StringComparison.Ordinal);
        Check.None(generated, DiagnosticCatalog.DeliveryNotGranted);
    }
}
