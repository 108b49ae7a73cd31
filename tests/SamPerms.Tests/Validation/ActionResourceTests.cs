using SamPerms.Diagnostics;

namespace SamPerms.Tests.Validation;

/// <summary>
/// Action ↔ resource type applicability, from the Service Authorization Reference's resource types and ARN formats
/// (s3:GetObject acts on objects arn:aws:s3:::bucket/key, s3:ListBucket on buckets arn:aws:s3:::bucket,
/// s3:ListAllMyBuckets on no resource type, so only on "*").
/// </summary>
public sealed class ActionResourceTests
{
    private static string Statement(string action, string resources) => Check.Function.TrimEnd() + $$"""

              Policies:
                - Statement:
                    - Effect: Allow
                      Action: {{action}}
                      Resource: {{resources}}
          Bucket:
            Type: AWS::S3::Bucket
          Table:
            Type: AWS::DynamoDB::Table
          Queue:
            Type: AWS::SQS::Queue
          Topic:
            Type: AWS::SNS::Topic
          Flow:
            Type: AWS::StepFunctions::StateMachine
        Parameters:
          ResourceArn:
            Type: String

        """;

    [Theory]
    [InlineData("s3:GetObject", "arn:aws:s3:::b", "arn:aws:s3:::b/*")]
    [InlineData("s3:PutObject", "!GetAtt Bucket.Arn", "${Bucket.Arn}/*")]
    [InlineData("s3:ListBucket", "arn:aws:s3:::b/*", "arn:aws:s3:::b")]
    [InlineData("dynamodb:GetItem", "arn:aws:s3:::b/*", null)]
    [InlineData("dynamodb:GetItem", "!GetAtt Queue.Arn", null)]
    [InlineData("s3:ListAllMyBuckets", "arn:aws:s3:::b", null)]
    [InlineData("sqs:SendMessage", "!Ref Topic", null)]
    public void An_action_on_resources_it_does_not_act_on_is_a_warning_at_the_action(string action, string resource, string? suggestion)
    {
        var yaml = Statement(action, resource);
        var d = Check.One(yaml, DiagnosticCatalog.ActionNotOnResource);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(Check.LineOf(yaml, "Action: " + action), d.Line);
        Assert.Contains($"'{action}'", d.Message, StringComparison.Ordinal);
        if (suggestion is not null)
        {
            Assert.Contains("did you mean ", d.Message, StringComparison.Ordinal);
            Assert.Contains($"'{suggestion}'?", d.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("s3:GetObject", "arn:aws:s3:::b/*")]
    [InlineData("s3:GetObject", "arn:aws:s3:::*")]
    [InlineData("s3:GetObject", "[arn:aws:s3:::b, arn:aws:s3:::b/*]")]
    [InlineData("s3:ListBucket", "[arn:aws:s3:::b, arn:aws:s3:::b/*]")]
    [InlineData("s3:GetObject", "!Sub '${Bucket.Arn}/*'")]
    [InlineData("s3:GetObject", "!Sub 'arn:${AWS::Partition}:s3:::${Bucket}/uploads/*'")]
    [InlineData("s3:ListBucket", "!GetAtt Bucket.Arn")]
    [InlineData("s3:ListAllMyBuckets", "'*'")]
    [InlineData("s3:ListAllMyBuckets", "arn:aws:s3:::*")]
    [InlineData("s3:GetObject", "!Ref ResourceArn")]
    [InlineData("s3:GetObject", "!FindInMap [M, K, V]")]
    [InlineData("dynamodb:GetItem", "!GetAtt Table.Arn")]
    [InlineData("dynamodb:Query", "!Sub '${Table.Arn}/index/*'")]
    [InlineData("dynamodb:GetRecords", "!GetAtt Table.StreamArn")]
    [InlineData("sqs:SendMessage", "!GetAtt Queue.Arn")]
    [InlineData("sns:Publish", "!Ref Topic")]
    [InlineData("states:StartExecution", "!Ref Flow")]
    [InlineData("logs:PutLogEvents", "arn:aws:logs:*:*:*")]
    [InlineData("logs:CreateLogStream", "!Sub 'arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/${Fn}:*'")]
    [InlineData("lambda:InvokeFunction", "arn:aws:lambda:us-east-1:123456789012:function:worker:live")]
    [InlineData("lambda:InvokeFunction", "!GetAtt Fn.Arn")]
    [InlineData("ssm:GetParameter", "arn:aws:ssm:us-east-1:123456789012:parameter/app/db/password")]
    [InlineData("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db-AbCdEf")]
    [InlineData("kms:Decrypt", "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")]
    [InlineData("ecr:BatchGetImage", "arn:aws:ecr:us-east-1:123456789012:repository/team/app")]
    [InlineData("execute-api:Invoke", "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/items/*")]
    [InlineData("iam:PassRole", "arn:aws:iam::123456789012:role/service-role/app")]
    [InlineData("s3:GetObject", "arn:aws:s3:us-east-1:123456789012:accesspoint/ap/object/*")]
    public void An_action_on_a_resource_it_acts_on_or_may_act_on_gives_nothing(string action, string resource)
    {
        Check.None(Statement(action, resource), DiagnosticCatalog.ActionNotOnResource);
    }

    [Fact]
    public void Every_action_of_the_statement_is_judged_on_its_own()
    {
        var yaml = Statement("[s3:ListBucket, s3:GetObject]", "arn:aws:s3:::b");
        var d = Check.One(yaml, DiagnosticCatalog.ActionNotOnResource);
        Assert.Contains("'s3:GetObject'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_role_policy_and_a_managed_policy_are_checked_too()
    {
        var yaml = Check.Function + """
              Role:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: {Service: lambda.amazonaws.com}
                        Action: sts:AssumeRole
                  Policies:
                    - PolicyName: read
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: s3:GetObject
                            Resource: arn:aws:s3:::role-bucket
              Managed:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: dynamodb:PutItem
                        Resource: arn:aws:sqs:us-east-1:123456789012:q

            """;
        var found = Check.Code(yaml, DiagnosticCatalog.ActionNotOnResource);
        Assert.Equal([Check.LineOf(yaml, "Action: s3:GetObject"), Check.LineOf(yaml, "Action: dynamodb:PutItem")], found.Select(d => d.Line).Order().ToArray());
    }

    [Fact]
    public void In_a_bucket_policy_an_object_action_on_the_bucket_is_an_error_and_on_its_objects_nothing()
    {
        const string Policy = """
            Resources:
              Bucket:
                Type: AWS::S3::Bucket
              BucketPolicy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: !Ref Bucket
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: {AWS: arn:aws:iam::123456789012:root}
                        Action: s3:GetObject
                        Resource: RESOURCE

            """;
        var yaml = Policy.Replace("RESOURCE", "!GetAtt Bucket.Arn", StringComparison.Ordinal);
        var d = Check.One(yaml, DiagnosticCatalog.BucketPolicyActionNotOnResource);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(Check.LineOf(yaml, "Action: s3:GetObject"), d.Line);
        Check.None(yaml, DiagnosticCatalog.ActionNotOnResource);
        Check.None(Policy.Replace("RESOURCE", "!Sub '${Bucket.Arn}/*'", StringComparison.Ordinal), DiagnosticCatalog.BucketPolicyActionNotOnResource);
    }

    [Fact]
    public void Sam_policy_templates_are_not_the_authors_spelling()
    {
        var yaml = Check.Function.TrimEnd() + "\n      Policies:\n        - RekognitionNoDataAccessPolicy:\n            CollectionId: faces\n        - S3ReadPolicy:\n            BucketName: b\n        - DynamoDBCrudPolicy:\n            TableName: t\n";
        Check.None(yaml, DiagnosticCatalog.ActionNotOnResource);
    }
}
