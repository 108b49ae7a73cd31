using SamPerms.Data;
using SamPerms.Model;

namespace SamPerms.Tests.Data;

public sealed class EmbeddedDataTests
{
    [Fact]
    public void All_81_policy_templates_are_embedded_with_their_parameters()
    {
        Assert.Equal(81, PolicyTemplateTable.Names.Count());
        Assert.Equal(["BucketName"], PolicyTemplateTable.Get("S3ReadPolicy")!.Parameters);
        Assert.Empty(PolicyTemplateTable.Get("AMIDescribePolicy")!.Parameters);
    }

    [Theory]
    [InlineData("AWSLambdaBasicExecutionRole", "aws", "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")]
    [InlineData("AmazonS3ReadOnlyAccess", "aws-cn", "arn:aws-cn:iam::aws:policy/AmazonS3ReadOnlyAccess")]
    [InlineData("NoSuchPolicyName", "aws", null)]
    public void Managed_policy_names_resolve_per_partition(string name, string partition, string? arn)
    {
        Assert.Equal(arn, ManagedPolicyNames.Arn(name, partition));
    }

    [Fact]
    public void Each_policy_template_read_alone_is_the_tree_the_whole_file_gives_spans_included()
    {
        var whole = (MapNode)SamPerms.Yaml.TemplateReader.ReadText(ReadEmbedded("policy-templates.json")).Root!;
        Assert.Equal(whole.Keys, PolicyTemplateTable.Names);
        foreach (var e in whole.Entries)
        {
            var alone = PolicyTemplateTable.Get(e.Key)!;
            var expected = (MapNode)e.Value;
            Assert.Equal(((SeqNode)expected.Get("Parameters")!).Items.Select(p => p.Str), alone.Parameters);
            AssertSameTree(expected.Get("Definition")!, alone.Definition, e.Key);
        }

        Assert.Null(PolicyTemplateTable.Get("NoSuchTemplate"));
        Assert.False(PolicyTemplateTable.Has("NoSuchTemplate"));
    }

    [Fact]
    public void Every_managed_policy_name_of_the_table_is_found_with_its_arn_in_each_of_its_partitions()
    {
        var lines = ReadEmbedded("managed-policy-names.tsv").Split('\n').Where(l => l.Length > 0 && l[0] != '#').ToList();
        Assert.Equal(lines.Select(l => l.Split('\t')[0]), ManagedPolicyNames.Names);
        foreach (var cols in lines.Select(l => l.Split('\t')))
        {
            Assert.True(ManagedPolicyNames.IsKnown(cols[0]), cols[0]);
            foreach (var partition in cols[2].Split(','))
            {
                Assert.Equal($"arn:{partition}:iam::aws:policy/{cols[1]}{cols[0]}", ManagedPolicyNames.Arn(cols[0], partition));
            }

            Assert.Null(ManagedPolicyNames.Arn(cols[0], "aws-nowhere"));
        }

        Assert.False(ManagedPolicyNames.IsKnown("AWSLambdaBasicExecutionRol"));
        Assert.False(ManagedPolicyNames.IsKnown("ZZZ"));
        Assert.False(ManagedPolicyNames.IsKnown(""));
    }

    [Fact]
    public void Every_row_of_the_sorted_tables_is_found_by_its_key_and_a_key_between_rows_is_not()
    {
        var index = ReadEmbedded("managed-policy-index.tsv").Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t')).ToList();
        Assert.Equal(index.Count, ManagedPolicyDocuments.Count);
        foreach (var row in index)
        {
            var policy = ManagedPolicyDocuments.ByName(row[0]);
            Assert.True(policy is not null, row[0]);
            Assert.Equal(row[1], policy!.Arn);
            Assert.True(policy.Document.Count > 0, row[0]);
        }

        Assert.Null(ManagedPolicyDocuments.ByName(index[0][0] + "0"));

        var names = CfnResourceTypes.Names.ToList();
        Assert.True(names.Count > 1000);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.All(names, n => Assert.Equal(n, CfnResourceTypes.Find(n)?.Name));
        Assert.False(CfnResourceTypes.IsKnown("AWS::S3::Bucke"));
        Assert.Null(CfnResourceTypes.Find("AWS::S3::Bucketz"));
        Assert.True(CfnResourceTypes.IsKnown("AWS::S3::Bucket"));
    }

    [Fact]
    public void The_action_catalog_has_one_service_per_S_line_each_with_the_actions_listed_under_it()
    {
        var lines = ReadEmbedded("iam-actions.tsv").Split('\n');
        var services = lines.Where(l => l.StartsWith("S\t", StringComparison.Ordinal)).Select(l => l.Split('\t')).ToList();
        Assert.Equal(services.Count, IamActionCatalog.Services.Count);
        foreach (var cols in services)
        {
            Assert.Equal(cols[2], IamActionCatalog.Service(cols[1])!.Name);
        }

        var actionsOfFirst = lines.SkipWhile(l => !l.StartsWith("S\t", StringComparison.Ordinal)).Skip(1).TakeWhile(l => !l.StartsWith("S\t", StringComparison.Ordinal)).Count(l => l.StartsWith("A\t", StringComparison.Ordinal));
        Assert.Equal(actionsOfFirst, IamActionCatalog.Service(services[0][1])!.Actions.Count);
        var last = services[^1][1];
        var actionsOfLast = lines.SkipWhile(l => !l.StartsWith("S\t" + last + "\t", StringComparison.Ordinal)).Skip(1).Count(l => l.StartsWith("A\t", StringComparison.Ordinal));
        Assert.Equal(actionsOfLast, IamActionCatalog.Service(last)!.Actions.Count);
    }

    private static string ReadEmbedded(string name)
    {
        using var stream = typeof(PolicyTemplateTable).Assembly.GetManifestResourceStream("SamPerms.Data." + name)!;
        return new StreamReader(stream).ReadToEnd();
    }

    private static void AssertSameTree(Node expected, Node actual, string where)
    {
        Assert.True(expected.GetType() == actual.GetType(), $"{where}: {expected.GetType().Name} vs {actual.GetType().Name}");
        Assert.True(expected.Span == actual.Span, $"{where}: span {expected.Span} vs {actual.Span}");
        switch (expected)
        {
            case MapNode m:
                var a = (MapNode)actual;
                Assert.Equal(m.Keys, a.Keys);
                foreach (var e in m.Entries)
                {
                    Assert.True(e.KeySpan == a.KeySpanOf(e.Key), $"{where}.{e.Key}: key span");
                    AssertSameTree(e.Value, a.Get(e.Key)!, where + "." + e.Key);
                }

                break;
            case SeqNode s:
                var b = (SeqNode)actual;
                Assert.Equal(s.Items.Count, b.Items.Count);
                for (int i = 0; i < s.Items.Count; i++)
                {
                    AssertSameTree(s.Items[i], b.Items[i], $"{where}[{i}]");
                }

                break;
            default:
                Assert.Equal(JsonText.Compact(expected), JsonText.Compact(actual));
                break;
        }
    }

    [Fact]
    public void The_action_catalog_knows_services_and_actions_case_insensitively()
    {
        var get = IamActionCatalog.Find("S3:getobject");
        Assert.NotNull(get);
        Assert.Equal("GetObject", get!.Name);
        Assert.Equal("Read", get.AccessLevel);
        Assert.Contains("object", get.ResourceTypes);
        Assert.Null(IamActionCatalog.Find("s3:NoSuchAction"));
        Assert.True(IamActionCatalog.Services.Count > 400);
    }

    [Fact]
    public void Managed_policy_documents_are_found_by_arn_in_any_partition()
    {
        var p = ManagedPolicyDocuments.ByArn("arn:aws-cn:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
        Assert.NotNull(p);
        var statements = (SeqNode)p!.Document.Get("Statement")!;
        Assert.Contains(statements.Items, s => s.ToString().Contains("logs:CreateLogGroup", StringComparison.Ordinal));
        Assert.Null(ManagedPolicyDocuments.ByArn("arn:aws:iam::123456789012:policy/Mine"));
    }
}
