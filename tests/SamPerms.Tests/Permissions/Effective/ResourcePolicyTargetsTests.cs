using SamPerms.Iam;
using SamPerms.Model;
using SamPerms.Permissions;
using SamPerms.Permissions.Effective;
using SamPerms.Text;

namespace SamPerms.Tests.Permissions.Effective;

/// <summary>
/// Many resource policies are looked up by what they protect rather than tried one by one: on random lists of
/// bucket, queue and key policies and random resources (ARNs, objects under them, symbols of the template's
/// resources and keys), the policies that govern a resource are those each policy alone says it governs, in order.
/// </summary>
public sealed class ResourcePolicyTargetsTests
{
    private static readonly string[] Ids = ["Orders", "OrdersQueue", "Archive", "Key", "KeyAlias", "Other"];

    private static readonly string[] Resources =
    [
        "arn:aws:s3:::orders", "arn:aws:s3:::orders/*", "arn:aws:s3:::orders/a/b", "arn:aws:s3:::orders-2/k", "arn:aws:s3:::archive/x",
        "arn:aws:sqs:us-east-1:111122223333:q", "${Orders}", "${Orders.Arn}", "${Orders.Arn}/*", "${OrdersQueue.Arn}", "${Archive.Arn}/k/l",
        "${Key.Arn}", "${KeyAlias}", "arn:aws:kms:us-east-1:111122223333:key/${Key}", "${Other.Arn}", "arn:aws:s3:::*/k", "${Orders.Arn}*",
    ];

    [Fact]
    public void Many_policies_govern_a_resource_as_each_alone_does()
    {
        var template = N.Map(("Resources", N.Map(
            ("Key", N.Map(("Type", new StringNode("AWS::KMS::Key")))),
            ("KeyAlias", N.Map(("Type", new StringNode("AWS::KMS::Alias")))),
            ("Orders", N.Map(("Type", new StringNode("AWS::S3::Bucket")))))));
        var values = new StaticValues(template, "us-east-1", "aws", new Dictionary<string, string>());
        var random = new Random(21);
        for (int n = 0; n < 200; n++)
        {
            var policies = Enumerable.Range(0, random.Next(9, 30)).Select(i => RandomPolicy(random, i)).ToList();
            foreach (var resource in Resources)
            {
                var together = ResourcePolicyCheck.Governing(policies, resource, values).Select(p => p.PolicyId).ToList();
                var alone = policies.Where(p => ResourcePolicyCheck.Governing([p], resource, values).Any()).Select(p => p.PolicyId).ToList();
                Assert.Equal(alone, together);
            }
        }
    }

    private static ResourcePolicy RandomPolicy(Random random, int i)
    {
        var id = Ids[random.Next(Ids.Length)];
        var key = random.Next(4) == 0;
        string? arn = key ? null : random.Next(4) switch
        {
            0 => null,
            1 => "arn:aws:s3:::orders",
            2 => "arn:aws:s3:::orders/a",
            _ => "arn:aws:sqs:us-east-1:111122223333:q",
        };
        return new ResourcePolicy(id, arn, key ? ResourcePolicy.KeyPolicyKind : "bucket policy", $"P{i}", [], new Source(id, "", SourceSpan.None, "policy"));
    }
}
