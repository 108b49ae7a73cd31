using SamPerms.Iam;

namespace SamPerms.Tests.Iam;

public sealed class PolicyEvaluatorTests
{
    private static Statement Allow(string action, string resource, bool conditional = false, int id = 0) =>
        Statement.Of(true, [action], [resource], conditional: conditional, id: id);

    private static Statement Deny(string action, string resource, bool conditional = false, int id = 9) =>
        Statement.Of(false, [action], [resource], conditional: conditional, id: id);

    [Fact]
    public void Explicit_deny_wins()
    {
        var ev = PolicyEvaluator.Evaluate([Allow("s3:*", "*"), Deny("s3:DeleteObject", "*")], "s3:deleteobject", "arn:aws:s3:::b/k");
        Assert.Equal(Decision.Denied, ev.Decision);
        Assert.Equal(9, ev.Denying[0].Id);
    }

    [Fact]
    public void A_conditional_deny_leaves_it_undecided()
    {
        var ev = PolicyEvaluator.Evaluate([Allow("s3:*", "*"), Deny("s3:PutObject", "*", conditional: true)], "s3:PutObject", "arn:aws:s3:::b/k");
        Assert.Equal(Decision.Undecided, ev.Decision);
        Assert.Equal(UndecidedReason.MayBeDenied, ev.Reason);
    }

    [Fact]
    public void A_conditional_allow_leaves_it_undecided()
    {
        var ev = PolicyEvaluator.Evaluate([Allow("kms:Decrypt", "*", conditional: true)], "kms:Decrypt", "arn:aws:kms:us-east-1:1:key/k");
        Assert.Equal((Decision.Undecided, UndecidedReason.Condition), (ev.Decision, ev.Reason));
    }

    [Fact]
    public void Not_action_and_not_resource()
    {
        var st = Statement.Of(true, ["iam:*"], ["arn:aws:s3:::secret/*"], notAction: true, notResource: true);
        Assert.Equal(Decision.Allowed, PolicyEvaluator.Evaluate([st], "s3:GetObject", "arn:aws:s3:::public/k").Decision);
        Assert.Equal(Decision.NotAllowed, PolicyEvaluator.Evaluate([st], "iam:PassRole", "*").Decision);
        Assert.Equal(Decision.NotAllowed, PolicyEvaluator.Evaluate([st], "s3:GetObject", "arn:aws:s3:::secret/k").Decision);
    }

    [Fact]
    public void Several_statements_together_cover_a_wildcard()
    {
        var statements = ActionExpansion.Expand("dynamodb:*Item").Select((a, i) => Allow(a, "*", id: i)).ToList();
        Assert.True(statements.Count >= 2);
        Assert.Equal(Decision.Allowed, PolicyEvaluator.Evaluate(statements, "dynamodb:*item", "arn:aws:dynamodb:us-east-1:1:table/t").Decision);
        var uncovered = PolicyEvaluator.Uncovered([Allow("dynamodb:GetItem", "*"), Allow("dynamodb:*Write*", "*")], "dynamodb:*Item", "*");
        Assert.Contains("dynamodb:PutItem", uncovered);
        Assert.DoesNotContain("dynamodb:GetItem", uncovered);
        Assert.DoesNotContain("dynamodb:BatchWriteItem", uncovered);
    }

    [Fact]
    public void Unresolved_values_leave_it_undecided()
    {
        var ev = PolicyEvaluator.Evaluate([Allow("s3:GetObject", "arn:aws:s3:::${Bucket}/*")], "s3:GetObject", "arn:aws:s3:::data/k");
        Assert.Equal((Decision.Undecided, UndecidedReason.UnresolvedValue), (ev.Decision, ev.Reason));
    }
}
