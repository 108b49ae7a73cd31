using System.Text.Json;
using System.Text.RegularExpressions;

namespace SamPerms.Validation.Schema;

/// <summary>
/// A yes/no reading of the project's schema that allocates next to nothing, for the common case of a valid template:
/// it knows the keywords that schema uses (type, properties, additionalProperties, required, $ref into the document,
/// allOf, anyOf, if/then/else, const and enum of scalars, pattern, minProperties, maxProperties, propertyNames by
/// pattern; annotations) and answers "surely valid" only when the instance is valid by them. Anything else — another
/// keyword, a number whose integer-ness would need judging, a string a pattern might read otherwise in another regex
/// dialect — is "not sure", and the full evaluator (JsonSchema.Net) decides, as it does for every invalid template.
/// </summary>
internal sealed class SchemaSubset
{
    private enum Verdict
    {
        No,
        Yes,
        NotSure,
    }

    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "$defs", "$comment", "title", "description", "default", "examples",
    };

    private readonly JsonElement _root;
    private readonly Dictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    public SchemaSubset(JsonElement root)
    {
        _root = root;
        CompilePatterns(root);
    }

    /// <summary>Whether the instance is valid, answered only when sure: false means invalid or not known.</summary>
    public bool SurelyValid(JsonElement instance) => Check(_root, instance, 0) == Verdict.Yes;

    private Verdict Check(JsonElement schema, JsonElement instance, int depth)
    {
        if (depth > 64)
        {
            return Verdict.NotSure;
        }

        switch (schema.ValueKind)
        {
            case JsonValueKind.True:
                return Verdict.Yes;
            case JsonValueKind.False:
                return Verdict.No;
            case JsonValueKind.Object:
                break;
            default:
                return Verdict.NotSure;
        }

        var result = Verdict.Yes;
        foreach (var keyword in schema.EnumerateObject())
        {
            var v = keyword.Name switch
            {
                "type" => Type(keyword.Value, instance),
                "properties" => Properties(keyword.Value, instance, depth),
                "additionalProperties" => Additional(schema, keyword.Value, instance, depth),
                "required" => Required(keyword.Value, instance),
                "$ref" => Ref(keyword.Value, instance, depth),
                "allOf" => AllOf(keyword.Value, instance, depth),
                "anyOf" => AnyOf(keyword.Value, instance, depth),
                "if" => IfThenElse(schema, keyword.Value, instance, depth),
                "then" or "else" => schema.TryGetProperty("if", out _) ? Verdict.Yes : Verdict.NotSure,
                "const" => Equal(keyword.Value, instance),
                "enum" => Enum(keyword.Value, instance),
                "pattern" => instance.ValueKind == JsonValueKind.String ? Pattern(keyword.Value, instance.GetString()!) : Verdict.Yes,
                "minProperties" => CountAtLeast(keyword.Value, instance, atLeast: true),
                "maxProperties" => CountAtLeast(keyword.Value, instance, atLeast: false),
                "propertyNames" => PropertyNames(keyword.Value, instance),
                var name when Annotations.Contains(name) => Verdict.Yes,
                _ => Verdict.NotSure,
            };
            result = And(result, v);
            if (result == Verdict.No)
            {
                return result;
            }
        }

        return result;
    }

    private static Verdict And(Verdict a, Verdict b) =>
        a == Verdict.No || b == Verdict.No ? Verdict.No : a == Verdict.NotSure || b == Verdict.NotSure ? Verdict.NotSure : Verdict.Yes;

    private static Verdict Of(bool yes) => yes ? Verdict.Yes : Verdict.No;

    private static Verdict Type(JsonElement type, JsonElement instance)
    {
        if (type.ValueKind == JsonValueKind.String)
        {
            return IsType(type, instance);
        }

        if (type.ValueKind != JsonValueKind.Array)
        {
            return Verdict.NotSure;
        }

        var result = Verdict.No;
        foreach (var t in type.EnumerateArray())
        {
            var v = IsType(t, instance);
            if (v == Verdict.Yes)
            {
                return v;
            }

            if (v == Verdict.NotSure)
            {
                result = v;
            }
        }

        return result;
    }

    private static Verdict IsType(JsonElement type, JsonElement instance)
    {
        var kind = instance.ValueKind;
        if (type.ValueEquals("object"))
        {
            return Of(kind == JsonValueKind.Object);
        }

        if (type.ValueEquals("array"))
        {
            return Of(kind == JsonValueKind.Array);
        }

        if (type.ValueEquals("string"))
        {
            return Of(kind == JsonValueKind.String);
        }

        if (type.ValueEquals("boolean"))
        {
            return Of(kind is JsonValueKind.True or JsonValueKind.False);
        }

        if (type.ValueEquals("null"))
        {
            return Of(kind == JsonValueKind.Null);
        }

        if (type.ValueEquals("number"))
        {
            return Of(kind == JsonValueKind.Number);
        }

        if (type.ValueEquals("integer"))
        {
            // A literal without fraction or exponent is an integer; whether 1.0 or 1e2 is one is left to the full evaluator.
            return kind != JsonValueKind.Number ? Verdict.No : IsPlainInteger(instance) ? Verdict.Yes : Verdict.NotSure;
        }

        return Verdict.NotSure;
    }

    private static bool IsPlainInteger(JsonElement number)
    {
        var text = number.GetRawText();
        return text.AsSpan().IndexOfAny(".eE") < 0;
    }

    private Verdict Properties(JsonElement properties, JsonElement instance, int depth)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return Verdict.Yes;
        }

        if (properties.ValueKind != JsonValueKind.Object)
        {
            return Verdict.NotSure;
        }

        var result = Verdict.Yes;
        foreach (var p in instance.EnumerateObject())
        {
            if (properties.TryGetProperty(p.Name, out var sub))
            {
                result = And(result, Check(sub, p.Value, depth + 1));
                if (result == Verdict.No)
                {
                    return result;
                }
            }
        }

        return result;
    }

    private Verdict Additional(JsonElement schema, JsonElement additional, JsonElement instance, int depth)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return Verdict.Yes;
        }

        if (schema.TryGetProperty("patternProperties", out _))
        {
            return Verdict.NotSure;
        }

        var hasProperties = schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object;
        var result = Verdict.Yes;
        foreach (var p in instance.EnumerateObject())
        {
            if (hasProperties && properties.TryGetProperty(p.Name, out _))
            {
                continue;
            }

            result = And(result, Check(additional, p.Value, depth + 1));
            if (result == Verdict.No)
            {
                return result;
            }
        }

        return result;
    }

    private static Verdict Required(JsonElement required, JsonElement instance)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return Verdict.Yes;
        }

        if (required.ValueKind != JsonValueKind.Array)
        {
            return Verdict.NotSure;
        }

        foreach (var name in required.EnumerateArray())
        {
            if (name.ValueKind != JsonValueKind.String)
            {
                return Verdict.NotSure;
            }

            if (!instance.TryGetProperty(name.GetString()!, out _))
            {
                return Verdict.No;
            }
        }

        return Verdict.Yes;
    }

    private Verdict Ref(JsonElement reference, JsonElement instance, int depth)
    {
        // Only pointers into this document ("#/$defs/resource"), without escapes.
        if (reference.ValueKind != JsonValueKind.String || reference.GetString() is not { } text || !text.StartsWith("#/", StringComparison.Ordinal) || text.Contains('~') || text.Contains('%'))
        {
            return Verdict.NotSure;
        }

        var target = _root;
        foreach (var part in text[2..].Split('/'))
        {
            if (target.ValueKind != JsonValueKind.Object || !target.TryGetProperty(part, out target))
            {
                return Verdict.NotSure;
            }
        }

        return Check(target, instance, depth + 1);
    }

    private Verdict AllOf(JsonElement schemas, JsonElement instance, int depth)
    {
        if (schemas.ValueKind != JsonValueKind.Array)
        {
            return Verdict.NotSure;
        }

        var result = Verdict.Yes;
        foreach (var s in schemas.EnumerateArray())
        {
            result = And(result, Check(s, instance, depth + 1));
            if (result == Verdict.No)
            {
                return result;
            }
        }

        return result;
    }

    private Verdict AnyOf(JsonElement schemas, JsonElement instance, int depth)
    {
        if (schemas.ValueKind != JsonValueKind.Array)
        {
            return Verdict.NotSure;
        }

        var result = Verdict.No;
        foreach (var s in schemas.EnumerateArray())
        {
            var v = Check(s, instance, depth + 1);
            if (v == Verdict.Yes)
            {
                return v;
            }

            if (v == Verdict.NotSure)
            {
                result = v;
            }
        }

        return result;
    }

    private Verdict IfThenElse(JsonElement schema, JsonElement condition, JsonElement instance, int depth)
    {
        var holds = Check(condition, instance, depth + 1);
        if (holds == Verdict.NotSure)
        {
            return holds;
        }

        var branch = holds == Verdict.Yes ? "then" : "else";
        return schema.TryGetProperty(branch, out var next) ? Check(next, instance, depth + 1) : Verdict.Yes;
    }

    /// <summary>Equality with a scalar constant; structures and numbers are left to the full evaluator.</summary>
    private static Verdict Equal(JsonElement constant, JsonElement instance)
    {
        switch (constant.ValueKind)
        {
            case JsonValueKind.String:
                return Of(instance.ValueKind == JsonValueKind.String && instance.ValueEquals(constant.GetString()));
            case JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null:
                return Of(instance.ValueKind == constant.ValueKind);
            default:
                return Verdict.NotSure;
        }
    }

    private static Verdict Enum(JsonElement values, JsonElement instance)
    {
        if (values.ValueKind != JsonValueKind.Array)
        {
            return Verdict.NotSure;
        }

        var result = Verdict.No;
        foreach (var value in values.EnumerateArray())
        {
            var v = Equal(value, instance);
            if (v == Verdict.Yes)
            {
                return v;
            }

            if (v == Verdict.NotSure)
            {
                result = v;
            }
        }

        return result;
    }

    /// <summary>A pattern on printable ASCII text, where regex dialects agree on these patterns' anchors and dots.</summary>
    private Verdict Pattern(JsonElement pattern, string text)
    {
        if (pattern.ValueKind != JsonValueKind.String || !_patterns.TryGetValue(pattern.GetString()!, out var regex))
        {
            return Verdict.NotSure;
        }

        foreach (var c in text)
        {
            if (c < ' ' || c > '~')
            {
                return Verdict.NotSure;
            }
        }

        return Of(regex.IsMatch(text));
    }

    private static Verdict CountAtLeast(JsonElement limit, JsonElement instance, bool atLeast)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return Verdict.Yes;
        }

        if (limit.ValueKind != JsonValueKind.Number || !limit.TryGetInt32(out var n))
        {
            return Verdict.NotSure;
        }

        int count = 0;
        foreach (var _ in instance.EnumerateObject())
        {
            count++;
        }

        return Of(atLeast ? count >= n : count <= n);
    }

    /// <summary>propertyNames given as a lone pattern (any other form is left to the full evaluator).</summary>
    private Verdict PropertyNames(JsonElement names, JsonElement instance)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return Verdict.Yes;
        }

        if (names.ValueKind != JsonValueKind.Object || !names.TryGetProperty("pattern", out var pattern))
        {
            return Verdict.NotSure;
        }

        foreach (var keyword in names.EnumerateObject())
        {
            if (keyword.Name != "pattern" && !Annotations.Contains(keyword.Name))
            {
                return Verdict.NotSure;
            }
        }

        var result = Verdict.Yes;
        foreach (var p in instance.EnumerateObject())
        {
            result = And(result, Pattern(pattern, p.Name));
            if (result == Verdict.No)
            {
                return result;
            }
        }

        return result;
    }

    private void CompilePatterns(JsonElement node)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in node.EnumerateObject())
                {
                    if (p.Name == "pattern" && p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() is { } text)
                    {
                        _patterns.TryAdd(text, new Regex(text, RegexOptions.CultureInvariant));
                    }

                    CompilePatterns(p.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray())
                {
                    CompilePatterns(item);
                }

                break;
        }
    }
}
