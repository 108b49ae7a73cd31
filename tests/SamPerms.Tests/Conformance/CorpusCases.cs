using SamPerms.Model;
using SamPerms.Sam;
using SamPerms.Sam.Core;
using SamPerms.Tests.Support;
using SamPerms.Yaml;

namespace SamPerms.Tests.Conformance;

/// <summary>The reference corpus: every case in every partition, scored the way the sam-conformance tool scores.</summary>
public static class CorpusCases
{
    public static readonly (string Partition, string Region, string Folder)[] Partitions =
    [
        ("aws", "ap-southeast-1", ""),
        ("aws-cn", "cn-north-1", "aws-cn"),
        ("aws-us-gov", "us-gov-west-1", "aws-us-gov"),
    ];

    private static readonly HashSet<string> PermissionTypes =
    [
        "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::Lambda::Permission",
        "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy",
    ];

    /// <summary>"tier partition/case" for every check that passes, over the whole corpus.</summary>
    public static SortedSet<string> Passing(string corpus)
    {
        var passing = new SortedSet<string>(StringComparer.Ordinal);
        var names = Directory.GetFiles(Path.Combine(corpus, "input"), "*.yaml")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(n => !n!.StartsWith("translate_", StringComparison.Ordinal) && !n.StartsWith("feature_toggle_", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var parameters = new Dictionary<string, string> { ["param1"] = "value1", ["param2"] = "value2" };
        foreach (var name in names)
        {
            var input = File.ReadAllBytes(Path.Combine(corpus, "input", name + ".yaml"));
            foreach (var (partition, region, folder) in Partitions)
            {
                var expectedPath = Path.Combine(corpus, "output", folder, name + ".json");
                if (!File.Exists(expectedPath) || (partition != "aws" && name!.StartsWith("error_", StringComparison.Ordinal)))
                {
                    continue;
                }

                var expected = TemplateReader.Read(File.ReadAllBytes(expectedPath)).Root as MapNode;
                var outcome = SamTranslator.TransformBytes(input, new TransformOptions { Region = region, ParameterOverrides = parameters });
                var key = $"{partition}/{name}";
                if (name!.StartsWith("error_", StringComparison.Ordinal))
                {
                    if (outcome.ErrorMessage is not null && outcome.ErrorMessage == expected?.Get("errorMessage")?.Str)
                    {
                        passing.Add("errors " + key);
                    }

                    continue;
                }

                if (outcome.Template is not null && CanonicalJson.Equal(outcome.Template, expected))
                {
                    passing.Add("full " + key);
                }

                var wanted = PermissionResources(expected);
                if (wanted.Count > 0 && outcome.Template is not null && CanonicalJson.Equal(wanted, PermissionResources(outcome.Template)))
                {
                    passing.Add("permissions " + key);
                }
            }
        }

        return passing;
    }

    private static MapNode PermissionResources(MapNode? template)
    {
        var result = new MapNode();
        if (template?.Get("Resources") is MapNode resources)
        {
            foreach (var e in resources.Entries)
            {
                if (e.Value is MapNode r && r.Get("Type") is StringNode t && PermissionTypes.Contains(t.Value))
                {
                    result.Set(e.Key, r);
                }
            }
        }

        return result;
    }
}
