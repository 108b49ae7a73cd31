using SamPerms.Iam;

namespace SamPerms.Tests.Iam;

/// <summary>
/// The statement index (by action, then by the literal start of resources) leaves out only statements that cannot
/// apply: on random sets of many statements (wildcards, symbols, NotAction, NotResource, conditions) and random
/// requests (patterns and values, with symbols), evaluating through the index gives the same answer, with the same
/// statements, as evaluating the whole list; and every statement left out neither covers nor touches the request.
/// </summary>
public sealed class StatementIndexTests
{
    private const int Cases = 300;

    private static readonly string[] ActionPatterns =
    [
        "s3:GetObject", "s3:PutObject", "s3:ListBucket", "S3:getobject", "s3:*", "s3:Get*", "s3:?etObject", "sqs:SendMessage",
        "sqs:ReceiveMessage", "sqs:*", "kms:Decrypt", "dynamodb:GetItem", "dynamodb:Query", "*",
    ];

    private static readonly string[] ResourcePatterns =
    [
        "*", "arn:aws:s3:::b", "arn:aws:s3:::b/*", "arn:aws:s3:::*", "arn:aws:s3:::b/k?", "arn:aws:s3:::b*/k", "arn:aws:s3:::bb/k1",
        "arn:aws:sqs:us-east-1:111122223333:q", "arn:aws:sqs:*:111122223333:q", "arn:aws:sqs:us-east-1:*", "${Queue.Arn}",
        "${Bucket.Arn}/*", "arn:aws:s3:::${BucketName}/k", "arn:${AWS::Partition}:s3:::b/*", "arn:aws:dynamodb:us-east-1:111122223333:table/t",
        "arn:aws:dynamodb:us-east-1:111122223333:table/t/index/*", "arn:aws:kms:us-east-1:111122223333:key/*",
    ];

    private static readonly string[] RequestActions = ["s3:GetObject", "s3:PUTOBJECT", "s3:ListBucket", "sqs:SendMessage", "dynamodb:Query", "kms:Decrypt", "s3:Get*", "sqs:*", "*"];

    private static readonly string[] RequestResources =
    [
        "*", "arn:aws:s3:::b", "arn:aws:s3:::b/k1", "arn:aws:s3:::b/*", "arn:aws:s3:::bb/k1", "arn:aws:s3:::c/k", "arn:aws:sqs:us-east-1:111122223333:q",
        "arn:aws:sqs:us-west-1:111122223333:q", "${Queue.Arn}", "${Bucket.Arn}/k", "arn:aws:s3:::${BucketName}/k", "arn:aws:dynamodb:us-east-1:111122223333:table/t",
        "arn:aws:dynamodb:us-east-1:111122223333:table/t/index/i", "arn:aws:kms:us-east-1:111122223333:key/k", "arn:aws:s3",
    ];

    [Fact]
    public void Evaluating_through_the_index_gives_the_answer_of_the_whole_list()
    {
        var random = new Random(14);
        for (int n = 0; n < Cases; n++)
        {
            var statements = RandomStatements(random);
            var index = new StatementIndex(statements);
            for (int q = 0; q < 10; q++)
            {
                var action = RequestActions[random.Next(RequestActions.Length)];
                var resource = RequestResources[random.Next(RequestResources.Length)];
                var context = $"case {n}.{q}: {action} on {resource}";

                var whole = PolicyEvaluator.Evaluate(statements, action, resource);
                var indexed = PolicyEvaluator.Evaluate(index, action, resource);
                Assert.True(Same(whole, indexed), $"{context}: {Show(whole)} / {Show(indexed)}");
                Assert.Equal(PolicyEvaluator.Uncovered(statements, action, resource), PolicyEvaluator.Uncovered(index, action, resource));
                var some = PolicyEvaluator.EvaluateSome(statements, action, resource);
                var someIndexed = PolicyEvaluator.EvaluateSome(index, action, resource);
                Assert.True(Same(some, someIndexed), $"{context}, some: {Show(some)} / {Show(someIndexed)}");

                var touching = index.Touching(action, resource).ToHashSet(ReferenceEqualityComparer.Instance);
                var covering = index.Covering(action, resource).ToHashSet(ReferenceEqualityComparer.Instance);
                foreach (var st in statements)
                {
                    Assert.True(touching.Contains(st) || st.Touches(action, resource) == Certainty.No, $"{context}: left out a statement that touches it");
                    Assert.True(covering.Contains(st) || st.Covers(action, resource) == Certainty.No, $"{context}: left out a statement that covers it");
                }
            }
        }
    }

    private static bool Same(Evaluation a, Evaluation b) =>
        a.Decision == b.Decision && a.Reason == b.Reason && a.PartlyDenied == b.PartlyDenied && a.Note == b.Note
        && a.Allowing.Select(s => s.Id).SequenceEqual(b.Allowing.Select(s => s.Id)) && a.Denying.Select(s => s.Id).SequenceEqual(b.Denying.Select(s => s.Id));

    private static string Show(Evaluation e) =>
        $"{e.Decision} {e.Reason} allowing [{string.Join(",", e.Allowing.Select(s => s.Id))}] denying [{string.Join(",", e.Denying.Select(s => s.Id))}]";

    private static List<Statement> RandomStatements(Random random)
    {
        var result = new List<Statement>();
        int count = random.Next(10, 60);
        for (int i = 0; i < count; i++)
        {
            var actions = Enumerable.Range(0, random.Next(1, 3)).Select(_ => ActionPatterns[random.Next(ActionPatterns.Length)]).Distinct().ToList();
            var resources = Enumerable.Range(0, random.Next(0, 3)).Select(_ => ResourcePatterns[random.Next(ResourcePatterns.Length)]).Distinct().ToList();
            result.Add(Statement.Of(random.Next(4) > 0, actions, resources, notAction: random.Next(12) == 0, notResource: random.Next(12) == 0,
                conditional: random.Next(8) == 0, id: i));
        }

        return result;
    }
}
