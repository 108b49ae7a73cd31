using System.Text.RegularExpressions;
using SamPerms.Iam;

namespace SamPerms.Tests.Iam;

/// <summary>
/// Properties of the IAM evaluator on random condition-free statement sets (Allow/Deny, NotAction/NotResource,
/// wildcards) and random concrete requests, with a fixed seed and a bounded number of cases: the answer does not
/// depend on the order of statements nor on how action lists are split or merged, an applicable Deny always wins,
/// and every answer agrees with an independent oracle written from the documentation's rules (regular
/// expressions per ARN segment; the literal "*" for actions without resource types).
/// </summary>
public sealed class EvaluationPropertyTests
{
    private const int Cases = 800;

    private static readonly string[] ActionPatterns =
    [
        "s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:ListAllMyBuckets", "s3:*", "s3:Get*", "s3:?etObject", "s3:List*",
        "sqs:SendMessage", "sqs:ListQueues", "sqs:*", "kms:Decrypt", "kms:CreateKey", "kms:*", "*",
    ];

    private static readonly string[] ResourcePatterns =
    [
        "*", "arn:aws:s3:::b", "arn:aws:s3:::b/*", "arn:aws:s3:::*", "arn:aws:s3:::b/k?", "arn:aws:s3:::b*/k",
        "arn:aws:sqs:us-east-1:111122223333:q", "arn:aws:sqs:*:111122223333:q", "arn:aws:sqs:us-*1:111122223333:q",
        "arn:aws:sqs:us-east-1:*", "arn:aws:sqs:us-east-?:111122223333:q", "arn:aws:kms:us-east-1:111122223333:key/*",
        "arn:aws:kms:*", "arn:aws:sqs:us-east-1*q",
    ];

    private static readonly string[] Actions =
    [
        "s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:ListAllMyBuckets", "sqs:SendMessage", "sqs:ListQueues",
        "kms:Decrypt", "kms:CreateKey", "s3:GETOBJECT",
    ];

    private static readonly string[] Resources =
    [
        "arn:aws:s3:::b", "arn:aws:s3:::b/k1", "arn:aws:s3:::b/k:1", "arn:aws:s3:::c/k", "arn:aws:s3:::bb/k",
        "arn:aws:sqs:us-east-1:111122223333:q", "arn:aws:sqs:us-west-1:111122223333:q", "arn:aws:sqs:us-east-1:444455556666:q",
        "arn:aws:kms:us-east-1:111122223333:key/k", "arn:aws:sqs:us-east-1:111122223333:x:q",
    ];

    private static readonly HashSet<string> NoResourceTypes = new(StringComparer.OrdinalIgnoreCase) { "s3:ListAllMyBuckets", "sqs:ListQueues", "kms:CreateKey" };

    [Fact]
    public void Answers_agree_with_the_oracle_and_do_not_depend_on_order_or_how_actions_are_listed()
    {
        var random = new Random(18);
        for (int n = 0; n < Cases; n++)
        {
            var statements = RandomStatements(random);
            var action = Actions[random.Next(Actions.Length)];
            var resource = Resources[random.Next(Resources.Length)];
            var decision = PolicyEvaluator.Evaluate(statements, action, resource).Decision;
            var context = $"case {n}: {action} on {resource} with {Show(statements)}";

            Assert.True(Oracle(statements, action, resource) == decision, $"oracle says {Oracle(statements, action, resource)}, evaluator {decision}; {context}");
            Assert.True(decision == PolicyEvaluator.Evaluate(statements.OrderBy(_ => random.Next()).ToList(), action, resource).Decision, "reordered: " + context);
            Assert.True(decision == PolicyEvaluator.Evaluate(Split(statements), action, resource).Decision, "split: " + context);
            Assert.True(decision == PolicyEvaluator.Evaluate(Merge(statements), action, resource).Decision, "merged: " + context);

            // Deny always wins: adding a Deny of exactly this request makes it denied, whatever else is there.
            var deny = Statement.Of(false, [action], [resource]);
            var withDeny = statements.Append(deny).OrderBy(_ => random.Next()).ToList();
            var denied = PolicyEvaluator.Evaluate(withDeny, action, resource).Decision;
            if (NoResourceTypes.Contains(action) && resource != "*")
            {
                deny = Statement.Of(false, [action], ["*"]);
                denied = PolicyEvaluator.Evaluate(statements.Append(deny).ToList(), action, resource).Decision;
            }

            Assert.True(denied == Decision.Denied, "deny added: " + context);
        }
    }

    /// <summary>
    /// Matching, coverage and intersection of patterns with segment-bound wildcards are exact: checked against the
    /// oracle's regular expression and brute force over every value of up to 5 characters of {a, :, c}.
    /// </summary>
    [Fact]
    public void Segment_wildcards_match_cover_and_intersect_exactly()
    {
        var random = new Random(1818);
        var values = new List<string> { "" };
        for (int length = 1; length <= 5; length++)
        {
            values.AddRange(values.Where(v => v.Length == length - 1).SelectMany(v => "a:c".Select(c => v + c)).ToList());
        }

        string Pattern() => new(Enumerable.Range(0, random.Next(0, 5)).Select(_ => "a:*?"[random.Next(4)]).ToArray());
        for (int n = 0; n < 250; n++)
        {
            var (wide, narrow) = (Pattern(), Pattern());
            var (w, m) = (ArnWildcards.Encode(wide), ArnWildcards.Encode(narrow));
            foreach (var v in values)
            {
                Assert.True(ArnRegex(wide).IsMatch(v) == Wildcard.Matches(w, v, ignoreCase: false), $"match '{wide}' '{v}'");
            }

            var narrowValues = values.Where(v => ArnRegex(narrow).IsMatch(v)).ToList();
            var covered = narrowValues.All(v => ArnRegex(wide).IsMatch(v));
            if (Wildcard.Covers(w, m, ignoreCase: false))
            {
                Assert.True(covered, $"'{wide}' claimed to cover '{narrow}'");
            }
            else if (narrow.Length <= 2 && wide.Length <= 2)
            {
                Assert.False(covered, $"'{wide}' covers '{narrow}' but was not found to");
            }

            Assert.True(narrowValues.Any(v => ArnRegex(wide).IsMatch(v)) == Wildcard.Intersects(w, m, ignoreCase: false) || narrow.Length + wide.Length > 5,
                $"intersection of '{wide}' and '{narrow}'");
        }
    }

    /// <summary>The documented rules, written independently: Deny wins, then Allow, else implicit deny.</summary>
    private static Decision Oracle(List<Statement> statements, string action, string resource)
    {
        var target = NoResourceTypes.Contains(action) ? "*" : resource;
        bool Applies(Statement s) =>
            s.NotAction != s.Actions.Any(p => Glob(p, ignoreCase: true).IsMatch(action))
            && s.NotResource != s.Resources.Any(r => ArnRegex(r.Text).IsMatch(target));
        return statements.Any(s => !s.IsAllow && Applies(s)) ? Decision.Denied
            : statements.Any(s => s.IsAllow && Applies(s)) ? Decision.Allowed
            : Decision.NotAllowed;
    }

    private static readonly Dictionary<string, Regex> Regexes = new(StringComparer.Ordinal);

    private static Regex Glob(string pattern, bool ignoreCase) =>
        Cached("g" + pattern, () => new("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.Singleline | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None)));

    private static Regex Cached(string key, Func<Regex> make)
    {
        if (!Regexes.TryGetValue(key, out var regex))
        {
            Regexes[key] = regex = make();
        }

        return regex;
    }

    /// <summary>IAM User Guide, Resource: * and ? within a segment; a * that ends a segment may span colons.</summary>
    private static Regex ArnRegex(string pattern) => Cached("a" + pattern, () => MakeArnRegex(pattern));

    private static Regex MakeArnRegex(string pattern)
    {
        var sb = new System.Text.StringBuilder("^");
        for (int i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            sb.Append(c switch
            {
                '*' when i + 1 == pattern.Length || pattern[i + 1] == ':' => ".*",
                '*' => "[^:]*",
                '?' => "[^:]",
                _ => Regex.Escape(c.ToString()),
            });
        }

        return new Regex(sb.Append('$').ToString(), RegexOptions.Singleline);
    }

    private static List<Statement> RandomStatements(Random random)
    {
        var result = new List<Statement>();
        int count = random.Next(1, 5);
        for (int i = 0; i < count; i++)
        {
            var actions = Enumerable.Range(0, random.Next(1, 4)).Select(_ => ActionPatterns[random.Next(ActionPatterns.Length)]).Distinct().ToList();
            var resources = Enumerable.Range(0, random.Next(1, 3)).Select(_ => ResourcePatterns[random.Next(ResourcePatterns.Length)]).Distinct().ToList();
            result.Add(Statement.Of(random.Next(3) > 0, actions, resources, notAction: random.Next(7) == 0, notResource: random.Next(7) == 0, id: i));
        }

        return result;
    }

    /// <summary>One statement per action (NotAction lists cannot be split: they are one exception list).</summary>
    private static List<Statement> Split(List<Statement> statements) =>
        statements.SelectMany(s => s.NotAction ? [s] : s.ActionValues.Select(a => s with { ActionValues = [a] })).ToList();

    /// <summary>Statements of the same effect and resources merged into one action list.</summary>
    private static List<Statement> Merge(List<Statement> statements) =>
        statements.GroupBy(s => (s.IsAllow, s.NotAction, s.NotResource, Resources: string.Join("|", s.Resources.Select(r => r.Text))))
            .SelectMany(g => g.Key.NotAction ? g.ToList() : [g.First() with { ActionValues = g.SelectMany(s => s.ActionValues).DistinctBy(a => a.Text).ToList() }])
            .ToList();

    private static string Show(List<Statement> statements) => string.Join("; ", statements.Select(s =>
        $"{s.Effect} {(s.NotAction ? "NotAction" : "Action")} [{string.Join(", ", s.Actions)}] {(s.NotResource ? "NotResource" : "Resource")} [{string.Join(", ", s.Resources.Select(r => r.Text))}]"));
}
