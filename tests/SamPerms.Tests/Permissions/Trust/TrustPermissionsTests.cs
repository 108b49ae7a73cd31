using System.Text.Json;
using SamPerms.Tests.Support;
using SamPerms.Tests.Validation;
using static SamPerms.Tests.Permissions.Trust.TrustTemplates;

namespace SamPerms.Tests.Permissions.Trust;

/// <summary>
/// <c>samperms permissions</c> says who may assume each role of the template. IAM User Guide: a role's trust policy
/// "defines which principals can assume the role"; a principal is a service ("Service"), an account or an IAM
/// principal ("AWS", "*" meaning everyone), or an identity provider ("Federated"); conditions such as sts:ExternalId
/// or aws:SourceArn narrow it. SAM writes the trust policy of the roles it generates (lambda.amazonaws.com for a
/// function, states.amazonaws.com for a state machine) unless the function sets AssumeRolePolicyDocument.
/// </summary>
public sealed class TrustPermissionsTests
{
    private static JsonElement Json(string yaml, params string[] extra)
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(["permissions", dir.Write("template.yaml", yaml), "--format", "json", "--region", "us-east-1", .. extra]);
        Assert.Equal(0, r.ExitCode);
        return JsonDocument.Parse(r.Out).RootElement.Clone();
    }

    private static string Text(string yaml, params string[] args)
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(["permissions", dir.Write("template.yaml", yaml), "--region", "us-east-1", .. args]);
        Assert.Equal(0, r.ExitCode);
        return r.Out;
    }

    private static JsonElement Role(JsonElement map, string id) => map.GetProperty("roles").EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);

    private static List<(string Type, string Principal)> Principals(JsonElement role) =>
        role.GetProperty("assumedBy").EnumerateArray().Select(p => (p.GetProperty("principalType").GetString()!, p.GetProperty("principal").GetString()!)).ToList();

    [Fact]
    public void The_role_SAM_generates_for_a_function_is_assumed_by_the_Lambda_service()
    {
        var role = Role(Json(WithFunction), "FnRole");
        Assert.Equal([("Service", "lambda.amazonaws.com")], Principals(role));
        Assert.Equal(["Fn"], role.GetProperty("usedBy").EnumerateArray().Select(u => u.GetString()));
        Assert.Contains("  assumed by:\n    Service: lambda.amazonaws.com  sts:AssumeRole\n      ← SAM writes the trust policy", Text(WithFunction), StringComparison.Ordinal);
    }

    [Fact]
    public void A_functions_AssumeRolePolicyDocument_replaces_SAMs_trust_policy_and_is_located()
    {
        var yaml = WithFunction + """
                  AssumeRolePolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: {Service: [lambda.amazonaws.com, edgelambda.amazonaws.com]}
                        Action: sts:AssumeRole
                        Condition: {StringEquals: {'aws:SourceAccount': !Ref AWS::AccountId}}
            """;
        var role = Role(Json(yaml), "FnRole");
        Assert.Equal([("Service", "lambda.amazonaws.com"), ("Service", "edgelambda.amazonaws.com")], Principals(role));
        var first = role.GetProperty("assumedBy")[0];
        Assert.Equal("AssumeRolePolicyDocument.Statement[0]", first.GetProperty("origin").GetProperty("path").GetString());
        Assert.Equal(Check.LineOf(yaml, "- Effect: Allow"), first.GetProperty("origin").GetProperty("line").GetInt32());
        Assert.Contains("Service: edgelambda.amazonaws.com  sts:AssumeRole when StringEquals aws:SourceAccount=${AWS::AccountId}", Text(yaml), StringComparison.Ordinal);
    }

    [Fact]
    public void A_role_of_the_template_no_function_uses_is_listed_with_its_accounts_and_conditions()
    {
        var yaml = WithRole(Allow("{AWS: 'arn:aws:iam::111122223333:root'}", condition: "{StringEquals: {'sts:ExternalId': 'Unique-Id-1234'}}") + Allow("'*'"));
        var text = Text(yaml);
        Assert.Contains($"template.yaml:{Check.LineOf(yaml, "Type: AWS::IAM::Role")})\n  assumed by:\n"
            + "    AWS: arn:aws:iam::111122223333:root  sts:AssumeRole when StringEquals sts:ExternalId=Unique-Id-1234\n", text, StringComparison.Ordinal);
        Assert.Contains("    AWS: *  sts:AssumeRole\n", text, StringComparison.Ordinal);
        Assert.Contains("\nShared  (role, ", text, StringComparison.Ordinal);
        var role = Role(Json(yaml), "Shared");
        Assert.Empty(role.GetProperty("usedBy").EnumerateArray());
        Assert.Equal([("AWS", "arn:aws:iam::111122223333:root"), ("AWS", "*")], Principals(role));
        Assert.Equal("Unique-Id-1234", role.GetProperty("assumedBy")[0].GetProperty("condition").GetProperty("StringEquals").GetProperty("sts:ExternalId").GetString());
        Assert.Equal(JsonValueKind.Null, role.GetProperty("assumedBy")[1].GetProperty("condition").ValueKind);
    }

    [Fact]
    public void A_federated_principal_with_web_identity_conditions()
    {
        var yaml = WithRole(Allow("{Federated: cognito-identity.amazonaws.com}", "sts:AssumeRoleWithWebIdentity",
            "{StringEquals: {'cognito-identity.amazonaws.com:aud': 'us-east-1:12345678-abcd'}, 'ForAnyValue:StringLike': {'cognito-identity.amazonaws.com:amr': authenticated}}"));
        Assert.Contains("Federated: cognito-identity.amazonaws.com  sts:AssumeRoleWithWebIdentity when StringEquals cognito-identity.amazonaws.com:aud=us-east-1:12345678-abcd; ForAnyValue:StringLike cognito-identity.amazonaws.com:amr=authenticated",
            Text(yaml), StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_role_used_by_a_function_shows_under_the_function_only()
    {
        var yaml = WithRole(Allow("{Service: lambda.amazonaws.com}"))
            .Replace("      CodeUri: s3://bucket/app.zip\n", "      CodeUri: s3://bucket/app.zip\n      Role: !GetAtt Shared.Arn\n", StringComparison.Ordinal);
        var text = Text(yaml);
        Assert.Contains("  role: Shared\n  assumed by:\n    Service: lambda.amazonaws.com  sts:AssumeRole\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Shared  (role", text, StringComparison.Ordinal);
    }

    [Fact]
    public void One_function_shows_its_own_roles_trust_and_no_other_role()
    {
        var yaml = WithRole(Allow("{AWS: 'arn:aws:iam::111122223333:root'}"));
        var text = Text(yaml, "--function", "Fn");
        Assert.Contains("Service: lambda.amazonaws.com", text, StringComparison.Ordinal);
        Assert.DoesNotContain("111122223333", text, StringComparison.Ordinal);
        Assert.Equal(["FnRole"], Json(yaml, "--function", "Fn").GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public void Markdown_and_mermaid_show_the_principal_and_its_condition()
    {
        var yaml = WithRole(Allow("{Service: events.amazonaws.com}", condition: "{ArnLike: {'aws:SourceArn': 'arn:aws:events:us-east-1:111122223333:rule/nightly'}}"));
        var md = Text(yaml, "--format", "markdown");
        Assert.Contains("### Roles no function or state machine runs with", md, StringComparison.Ordinal);
        Assert.Contains("| `Shared` | `Service: events.amazonaws.com` | `sts:AssumeRole` | `ArnLike aws:SourceArn=arn:aws:events:us-east-1:111122223333:rule/nightly` |", md, StringComparison.Ordinal);
        Assert.Contains("**Assumed by**", md, StringComparison.Ordinal);

        var mmd = Text(yaml, "--format", "mermaid");
        var lines = mmd.Split('\n');
        var lambda = lines.Single(l => l.Contains(">\"Service: lambda.amazonaws.com\"]", StringComparison.Ordinal)).Trim().Split('>')[0];
        var fn = lines.Single(l => l.Contains("([\"λ Fn\"])", StringComparison.Ordinal)).Trim().Split('(')[0];
        Assert.Contains($"  {lambda} -->|\"sts:AssumeRole\"| {fn}", mmd, StringComparison.Ordinal);
        var role = lines.Single(l => l.Contains("[[\"role Shared\"]]", StringComparison.Ordinal)).Trim().Split('[')[0];
        var events = lines.Single(l => l.Contains(">\"Service: events.amazonaws.com\"]", StringComparison.Ordinal)).Trim().Split('>')[0];
        Assert.Contains($"  {events} -->|\"sts:AssumeRole when ArnLike aws:SourceArn=arn:aws:events:us-east-1:111122223333:rule/nightly\"| {role}", mmd, StringComparison.Ordinal);
    }
}
