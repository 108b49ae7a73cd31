using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Validation;

/// <summary>
/// Checks a SARIF log against the required properties of SARIF 2.1.0 and what GitHub code scanning needs
/// (sarif-2.1.0-required.schema.json beside this file), plus what a schema cannot say: every ruleIndex points at
/// the rule of the result's ruleId, and regions end after they start.
/// </summary>
public static class SarifShape
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Validation", "sarif-2.1.0-required.schema.json"))));

    public static List<string> Problems(string sarif) => Problems(sarif, Schema.Value);

    public static List<string> ProblemsAgainst(string json, string schemaPath) =>
        Problems(json, JsonSchema.FromText(File.ReadAllText(schemaPath)));

    private static List<string> Problems(string json, JsonSchema schema)
    {
        var problems = new List<string>();
        using var doc = JsonDocument.Parse(json);
        var results = schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        foreach (var d in results.Details ?? [])
        {
            if (!d.IsValid && d.Errors is { Count: > 0 } errors)
            {
                problems.AddRange(errors.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"));
            }
        }

        if (!results.IsValid && problems.Count == 0)
        {
            problems.Add("invalid");
        }

        var root = JsonNode.Parse(json)!;
        foreach (var run in root["runs"]?.AsArray() ?? [])
        {
            var rules = run!["tool"]?["driver"]?["rules"]?.AsArray();
            foreach (var r in run["results"]?.AsArray() ?? [])
            {
                var id = r!["ruleId"]?.GetValue<string>();
                if (r["ruleIndex"] is { } index && (rules is null || index.GetValue<int>() >= rules.Count || rules[index.GetValue<int>()]!["id"]!.GetValue<string>() != id))
                {
                    problems.Add($"result {id}: ruleIndex does not point at its rule");
                }

                foreach (var loc in r["locations"]?.AsArray() ?? [])
                {
                    var region = loc!["physicalLocation"]?["region"];
                    int start = region?["startLine"]?.GetValue<int>() ?? 1, end = region?["endLine"]?.GetValue<int>() ?? start;
                    if (end < start || (end == start && (region?["endColumn"]?.GetValue<int>() ?? int.MaxValue) < (region?["startColumn"]?.GetValue<int>() ?? 1)))
                    {
                        problems.Add($"result {id}: region ends before it starts");
                    }
                }
            }
        }

        return problems;
    }

    public static string RepoFile(params string[] parts) => RepoPaths.InRepo(parts);
}
