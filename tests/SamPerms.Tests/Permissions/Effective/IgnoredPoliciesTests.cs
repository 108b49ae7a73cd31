using SamPerms.Permissions.Effective;
using SamPerms.Tests.Validation;
using SamPerms.Diagnostics;

namespace SamPerms.Tests.Permissions.Effective;

/// <summary>
/// AWS::Serverless::Function documents Role as "the ARN of an IAM role to use as this function's execution role"
/// and Policies as "permission policies for this function ... appended to the function's default AWS Identity and
/// Access Management (IAM) execution role": with Role set there is no default role, so Policies go nowhere.
/// </summary>
public sealed class IgnoredPoliciesTests
{
    private const string Template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/app.zip
              Role: arn:aws:iam::123456789012:role/app
              Policies:
                - S3ReadPolicy: {BucketName: photos}

        """;

    [Fact]
    public void Role_and_policies_warns_at_the_policies_line_and_permissions_says_so()
    {
        var d = Check.One(Template, DiagnosticCatalog.PoliciesIgnored);
        Assert.Equal(Check.LineOf(Template, "Policies:"), d.Span.Line);
        Assert.Contains("arn:aws:iam::123456789012:role/app", d.Message, StringComparison.Ordinal);
        var note = Assert.Single(Effective.Map(Template).Find("Fn")!.Notes);
        Assert.Equal(NoteKind.Ignored, note.Kind);
        Assert.Equal("Fn.Policies", note.Source.ToString());
    }

    [Fact]
    public void Policies_alone_or_role_alone_or_empty_policies_is_no_finding()
    {
        Check.None(Template.Replace("      Role: arn:aws:iam::123456789012:role/app\n", "", StringComparison.Ordinal), DiagnosticCatalog.PoliciesIgnored);
        Check.None(Template.Replace("      Policies:\n        - S3ReadPolicy: {BucketName: photos}\n", "", StringComparison.Ordinal), DiagnosticCatalog.PoliciesIgnored);
        Check.None(Template.Replace("      Policies:\n        - S3ReadPolicy: {BucketName: photos}\n", "      Policies: []\n", StringComparison.Ordinal), DiagnosticCatalog.PoliciesIgnored);
    }
}
