using SamPerms.Diagnostics;
using SamPerms.Tests.Validation;

namespace SamPerms.Tests.Permissions.Effective;

/// <summary>
/// IAM, "How to use trust policies": a trust policy naming an account's root delegates to that account, whose
/// administrators decide which of its principals may assume the role; AWS recommends sts:ExternalId for third
/// parties and aws:PrincipalOrgID for one's organization.
/// </summary>
public sealed class TrustTests
{
    private static string Role(string principal, string condition = "") => Check.Function + $$"""
          Shared:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Statement:
                  - Effect: Allow
                    Principal: {AWS: {{principal}}}
                    Action: sts:AssumeRole{{condition}}

        """;

    [Theory]
    [InlineData("'arn:aws:iam::999999999999:root'")]
    [InlineData("'999999999999'")]
    [InlineData("['arn:aws:iam::999999999999:role/deployer']")]
    public void Another_account_without_a_condition_is_a_warning_at_the_principal(string principal)
    {
        var yaml = Role(principal);
        var d = Check.One(yaml, DiagnosticCatalog.CrossAccountTrust);
        Assert.Equal(Check.LineOf(yaml, "Principal:"), d.Span.Line);
        Assert.Contains("999999999999", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Own_account_a_service_or_a_condition_is_no_finding()
    {
        Check.None(Role("!Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root'"), DiagnosticCatalog.CrossAccountTrust);
        Check.None(Role("'arn:aws:iam::999999999999:root'", "\n            Condition: {StringEquals: {'sts:ExternalId': 'shared-secret'}}"), DiagnosticCatalog.CrossAccountTrust);
        Check.None(Check.Function, DiagnosticCatalog.CrossAccountTrust);
    }
}
