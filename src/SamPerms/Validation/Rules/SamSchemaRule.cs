using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Validation.Schema;

namespace SamPerms.Validation.Rules;

/// <summary>
/// AWS::Serverless resources against the project's schema (schemas/sam-resources.schema.json): the type exists,
/// each property is one the type defines, its value has a type SAM allows, and each event has a known Type. Each
/// schema error is placed at the offending node through its JSON Pointer.
/// </summary>
public sealed class SamSchemaRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } =
    [
        DiagnosticCatalog.UnknownSamTypeDescriptor, DiagnosticCatalog.UnknownSamPropertyDescriptor,
        DiagnosticCatalog.SamPropertyTypeDescriptor, DiagnosticCatalog.UnknownEventTypeDescriptor,
    ];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        if (context.Input?.Get("Resources") is not MapNode resources)
        {
            return;
        }

        var reported = new HashSet<(string, string)>();
        foreach (var error in context.SchemaViolations)
        {
            if (Finding(context, resources, error) is { } d && reported.Add((d.Code, d.Path ?? "")))
            {
                findings.Add(d);
            }
        }
    }

    private static Diagnostic? Finding(ValidationContext context, MapNode resources, SchemaViolation error)
    {
        var s = error.Segments;
        if (s.Count < 3 || s[0] != "Resources" || resources.Get(s[1]) is not MapNode resource || resource.Get("Type")?.Str is not { } type)
        {
            return null;
        }

        var id = s[1];
        // The schema says where to look; the facts confirm (a failed "if" shows up among the details too).
        const string Prefix = "AWS::Serverless::";
        if (s[2] == "Type")
        {
            if (SamResourceSchema.Types.ContainsKey(type) || !type.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return null;
            }

            var at = context.Where(resource.Get("Type"));
            var known = SamResourceSchema.Types.Keys.Order(StringComparer.Ordinal).ToList();
            var hint = Suggest.DidYouMean(type[Prefix.Length..], known.Select(k => k[Prefix.Length..]), k => Prefix + k);
            return DiagnosticCatalog.UnknownSamTypeDescriptor.At(at.Span, $"'{type}' of {id} is no AWS::Serverless type{hint}; SAM defines {string.Join(", ", known)}", at.Path);
        }

        if (s[2] != "Properties" || !SamResourceSchema.Types.TryGetValue(type, out var facts) || resource.Get("Properties") is not MapNode properties)
        {
            return null;
        }

        if (s.Count == 3)
        {
            // additionalProperties fails at the Properties mapping: report the first property the type does not define.
            var extra = properties.Keys.FirstOrDefault(k => !facts.Properties.ContainsKey(k));
            return extra is null ? null : UnknownProperty(context, properties, extra, facts, id);
        }

        var name = s[3];
        if (!facts.Properties.TryGetValue(name, out var allowed))
        {
            return UnknownProperty(context, properties, name, facts, id);
        }

        var value = properties.Get(name);
        if (name == "Events" && s.Count >= 6 && s[5] == "Type" || name == "Events" && s.Count == 5)
        {
            var ev = (value as MapNode)?.Get(s[4]) as MapNode;
            var evType = ev?.Get("Type");
            if (ev is null || evType is StringNode known && facts.EventTypes.Contains(known.Value) || Intrinsics.IsIntrinsic(evType))
            {
                return null;
            }

            var at = context.Where(evType ?? ev);
            var shown = evType is StringNode t ? $"'{t.Value}'" : evType is null ? "no Type" : StructureTypesRule.Describe(evType);
            var hint = evType is StringNode tt ? Suggest.DidYouMean(tt.Value, facts.EventTypes) : "";
            return DiagnosticCatalog.UnknownEventTypeDescriptor.At(at.Span, $"event {s[4]} of {id} has {shown}{hint}; {type} events are {string.Join(", ", facts.EventTypes)}", at.Path);
        }

        if (s.Count == 4 && value is not null and not NullNode && allowed is not null && !Intrinsics.IsIntrinsic(value) && !allowed.Any(k => Is(value, k)))
        {
            var at = context.Where(value);
            var kinds = string.Join(" or ", allowed.Select(Word));
            return DiagnosticCatalog.SamPropertyTypeDescriptor.At(at.Span, $"{name} of {id} should be {kinds} (or an intrinsic function), not {StructureTypesRule.Describe(value)}", at.Path);
        }

        return null;
    }

    private static Diagnostic UnknownProperty(ValidationContext context, MapNode properties, string name, SamTypeFacts facts, string id)
    {
        var at = context.WhereKey(properties, name);
        var hint = Suggest.DidYouMean(name, facts.Properties.Keys);
        return DiagnosticCatalog.UnknownSamPropertyDescriptor.At(at.Span, $"{facts.Type} has no property '{name}'{hint} (resource {id})", at.Path);
    }

    private static bool Is(Node value, string jsonType) => jsonType switch
    {
        "object" => value is MapNode,
        "array" => value is SeqNode,
        "string" => value is StringNode,
        "integer" => value is IntNode,
        "number" => value is IntNode or FloatNode,
        "boolean" => value is BoolNode,
        _ => true,
    };

    private static string Word(string jsonType) => jsonType switch
    {
        "object" => "a mapping",
        "array" => "a list",
        "string" => "a string",
        "integer" => "an integer",
        "number" => "a number",
        "boolean" => "a boolean",
        _ => jsonType,
    };
}
