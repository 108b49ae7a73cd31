using System.Text.Json;
using SamPerms.Tests.Support;
using static SamPerms.Tests.Permissions.Trust.TrustTemplates;

namespace SamPerms.Tests.Permissions.Trust;

/// <summary>
/// <c>samperms diff OLD NEW</c> on trust policies, by IAM's rules (IAM User Guide, "Policy evaluation logic" and
/// "IAM JSON policy elements: Principal" and "Condition"): all conditions of a statement must hold, so adding one
/// narrows and removing one widens; an account's root or id delegates to every principal of that account; "*" is
/// every principal of every account; an explicit Deny wins. A wider or new trust is broadening (exit 1 by default).
/// </summary>
public sealed class TrustDiffTests
{
    private const string Account = "{AWS: 'arn:aws:iam::111122223333:root'}";
    private const string ExternalId = "{StringEquals: {'sts:ExternalId': 'Unique-Id-1234'}}";

    private static (int Exit, List<JsonElement> Trust, string Text) Diff(string oldStatements, string newStatements)
    {
        using var dir = new TempDir();
        var old = dir.Write("old.yaml", WithRole(oldStatements));
        var now = dir.Write("new.yaml", WithRole(newStatements));
        var json = CliRunner.Run("diff", old, now, "--format", "json", "--region", "us-east-1");
        var text = CliRunner.Run("diff", old, now, "--region", "us-east-1");
        Assert.Equal(json.ExitCode, text.ExitCode);
        var changes = JsonDocument.Parse(json.Out).RootElement.GetProperty("changes").EnumerateArray()
            .Where(c => c.GetProperty("category").GetString() == "trust").Select(c => c.Clone()).ToList();
        return (json.ExitCode, changes, text.Out);
    }

    private static JsonElement Added(List<JsonElement> changes) => changes.Single(c => c.GetProperty("change").GetString() == "added");

    private static bool Broadening(JsonElement change) => change.GetProperty("broadening").GetBoolean();

    private static string Reason(JsonElement change) => change.GetProperty("reason").GetString()!;

    [Fact]
    public void An_unchanged_trust_is_no_change()
    {
        var statements = Allow(Account, condition: ExternalId) + Allow("{Service: events.amazonaws.com}");
        var (exit, trust, text) = Diff(statements, statements);
        Assert.Equal(0, exit);
        Assert.Empty(trust);
        Assert.StartsWith("No permission changes", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_account_trusted_is_broadening()
    {
        var (exit, trust, text) = Diff(Allow("{Service: events.amazonaws.com}"), Allow("{Service: events.amazonaws.com}") + Allow("{AWS: 'arn:aws:iam::999999999999:root'}"));
        Assert.Equal(1, exit);
        var added = Added(trust);
        Assert.True(Broadening(added));
        Assert.Equal("new trusted principal AWS: arn:aws:iam::999999999999:root", Reason(added));
        Assert.Equal(["Shared"], added.GetProperty("resources").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("Trust Policy Changes", text, StringComparison.Ordinal);
        Assert.DoesNotContain("No permission changes", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_removed_condition_is_broadening_an_added_one_narrowing()
    {
        var (exit, trust, _) = Diff(Allow(Account, condition: ExternalId), Allow(Account));
        Assert.Equal(1, exit);
        Assert.True(Broadening(Added(trust)));
        Assert.Equal("AWS: arn:aws:iam::111122223333:root may now assume role Shared without the condition StringEquals sts:ExternalId=Unique-Id-1234", Reason(Added(trust)));

        (exit, trust, _) = Diff(Allow(Account), Allow(Account, condition: ExternalId));
        Assert.Equal(0, exit);
        Assert.Equal(2, trust.Count);
        Assert.All(trust, c => Assert.False(Broadening(c)));
        Assert.Equal("narrower than before", Reason(Added(trust)));
    }

    [Fact]
    public void A_condition_on_another_key_or_value_is_broadening()
    {
        var (exit, trust, _) = Diff(Allow(Account, condition: ExternalId), Allow(Account, condition: "{StringEquals: {'sts:ExternalId': [Unique-Id-1234, other]}}"));
        Assert.Equal(1, exit);
        Assert.StartsWith("AWS: arn:aws:iam::111122223333:root may now assume role Shared under a wider condition", Reason(Added(trust)), StringComparison.Ordinal);

        // A second condition key narrows further.
        (exit, _, _) = Diff(Allow(Account, condition: ExternalId), Allow(Account, condition: "{StringEquals: {'sts:ExternalId': 'Unique-Id-1234', 'aws:PrincipalOrgID': 'o-abc'}}"));
        Assert.Equal(0, exit);
    }

    [Fact]
    public void An_account_widened_to_everyone_is_broadening()
    {
        var (exit, trust, _) = Diff(Allow(Account), Allow("{AWS: '*'}"));
        Assert.Equal(1, exit);
        Assert.Equal("any principal of any AWS account (*) may now assume role Shared", Reason(Added(trust)));
        Assert.False(Broadening(trust.Single(c => c.GetProperty("change").GetString() == "removed")));
    }

    [Fact]
    public void A_service_added_is_broadening_a_service_removed_narrowing()
    {
        var one = Allow("{Service: lambda.amazonaws.com}");
        var two = Allow("{Service: [lambda.amazonaws.com, states.amazonaws.com]}");
        var (exit, trust, _) = Diff(one, two);
        Assert.Equal(1, exit);
        Assert.Equal("new trusted principal Service: states.amazonaws.com", Reason(Added(trust)));

        (exit, trust, _) = Diff(two, one);
        Assert.Equal(0, exit);
        var removed = Assert.Single(trust);
        Assert.Equal("no longer trusted", Reason(removed));
        Assert.False(Broadening(removed));
    }

    [Fact]
    public void A_role_of_an_account_already_trusted_through_its_root_is_not_broadening()
    {
        var (exit, trust, _) = Diff(Allow(Account), Allow("{AWS: 'arn:aws:iam::111122223333:role/deployer'}"));
        Assert.Equal(0, exit);
        Assert.All(trust, c => Assert.False(Broadening(c)));

        // The other way round the whole account is let in.
        (exit, _, _) = Diff(Allow("{AWS: 'arn:aws:iam::111122223333:role/deployer'}"), Allow(Account));
        Assert.Equal(1, exit);
    }

    [Fact]
    public void A_new_session_action_is_broadening()
    {
        var (exit, trust, _) = Diff(Allow(Account), Allow(Account, "[sts:AssumeRole, sts:TagSession]"));
        Assert.Equal(1, exit);
        Assert.Contains("may now sts:AssumeRole, sts:TagSession on role Shared", Reason(Added(trust)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_Deny_added_narrows_and_removed_broadens()
    {
        var allow = Allow("{AWS: '*'}", condition: "{StringEquals: {'aws:PrincipalOrgID': 'o-abc'}}");
        var withDeny = allow + Deny(Account);
        var (exit, trust, _) = Diff(allow, withDeny);
        Assert.Equal(0, exit);
        Assert.Equal("a Deny is added", Reason(Assert.Single(trust)));

        (exit, trust, _) = Diff(withDeny, allow);
        Assert.Equal(1, exit);
        Assert.Equal("a Deny is removed", Reason(Assert.Single(trust)));
    }

    [Fact]
    public void Markdown_lists_a_trust_change_as_broadening()
    {
        using var dir = new TempDir();
        var old = dir.Write("old.yaml", WithRole(Allow(Account, condition: ExternalId)));
        var now = dir.Write("new.yaml", WithRole(Allow(Account)));
        var md = CliRunner.Run("diff", old, now, "--format", "markdown", "--region", "us-east-1").Out;
        Assert.Contains("**1 broadening**", md, StringComparison.Ordinal);
        Assert.Contains("| added ⚠️ **broadening** | `Shared` | trust | `Shared` | Allow | `sts:AssumeRole` | `AWS: arn:aws:iam::111122223333:root` |", md, StringComparison.Ordinal);
    }
}
