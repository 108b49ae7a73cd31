using SamPerms.Diagnostics;
using SamPerms.Tests.Validation;
using static SamPerms.Tests.Permissions.Trust.TrustTemplates;

namespace SamPerms.Tests.Permissions.Trust;

/// <summary>
/// validate on trust policies. IAM User Guide ("IAM JSON policy elements: Principal"): "*" in a trust policy lets
/// every principal of every AWS account assume the role, which AWS advises against unless a condition such as
/// aws:PrincipalOrgID or aws:PrincipalAccount narrows it. The public-principal rule (SP3105) reads trust policies as it
/// reads resource policies, so it is that warning; another account's root with no condition is SP3206.
/// </summary>
public sealed class TrustValidateTests
{
    [Theory]
    [InlineData("'*'")]
    [InlineData("{AWS: '*'}")]
    [InlineData("{AWS: ['arn:aws:iam::111122223333:root', '*']}")]
    public void Everyone_without_a_condition_is_a_warning_at_the_principal(string principal)
    {
        var yaml = WithRole(Allow(principal));
        var d = Check.One(yaml, DiagnosticCatalog.PublicPrincipal);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(Check.LineOf(yaml, "Principal: " + principal), d.Span.Line);
        Assert.Contains("trust policy of Shared", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Everyone_narrowed_to_an_organization_or_an_account_is_no_warning()
    {
        Check.None(WithRole(Allow("{AWS: '*'}", condition: "{StringEquals: {'aws:PrincipalOrgID': 'o-a1b2c3d4e5'}}")), DiagnosticCatalog.PublicPrincipal);
        Check.None(WithRole(Allow("{AWS: '*'}", condition: "{StringEquals: {'aws:PrincipalAccount': '111122223333'}}")), DiagnosticCatalog.PublicPrincipal);
        Check.None(WithRole(Allow("{Service: lambda.amazonaws.com}")), DiagnosticCatalog.PublicPrincipal);
    }

    [Fact]
    public void Everyone_with_only_an_external_id_is_still_a_warning()
    {
        // An external ID is a secret shared with one third party, not a restriction on who the caller is.
        var d = Check.One(WithRole(Allow("{AWS: '*'}", condition: "{StringEquals: {'sts:ExternalId': 'Unique-Id-1234'}}")), DiagnosticCatalog.PublicPrincipal);
        Assert.Contains("does not restrict who may call", d.Message, StringComparison.Ordinal);
    }
}
