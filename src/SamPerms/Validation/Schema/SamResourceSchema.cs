using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using SamPerms.Model;

namespace SamPerms.Validation.Schema;

/// <summary>One schema error: where in the template (JSON Pointer segments) and which keywords failed.</summary>
public readonly record struct SchemaViolation(IReadOnlyList<string> Segments, IReadOnlyCollection<string> Keywords);

/// <summary>What the schema says about one SAM type, for messages: its properties and the JSON types each allows.</summary>
public sealed record SamTypeFacts(string Type, IReadOnlyDictionary<string, IReadOnlyList<string>?> Properties, IReadOnlyList<string> EventTypes);

/// <summary>
/// The project's schema of AWS::Serverless resources (schemas/sam-resources.schema.json, embedded), evaluated with
/// JsonSchema.Net. The template is handed over as JSON text parsed by System.Text.Json (no reflection); errors come
/// back as JSON Pointers into it. The same schema, read as plain JSON, gives the names and types for messages.
/// </summary>
public static class SamResourceSchema
{
    private const string ResourceName = "SamPerms.Schemas.sam-resources.schema.json";
    private static readonly Lazy<string> Text = new(Load);
    private static readonly Lazy<JsonSchema> Compiled = new(() => JsonSchema.FromText(Text.Value));
    private static readonly Lazy<Dictionary<string, SamTypeFacts>> FactsTable = new(ReadFacts);
    private static readonly Lazy<SchemaSubset> Subset = new(() => new SchemaSubset(JsonDocument.Parse(Text.Value).RootElement));

    /// <summary>The SAM types the schema knows, by full type name.</summary>
    public static IReadOnlyDictionary<string, SamTypeFacts> Types => FactsTable.Value;

    /// <summary>Every schema error for the Resources of a template.</summary>
    public static List<SchemaViolation> Evaluate(MapNode resources) => EvaluateJson(JsonOf(resources));

    /// <summary>
    /// What the schema is handed of a template's Resources: its AWS::Serverless resources as JSON text (the others
    /// are not the schema's business); null when there is none.
    /// </summary>
    public static string? JsonOf(MapNode resources)
    {
        var serverless = new MapNode();
        foreach (var e in resources.Entries)
        {
            if (e.Value is MapNode r && r.Get("Type") is StringNode { Value: var type } && type.StartsWith("AWS::Serverless::", StringComparison.Ordinal))
            {
                serverless.Add(e);
            }
        }

        return serverless.Count == 0 ? null : JsonText.Compact(N.Map(("Resources", serverless)));
    }

    /// <summary>
    /// The schema errors of text from <see cref="JsonOf"/> (none for null). A function of the text alone, touching no
    /// template node: it may run on another thread while the template is worked on (<see cref="SchemaCheck"/>).
    /// </summary>
    public static List<SchemaViolation> EvaluateJson(string? json)
    {
        var errors = new List<SchemaViolation>();
        if (json is null)
        {
            return errors;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return errors; // Values JSON cannot hold (NaN, ...): nothing to say about the schema.
        }

        using (document)
        {
            // Most templates are valid: the subset of the schema's keywords answers that without allocating.
            if (Subset.Value.SurelyValid(document.RootElement))
            {
                return errors;
            }

            // A yes/no evaluation first: it stops at the first failure and collects no details, several times
            // cheaper on a large valid template; only an invalid one is evaluated again for the list of errors.
            if (Compiled.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid)
            {
                return errors;
            }

            var results = Compiled.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (results.IsValid)
            {
                return errors;
            }

            foreach (var detail in results.Details ?? [])
            {
                if (detail.IsValid || detail.Errors is not { Count: > 0 } failed)
                {
                    continue;
                }

                errors.Add(new SchemaViolation(Segments(detail.InstanceLocation.ToString()), failed.Keys.ToList()));
            }
        }

        return errors;
    }

    /// <summary>The two evaluators' yes/no on JSON text from <see cref="JsonOf"/> (for tests: the subset says yes only when JsonSchema.Net does).</summary>
    internal static (bool Subset, bool Full) Verdicts(string json)
    {
        using var document = JsonDocument.Parse(json);
        return (Subset.Value.SurelyValid(document.RootElement), Compiled.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid);
    }

    /// <summary>"/Resources/Fn/Properties/Tim~1eout" → ["Resources", "Fn", "Properties", "Tim/eout"].</summary>
    public static List<string> Segments(string pointer)
    {
        var text = pointer.StartsWith('#') ? Uri.UnescapeDataString(pointer[1..]) : pointer;
        if (text.Length == 0)
        {
            return [];
        }

        return text.TrimStart('/').Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
    }

    private static string Load()
    {
        using var stream = typeof(SamResourceSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded schema '{ResourceName}' is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Dictionary<string, SamTypeFacts> ReadFacts()
    {
        var root = JsonNode.Parse(Text.Value)!;
        var defs = root["$defs"]!;
        var result = new Dictionary<string, SamTypeFacts>(StringComparer.Ordinal);
        var known = defs["resource"]!["allOf"]![0]!["then"]!["properties"]!["Type"]!["enum"]!.AsArray().Select(t => t!.GetValue<string>());
        foreach (var type in known)
        {
            var shortName = type[(type.LastIndexOf(':') + 1)..];
            var properties = new Dictionary<string, IReadOnlyList<string>?>(StringComparer.Ordinal);
            foreach (var (name, spec) in defs["properties"]![shortName]!["properties"]!.AsObject())
            {
                properties[name] = TypesOf(spec);
            }

            var events = defs["events"]![shortName]?["properties"]?["Type"]?["enum"]?.AsArray().Select(t => t!.GetValue<string>()).ToList() ?? [];
            result[type] = new SamTypeFacts(type, properties, events);
        }

        return result;
    }

    /// <summary>The JSON types a property allows (null: anything).</summary>
    private static List<string>? TypesOf(JsonNode? spec)
    {
        var type = spec?["type"] ?? spec?["anyOf"]?[0]?["type"];
        return type switch
        {
            JsonArray a => a.Select(t => t!.GetValue<string>()).ToList(),
            JsonValue v => [v.GetValue<string>()],
            _ => null,
        };
    }
}
