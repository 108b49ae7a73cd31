using SamPerms.Diagnostics;

namespace SamPerms.Tests.Validation;

/// <summary>
/// Condition blocks, from the IAM User Guide's "Condition operators" and "AWS global condition context keys" pages
/// and the Service Authorization Reference's condition keys.
/// </summary>
public sealed class ConditionTests
{
    private static string Statement(string action, string condition) => Check.Function.TrimEnd() + $$"""

              Policies:
                - Statement:
                    - Effect: Allow
                      Action: {{action}}
                      Resource: '*'
                      Condition:
        {{condition}}

        """;

    private static string Block(string op, string key, string value) => $"                {op}:\n                  {key}: {value}";

    [Theory]
    [InlineData("StringEqual", "StringEquals")]
    [InlineData("StringEqualsIfExist", "StringEqualsIfExists")]
    [InlineData("ForAnyValues:StringLike", "ForAnyValue:StringLike")]
    [InlineData("IPAddres", "IpAddress")]
    [InlineData("ArnLikee", "ArnLike")]
    public void An_unknown_operator_is_an_error_at_the_operator_with_the_closest_one(string op, string suggestion)
    {
        var yaml = Statement("s3:GetObject", Block(op, "aws:SourceAccount", "'123456789012'"));
        var d = Check.One(yaml, DiagnosticCatalog.UnknownConditionOperator);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(Check.LineOf(yaml, op + ":"), d.Line);
        Assert.Contains($"'{suggestion}'", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("StringEquals", "aws:SourceAccount", "'123456789012'")]
    [InlineData("StringNotEqualsIgnoreCase", "aws:PrincipalTag/team", "ops")]
    [InlineData("StringEqualsIfExists", "aws:SourceVpc", "vpc-1")]
    [InlineData("ForAnyValue:StringLike", "aws:PrincipalOrgPaths", "o-a1b2c3d4e5/*")]
    [InlineData("ForAllValues:StringEquals", "aws:TagKeys", "[env, team]")]
    [InlineData("ForAllValues:StringEqualsIfExists", "aws:TagKeys", "[env]")]
    [InlineData("Null", "aws:MultiFactorAuthAge", "'true'")]
    [InlineData("BoolIfExists", "aws:MultiFactorAuthPresent", "'true'")]
    [InlineData("Bool", "aws:SecureTransport", "'false'")]
    [InlineData("NumericLessThan", "aws:MultiFactorAuthAge", "'3600'")]
    [InlineData("DateGreaterThan", "aws:CurrentTime", "'2020-01-01T00:00:00Z'")]
    [InlineData("IpAddress", "aws:SourceIp", "203.0.113.0/24")]
    [InlineData("NotIpAddressIfExists", "aws:VpcSourceIp", "10.0.0.0/8")]
    [InlineData("ArnLike", "aws:SourceArn", "arn:aws:s3:::b")]
    [InlineData("StringLike", "aws:SourceArn", "arn:aws:s3:::b")]
    [InlineData("ArnEquals", "aws:PrincipalArn", "arn:aws:iam::123456789012:role/r")]
    [InlineData("StringEquals", "AWS:SOURCEACCOUNT", "'123456789012'")]
    [InlineData("stringequals", "aws:SourceAccount", "'123456789012'")]
    public void Documented_operators_and_global_keys_give_nothing(string op, string key, string value)
    {
        var yaml = Statement("s3:GetObject", Block(op, key, value));
        var all = Check.All(yaml).Where(d => d.Code is DiagnosticCatalog.UnknownConditionOperator or DiagnosticCatalog.UnknownConditionKey
            or DiagnosticCatalog.ConditionKeyOfOtherService or DiagnosticCatalog.ConditionOperatorType).ToList();
        Assert.True(all.Count == 0, string.Join(" | ", all.Select(d => d.Format())));
    }

    [Theory]
    [InlineData("s3:GetObject", "aws:SourceArm", "aws:SourceArn")]
    [InlineData("s3:ListBucket", "s3:prefx", "s3:prefix")]
    [InlineData("kms:Decrypt", "kms:ViaServce", "kms:ViaService")]
    public void An_unknown_key_is_a_warning_at_the_key_with_the_closest_one(string action, string key, string suggestion)
    {
        var yaml = Statement(action, Block("StringEquals", key, "x"));
        var d = Check.One(yaml, DiagnosticCatalog.UnknownConditionKey);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(Check.LineOf(yaml, key + ":"), d.Line);
        Assert.Contains($"'{suggestion}'", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s3:GetObject", "StringEquals", "s3:ExistingObjectTag/backup")]
    [InlineData("s3:PutObject", "StringEquals", "s3:x-amz-server-side-encryption")]
    [InlineData("s3:ListBucket", "StringLike", "s3:prefix")]
    [InlineData("kms:Decrypt", "StringEquals", "kms:EncryptionContext:aws:lambda:FunctionArn")]
    [InlineData("kms:Decrypt", "ArnLike", "kms:EncryptionContext:aws:logs:arn")]
    [InlineData("kms:Decrypt", "StringEquals", "kms:ViaService")]
    [InlineData("iam:PassRole", "StringEquals", "iam:PassedToService")]
    [InlineData("s3:GetObject", "ArnEquals", "ec2:SourceInstanceARN")]
    [InlineData("dynamodb:GetItem", "ForAllValues:StringEquals", "dynamodb:LeadingKeys")]
    [InlineData("sts:AssumeRoleWithWebIdentity", "StringLike", "token.actions.githubusercontent.com:sub")]
    [InlineData("sts:AssumeRoleWithWebIdentity", "StringEquals", "oidc.eks.us-east-1.amazonaws.com/id/ABC:aud")]
    [InlineData("sts:AssumeRole", "StringEquals", "sts:ExternalId")]
    [InlineData("\"*\"", "StringEquals", "s3:prefix")]
    [InlineData("s3:*", "StringEquals", "s3:prefix")]
    public void Keys_documented_for_the_statements_service_give_nothing(string action, string op, string key)
    {
        var yaml = Statement(action, Block(op, key, "x"));
        Check.None(yaml, DiagnosticCatalog.UnknownConditionKey);
        Check.None(yaml, DiagnosticCatalog.ConditionKeyOfOtherService);
        Check.None(yaml, DiagnosticCatalog.ConditionOperatorType);
    }

    [Fact]
    public void A_key_of_another_service_is_a_warning_at_the_key()
    {
        var yaml = Statement("[dynamodb:GetItem, dynamodb:Query]", Block("StringLike", "s3:prefix", "home/*"));
        var d = Check.One(yaml, DiagnosticCatalog.ConditionKeyOfOtherService);
        Assert.Equal(Check.LineOf(yaml, "s3:prefix:"), d.Line);
        Assert.Contains("dynamodb", d.Message, StringComparison.Ordinal);
        Check.None(Statement("[dynamodb:GetItem, s3:ListBucket]", Block("StringLike", "s3:prefix", "home/*")), DiagnosticCatalog.ConditionKeyOfOtherService);
    }

    [Theory]
    [InlineData("StringEquals", "aws:SourceIp", "203.0.113.5", "IpAddress")]
    [InlineData("StringLikeIfExists", "aws:SourceIp", "203.0.113.*", "IpAddress")]
    [InlineData("IpAddress", "aws:SourceVpc", "vpc-1", "String")]
    [InlineData("DateGreaterThan", "aws:SourceAccount", "'2020-01-01T00:00:00Z'", "String")]
    [InlineData("Bool", "aws:SourceVpce", "'true'", "String")]
    [InlineData("NumericEquals", "aws:SecureTransport", "'1'", "Bool")]
    [InlineData("ArnLike", "aws:SecureTransport", "'true'", "Bool")]
    public void An_operator_of_the_wrong_type_for_its_key_is_a_warning_at_the_key(string op, string key, string value, string right)
    {
        var yaml = Statement("s3:GetObject", Block(op, key, value));
        var d = Check.One(yaml, DiagnosticCatalog.ConditionOperatorType);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(Check.LineOf(yaml, key + ":"), d.Line);
        Assert.Contains(right, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Conditions_of_trust_and_resource_policies_are_checked_and_intrinsic_blocks_skipped()
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
                        Condition:
                          StringEqual:
                            aws:SourceAccount: !Ref AWS::AccountId
              Queue:
                Type: AWS::SQS::Queue
              QueuePolicy:
                Type: AWS::SQS::QueuePolicy
                Properties:
                  Queues: [!Ref Queue]
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: {Service: sns.amazonaws.com}
                        Action: sqs:SendMessage
                        Resource: !GetAtt Queue.Arn
                        Condition:
                          ArnEquals:
                            aws:SourceArm: arn:aws:sns:us-east-1:123456789012:t
                      - Effect: Allow
                        Principal: {Service: sns.amazonaws.com}
                        Action: sqs:SendMessage
                        Resource: !GetAtt Queue.Arn
                        Condition: !If [C, {StringEquals: {aws:SourceAccount: '1'}}, !Ref AWS::NoValue]

            """;
        Assert.Equal(Check.LineOf(yaml, "StringEqual:"), Check.One(yaml, DiagnosticCatalog.UnknownConditionOperator).Line);
        Assert.Equal(Check.LineOf(yaml, "aws:SourceArm"), Check.One(yaml, DiagnosticCatalog.UnknownConditionKey).Line);
    }
}

/// <summary>AWS's own policies as a negative test set: the operators and key types they use are all documented.</summary>
public sealed class ManagedPolicyConditionTests
{
    [Fact]
    public void Aws_managed_policies_use_only_known_operators_of_the_right_type_and_keys_of_their_services()
    {
        var resources = new SamPerms.Model.MapNode();
        int count = 0;
        foreach (var name in SamPerms.Data.ManagedPolicyNames.Names.Order(StringComparer.Ordinal))
        {
            // Only the statements with a Condition (the rest has nothing to say here; the test stays quick).
            if (SamPerms.Data.ManagedPolicyDocuments.ByName(name)?.Document.Get("Statement") is SamPerms.Model.SeqNode statements
                && statements.Items.OfType<SamPerms.Model.MapNode>().Where(s => s.ContainsKey("Condition")).ToList() is { Count: > 0 } conditional)
            {
                var document = SamPerms.Model.N.Map(("Version", "2012-10-17"), ("Statement", SamPerms.Model.N.Seq(conditional)));
                resources.Set($"P{count++}", SamPerms.Model.N.Map(("Type", "AWS::IAM::ManagedPolicy"), ("Properties", SamPerms.Model.N.Map(("PolicyDocument", document)))));
            }
        }

        Assert.True(count > 100, $"only {count} managed policies with conditions");
        var json = SamPerms.Model.JsonText.Compact(SamPerms.Model.N.Map(("Resources", resources)));
        var found = Check.All(json).Where(d => d.Code is DiagnosticCatalog.UnknownConditionOperator or DiagnosticCatalog.ConditionKeyOfOtherService
            or DiagnosticCatalog.ConditionOperatorType).ToList();
        Assert.True(found.Count == 0, string.Join(" | ", found.Take(10).Select(d => d.Format())));
    }
}
