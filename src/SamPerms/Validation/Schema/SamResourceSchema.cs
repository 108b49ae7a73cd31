using System.Text.Json.Nodes;
using SamPerms.Model;

namespace SamPerms.Validation.Schema;

/// <summary>One schema error: where in the template (JSON Pointer segments) and which keywords failed.</summary>
public readonly record struct SchemaViolation(IReadOnlyList<string> Segments, IReadOnlyCollection<string> Keywords);

/// <summary>What the schema says about one SAM type, for messages: its properties and the JSON types each allows.</summary>
public sealed record SamTypeFacts(string Type, IReadOnlyDictionary<string, IReadOnlyList<string>?> Properties, IReadOnlyList<string> EventTypes);

/// <summary>
/// The project's schema of AWS::Serverless resources (schemas/sam-resources.schema.json, embedded), checked over the
/// template model by <see cref="SchemaCheck"/>; errors come back as the path of the failing value. The same schema,
/// read as plain JSON, gives the names and types for messages.
/// </summary>
public static class SamResourceSchema
{
    private const string ResourceName = "SamPerms.Schemas.sam-resources.schema.json";
    // The compiled schema and the facts, read from the JSON document in one step: the document (whose objects fill
    // in as they are first read) is never read by two threads at once, as templates of a batch are checked in parallel.
    private static readonly Lazy<(SchemaCheck Compiled, Dictionary<string, SamTypeFacts> Facts)> Schema = new(() =>
    {
        var document = JsonNode.Parse(Load())!;
        return (SchemaCheck.Compile(document), ReadFacts(document));
    });

    /// <summary>The SAM types the schema knows, by full type name.</summary>
    public static IReadOnlyDictionary<string, SamTypeFacts> Types => Schema.Value.Facts;

    /// <summary>Every schema error for the Resources of a template.</summary>
    public static List<SchemaViolation> Evaluate(MapNode resources)
    {
        // Only AWS::Serverless resources are the schema's business: the others are not handed over at all.
        var serverless = new MapNode();
        foreach (var e in resources.Entries)
        {
            if (e.Value is MapNode r && r.Get("Type") is StringNode { Value: var type } && type.StartsWith("AWS::Serverless::", StringComparison.Ordinal))
            {
                serverless.Add(e);
            }
        }

        return serverless.Count == 0 ? [] : Schema.Value.Compiled.Evaluate(N.Map(("Resources", serverless)));
    }

    private static string Load()
    {
        using var stream = typeof(SamResourceSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded schema '{ResourceName}' is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Dictionary<string, SamTypeFacts> ReadFacts(JsonNode document)
    {
        var defs = document["$defs"]!;
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
