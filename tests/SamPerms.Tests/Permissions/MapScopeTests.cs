using SamPerms.Output;
using SamPerms.Permissions;
using SamPerms.Pipeline;
using SamPerms.Model;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Permissions;

/// <summary>
/// A map built for one question (<see cref="MapScope"/>: <c>can</c>, <c>permissions --function</c>) says about its
/// subject what the whole map says: the same subject, role, grants, notes and role trust (with every subject that
/// uses the role), the same answers; without invokers, the same answers to "may it do"; an id that names nothing,
/// the whole map. Over the examples, the permission golden cases and templates of its own (a role two functions
/// share, a role that may invoke a function), every subject, by both of its ids.
/// </summary>
public sealed class MapScopeTests
{
    private static readonly TransformOptions Options = new() { Region = "us-east-1" };
    private static readonly string[][] Questions =
    [
        ["s3:GetObject", "arn:aws:s3:::any-bucket/key"], ["dynamodb:PutItem", "*"], ["sqs:ReceiveMessage", "*"],
        ["kms:Decrypt", "*"], ["lambda:InvokeFunction", "*"], ["logs:PutLogEvents", "*"], ["states:StartExecution", "*"],
    ];

    public static TheoryData<string> Templates() =>
    [
        .. Directory.GetDirectories(RepoPaths.InRepo("templates"))
            .Concat(Directory.GetDirectories(RepoPaths.InRepo("tests", "SamPerms.Tests", "Golden", "Permissions")))
            .Select(d => Path.Combine(d, "template.yaml"))
            .Where(File.Exists)
            .Concat(Directory.GetFiles(RepoPaths.InRepo("tests", "SamPerms.Tests", "Permissions", "MapScope"), "*.yaml"))
            .Select(p => Path.GetRelativePath(RepoPaths.Root, p))
            .Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(Templates))]
    public void A_scoped_map_says_what_the_whole_map_says_of_its_subject(string relative)
    {
        var path = RepoPaths.InRepo(relative);
        var whole = TemplateRun.Mapped(path, Options).Map;
        Assert.NotNull(whole);
        Assert.NotEmpty(whole.Subjects);
        foreach (var id in whole.Subjects.SelectMany(s => new[] { s.LogicalId, s.SamLogicalId }).Distinct())
        {
            var expected = whole.Find(id)!;
            var scoped = TemplateRun.Mapped(path, Options, new MapScope(id, Invokers: true)).Map!;
            Assert.Equal(
                whole.Subjects.Where(s => s.LogicalId == id || s.SamLogicalId == id).Select(s => s.LogicalId),
                scoped.Subjects.Select(s => s.LogicalId));
            var found = scoped.Find(id)!;
            Assert.Equal(PermissionsJson.Write(whole.Only(expected), relative, "us-east-1", "aws"), PermissionsJson.Write(scoped.Only(found), relative, "us-east-1", "aws"));

            var withoutInvokers = TemplateRun.Mapped(path, Options, new MapScope(id, Invokers: false)).Map!;
            var bare = withoutInvokers.Find(id)!;
            Assert.Empty(bare.InvokedBy);
            foreach (var q in Questions)
            {
                var want = AccessQuery.Ask(whole, expected, q[0], q[1]);
                var got = AccessQuery.Ask(withoutInvokers, bare, q[0], q[1]);
                Assert.Equal((want.Verdict, want.Reason, want.Because.Count), (got.Verdict, got.Reason, got.Because.Count));
            }
        }

        var unknown = TemplateRun.Mapped(path, Options, new MapScope("NoSuchFunction", Invokers: false)).Map!;
        Assert.Equal(whole.Subjects.Select(s => s.LogicalId), unknown.Subjects.Select(s => s.LogicalId));
    }
}
