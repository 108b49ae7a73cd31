using SamPerms.Diagnostics;
using SamPerms.Validation;

namespace SamPerms.Tests.Validation;

public sealed class IamRuleTests
{
    private static string Statement(string action, string resource = "'*'", string effect = "Allow") =>
        Check.Function.TrimEnd() + $"\n      Policies:\n        - Statement:\n            - Effect: {effect}\n              Action: {action}\n              Resource: {resource}\n";

    [Fact]
    public void Known_actions_and_patterns_are_fine()
    {
        var yaml = Statement("[s3:GetObject, 's3:Get*', 'dynamodb:*', 'S3:getobject', 'sqs:Send?essage']", "arn:aws:s3:::bucket/*");
        var iam = new[] { DiagnosticCatalog.UnknownService, DiagnosticCatalog.UnknownAction, DiagnosticCatalog.WildcardMatchesNothing, DiagnosticCatalog.MalformedArn, DiagnosticCatalog.InvalidEffect };
        Assert.DoesNotContain(Check.All(yaml), d => iam.Contains(d.Code));
    }

    [Fact]
    public void Unknown_service_is_at_the_action_and_suggests_a_prefix()
    {
        var yaml = Statement("dynamodbb:GetItem");
        var d = Check.One(yaml, DiagnosticCatalog.UnknownService);
        Assert.Contains("'dynamodb'", d.Message, StringComparison.Ordinal);
        Assert.Equal(Check.LineOf(yaml, "dynamodbb"), d.Line);
        Assert.Equal("Resources.Fn.Properties.Policies[0].Statement[0].Action", d.Path);
        Assert.Contains("generated from Fn", d.Message, StringComparison.Ordinal);
    }

    // IAM policy grammar (IAM User Guide, "Grammar of the IAM JSON policy language", action_string): a service
    // namespace, a colon and an action name; only the action name may hold wildcards. IAM rejects anything else.
    [Fact]
    public void Action_without_a_prefix_is_reported_as_malformed()
    {
        Assert.Contains("no service prefix", Check.One(Statement("GetObject"), DiagnosticCatalog.MalformedAction).Message, StringComparison.Ordinal);
        Assert.Contains("no service prefix", Check.One(Statement("s3*"), DiagnosticCatalog.MalformedAction).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wildcard_in_the_service_prefix_is_reported_as_malformed()
    {
        var yaml = Statement("s*:GetObject");
        var d = Check.One(yaml, DiagnosticCatalog.MalformedAction);
        Assert.Contains("wildcard in its service prefix", d.Message, StringComparison.Ordinal);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(Check.LineOf(yaml, "s*:GetObject"), d.Line);
        Assert.Contains("more than one colon", Check.One(Statement("s3:Get:Object"), DiagnosticCatalog.MalformedAction).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_action_suggests_the_closest_of_its_service()
    {
        var yaml = Statement("[s3:GetObject, s3:PutObjekt]");
        var d = Check.One(yaml, DiagnosticCatalog.UnknownAction);
        Assert.Contains("'s3:PutObject'", d.Message, StringComparison.Ordinal);
        Assert.Equal("Resources.Fn.Properties.Policies[0].Statement[0].Action[1]", d.Path);
    }

    [Fact]
    public void Actions_sam_generates_are_not_second_guessed()
    {
        // SQSPollerPolicy grants sqs:DeleteMessageBatch, which IAM accepts though its catalog folds it into DeleteMessage.
        var yaml = Check.Function.TrimEnd() + "\n      Policies:\n        - SQSPollerPolicy: {QueueName: q}\n";
        Check.None(yaml, DiagnosticCatalog.UnknownAction);
    }

    [Fact]
    public void Wildcard_that_matches_nothing_is_reported()
    {
        Check.One(Statement("'lambda:Invok*Functionz'"), DiagnosticCatalog.WildcardMatchesNothing);
        Check.None(Statement("'lambda:Invoke*'"), DiagnosticCatalog.WildcardMatchesNothing);
    }

    [Fact]
    public void Resources_must_be_arns_or_star()
    {
        var yaml = Statement("s3:GetObject", "[arn:aws:s3:::b/*, my-bucket, 'arn:aws:s3', '{{resolve:ssm:arn}}', !Sub 'arn:${AWS::Partition}:s3:::b']");
        var found = Check.Code(yaml, DiagnosticCatalog.MalformedArn);
        Assert.Equal(2, found.Count);
        Assert.Contains(found, d => d.Message.Contains("'my-bucket' is not an ARN", StringComparison.Ordinal));
        Assert.Contains(found, d => d.Message.Contains("'arn:aws:s3' is not a complete ARN", StringComparison.Ordinal));
    }

    [Fact]
    public void Effect_is_case_sensitive()
    {
        var d = Check.One(Statement("s3:GetObject", effect: "allow"), DiagnosticCatalog.InvalidEffect);
        Assert.Contains("case-sensitive", d.Message, StringComparison.Ordinal);
        Check.None(Statement("s3:GetObject", effect: "Deny"), DiagnosticCatalog.InvalidEffect);
    }

    [Fact]
    public void Statements_of_hand_written_policies_are_checked_too()
    {
        var yaml = Check.Function + "  Extra:\n    Type: AWS::IAM::Policy\n    Properties:\n      PolicyName: extra\n      Roles: [!Ref FnRole]\n      PolicyDocument:\n        Statement:\n          - Effect: Alow\n            Action: s3:GetObject\n            Resource: '*'\n";
        var d = Check.One(yaml, DiagnosticCatalog.InvalidEffect);
        Assert.Equal(Check.LineOf(yaml, "Alow"), d.Line);
    }

    [Fact]
    public void Unknown_policy_template_is_at_its_name_with_suggestions()
    {
        var yaml = Check.Function.TrimEnd() + "\n      Policies:\n        - AWSLambdaExecute\n        - DynamoDBCrudPolicy: {TableName: t}\n        - DynamoDBCrudPolcy: {TableName: t}\n        - Statement: []\n        - !Sub arn:aws:iam::${AWS::AccountId}:policy/x\n";
        var d = Check.One(yaml, DiagnosticCatalog.UnknownPolicyTemplate);
        Assert.Equal(Check.LineOf(yaml, "DynamoDBCrudPolcy"), d.Line);
        Assert.Contains("'DynamoDBCrudPolicy'", d.Message, StringComparison.Ordinal);
        Assert.Equal("Resources.Fn.Properties.Policies[2].DynamoDBCrudPolcy", d.Path);
    }

    [Fact]
    public void Unknown_managed_policy_name_depends_on_the_partition()
    {
        var yaml = Check.Function.TrimEnd() + "\n      Policies:\n        - AWSLambdaExecute\n        - arn:aws:iam::123456789012:policy/mine\n        - AWSLambdaExecuet\n";
        var d = Check.One(yaml, DiagnosticCatalog.UnknownManagedPolicy);
        Assert.Contains("'AWSLambdaExecute'", d.Message, StringComparison.Ordinal);
        Assert.Equal(Check.LineOf(yaml, "AWSLambdaExecuet"), d.Line);
    }

    [Fact]
    public void Missing_template_parameters_are_named()
    {
        var yaml = Check.Function.TrimEnd() + "\n      Policies:\n        - S3CrudPolicy: {BucketNam: b}\n        - SQSPollerPolicy: {QueueName: q}\n";
        var d = Check.One(yaml, DiagnosticCatalog.MissingTemplateParameters);
        Assert.Contains("missing parameter BucketName", d.Message, StringComparison.Ordinal);
        Assert.Equal(Check.LineOf(yaml, "S3CrudPolicy"), d.Line);
    }
}
