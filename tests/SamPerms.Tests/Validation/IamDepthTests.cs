using SamPerms.Diagnostics;

namespace SamPerms.Tests.Validation;

/// <summary>IAM depth: managed policy ARNs, service principals, sts:AssumeRole on '*', repeated statements.</summary>
public sealed class IamDepthTests
{
    private static string Policies(string entries) => Check.Function.TrimEnd() + "\n      Policies:\n" + entries;

    private static string Role(string principal, string managed = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess") => Check.Function + $$"""
          Role:
            Type: AWS::IAM::Role
            Properties:
              ManagedPolicyArns: [{{managed}}]
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: {Service: {{principal}}}
                    Action: sts:AssumeRole

        """;

    [Fact]
    public void A_misspelled_aws_managed_policy_arn_is_an_error_at_its_line_with_the_closest_name()
    {
        var yaml = Policies("        - arn:aws:iam::aws:policy/AmazonS3ReadOnlyAcess\n");
        var d = Check.One(yaml, DiagnosticCatalog.UnknownManagedPolicy);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Equal(Check.LineOf(yaml, "AmazonS3ReadOnlyAcess"), d.Line);
        Assert.Contains("'AmazonS3ReadOnlyAccess'", d.Message, StringComparison.Ordinal);

        var role = Role("lambda.amazonaws.com", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAcess");
        Assert.Equal(Check.LineOf(role, "ManagedPolicyArns"), Check.One(role, DiagnosticCatalog.UnknownManagedPolicy).Line);
    }

    [Fact]
    public void A_managed_policy_arn_with_a_wrong_path_names_the_right_arn()
    {
        var yaml = Policies("        - arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole\n");
        Assert.Contains("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole", Check.One(yaml, DiagnosticCatalog.UnknownManagedPolicy).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Right_managed_policy_arns_and_customer_policies_are_fine()
    {
        Check.None(Policies("        - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole\n        - arn:aws:iam::123456789012:policy/mine\n        - AmazonS3ReadOnlyAccess\n"), DiagnosticCatalog.UnknownManagedPolicy);
        Check.None(Role("lambda.amazonaws.com"), DiagnosticCatalog.UnknownManagedPolicy);
    }

    [Fact]
    public void A_misspelled_service_principal_is_an_error_with_the_suggestion()
    {
        var yaml = Role("lamda.amazonaws.com");
        var d = Check.One(yaml, DiagnosticCatalog.UnknownServicePrincipal);
        Assert.Equal(Check.LineOf(yaml, "lamda.amazonaws.com"), d.Line);
        Assert.Contains("'lambda.amazonaws.com'", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lambda.amazonaws.com")]
    [InlineData("edgelambda.amazonaws.com")]
    [InlineData("states.amazonaws.com")]
    [InlineData("brandnewservice.amazonaws.com")]
    public void Known_or_unrelated_service_principals_are_fine(string principal)
    {
        Check.None(Role(principal), DiagnosticCatalog.UnknownServicePrincipal);
    }

    [Fact]
    public void Assume_role_on_any_role_is_a_warning_at_the_action_but_not_on_named_roles()
    {
        var yaml = Policies("        - Statement:\n            - Effect: Allow\n              Action: sts:AssumeRole\n              Resource: '*'\n");
        var d = Check.One(yaml, DiagnosticCatalog.AssumeRoleOnAnyRole);
        Assert.Equal(Check.LineOf(yaml, "sts:AssumeRole"), d.Line);
        Check.None(yaml.Replace("'*'", "arn:aws:iam::123456789012:role/app", StringComparison.Ordinal), DiagnosticCatalog.AssumeRoleOnAnyRole);

        // The trust policy's own sts:AssumeRole is about who may assume the role, not which role.
        Check.None(Role("lambda.amazonaws.com"), DiagnosticCatalog.AssumeRoleOnAnyRole);
    }

    [Fact]
    public void A_repeated_statement_is_reported_at_the_second_copy_only()
    {
        const string Statement = "            - Effect: Allow\n              Action: s3:GetObject\n              Resource: arn:aws:s3:::b/*\n";
        var yaml = Policies("        - Statement:\n" + Statement + Statement.Replace("- Effect", "- Sid: Again\n              Effect", StringComparison.Ordinal));
        var d = Check.One(yaml, DiagnosticCatalog.DuplicateStatement);
        Assert.Equal(Check.LineOf(yaml, "Sid: Again"), d.Line);
        Check.None(Policies("        - Statement:\n" + Statement + Statement.Replace("b/*", "c/*", StringComparison.Ordinal)), DiagnosticCatalog.DuplicateStatement);
    }
}
