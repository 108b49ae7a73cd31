using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SamPerms.Model;

namespace SamPerms.Validation.Schema;

/// <summary>
/// A JSON Schema (2020-12) compiled for the keywords the project's own schemas use, evaluated over the template
/// model itself: no JSON text, no parse, no schema library (whose start-up, paid by every command, cost more than
/// checking a template). A schema with a keyword not listed here is refused when it is compiled, so a regenerated
/// schema cannot be checked only in part. Errors are reported where the failing keyword applies: type, enum, const,
/// pattern, required, min/maxProperties and a failed anyOf at the value; additionalProperties: false at each extra
/// property; if/then, allOf, properties, additionalProperties and $ref through what they apply.
/// </summary>
public sealed class SchemaCheck
{
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal) { "$schema", "$id", "$comment", "$defs", "title", "description", "default", "examples" };

    private bool? _always; // a true or false schema
    private string[]? _types;
    private Dictionary<string, SchemaCheck>? _properties;
    private SchemaCheck? _additional;
    private string[]? _required;
    private HashSet<string>? _enum; // string values only (what the schemas hold)
    private string _enumKeyword = "enum"; // or "const"
    private Regex? _pattern;
    private SchemaCheck[]? _anyOf;
    private SchemaCheck[]? _allOf;
    private SchemaCheck? _if;
    private SchemaCheck? _then;
    private int? _minProperties;
    private int? _maxProperties;
    private SchemaCheck? _propertyNames;
    private SchemaCheck? _ref; // resolved when compiled: evaluating writes nothing, so one compiled schema serves every thread

    private SchemaCheck()
    {
    }

    /// <summary>Compiles the schema document <paramref name="root"/>; throws when it uses a keyword not supported here.</summary>
    public static SchemaCheck Compile(JsonNode root) => new Compiler(root).Root();

    /// <summary>Every error of <paramref name="value"/> against this schema, in the order the value is walked.</summary>
    public List<SchemaViolation> Evaluate(Node value)
    {
        var errors = new List<SchemaViolation>();
        Check(value, [], errors);
        return errors;
    }

    /// <summary>True when <paramref name="value"/> is valid; each error is added to <paramref name="errors"/> when given.</summary>
    /// <remarks>No lambdas here: the check runs for every value of every resource, and a closure is an allocation per call.</remarks>
    private bool Check(Node? value, List<string> path, List<SchemaViolation>? errors)
    {
        if (_always is { } always)
        {
            return always;
        }

        bool valid = true;
        if (_ref is not null)
        {
            valid &= _ref.Check(value, path, errors);
        }

        if (_types is not null && !OfAnyType(value))
        {
            Fail(ref valid, errors, path, "type");
        }

        if (_enum is not null && !(value is StringNode s && _enum.Contains(s.Value)))
        {
            Fail(ref valid, errors, path, _enumKeyword);
        }

        if (_pattern is not null && value is StringNode text && !_pattern.IsMatch(text.Value))
        {
            Fail(ref valid, errors, path, "pattern");
        }

        if (value is MapNode map)
        {
            CheckMap(map, path, errors, ref valid);
        }

        if (_allOf is not null)
        {
            foreach (var part in _allOf)
            {
                valid &= part.Check(value, path, errors);
            }
        }

        if (_anyOf is not null && !AnyOfHolds(value, path))
        {
            Fail(ref valid, errors, path, "anyOf");
        }

        if (_if is not null && _then is not null && _if.Check(value, path, null))
        {
            valid &= _then.Check(value, path, errors);
        }

        return valid;
    }

    private static void Fail(ref bool valid, List<SchemaViolation>? errors, List<string> path, string keyword)
    {
        valid = false;
        errors?.Add(new SchemaViolation([.. path], [keyword]));
    }

    private bool OfAnyType(Node? value)
    {
        foreach (var t in _types!)
        {
            if (IsOfType(value, t))
            {
                return true;
            }
        }

        return false;
    }

    private bool AnyOfHolds(Node? value, List<string> path)
    {
        foreach (var part in _anyOf!)
        {
            if (part.Check(value, path, null))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Checks a map's keywords; a failure clears <paramref name="valid"/>.</summary>
    private void CheckMap(MapNode map, List<string> path, List<SchemaViolation>? errors, ref bool valid)
    {
        if (_required is not null && MissesRequired(map))
        {
            Fail(ref valid, errors, path, "required");
        }

        if (_minProperties is { } min && map.Count < min)
        {
            Fail(ref valid, errors, path, "minProperties");
        }

        if (_maxProperties is { } max && map.Count > max)
        {
            Fail(ref valid, errors, path, "maxProperties");
        }

        if (_properties is null && _additional is null && _propertyNames is null)
        {
            return;
        }

        foreach (var e in map.Entries)
        {
            if (_propertyNames is not null && !_propertyNames.Check(new StringNode(e.Key), path, null))
            {
                Fail(ref valid, errors, path, "propertyNames");
            }

            var child = _properties is not null && _properties.TryGetValue(e.Key, out var named) ? named : _additional;
            if (child is null)
            {
                continue;
            }

            path.Add(e.Key);
            if (child._always is false)
            {
                valid = false;
                errors?.Add(new SchemaViolation([.. path], ["additionalProperties"]));
            }
            else
            {
                valid &= child.Check(e.Value, path, errors);
            }

            path.RemoveAt(path.Count - 1);
        }
    }

    private bool MissesRequired(MapNode map)
    {
        foreach (var r in _required!)
        {
            if (!map.ContainsKey(r))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOfType(Node? value, string type) => type switch
    {
        "object" => value is MapNode,
        "array" => value is SeqNode,
        "string" => value is StringNode,
        "boolean" => value is BoolNode,
        "null" => value is null or NullNode,
        "integer" => value is IntNode || value is FloatNode f && double.IsFinite(f.Value) && Math.Floor(f.Value) == f.Value,
        "number" => value is IntNode or FloatNode,
        _ => throw new InvalidOperationException($"schema type '{type}' is not a JSON type"),
    };

    /// <summary>Compiles subschemas once each, by their JSON Pointer from the root (so a $ref may point back up).</summary>
    private sealed class Compiler(JsonNode root)
    {
        private readonly Dictionary<string, SchemaCheck> _byPointer = new(StringComparer.Ordinal);
        private readonly List<(SchemaCheck From, string Pointer)> _references = [];

        /// <summary>The root schema, every $ref resolved (compiling a target may find further references).</summary>
        public SchemaCheck Root()
        {
            var root = At("#");
            for (int i = 0; i < _references.Count; i++)
            {
                var (from, pointer) = _references[i];
                from._ref = At(pointer);
            }

            return root;
        }

        public SchemaCheck At(string pointer)
        {
            if (_byPointer.TryGetValue(pointer, out var known))
            {
                return known;
            }

            var node = root;
            foreach (var segment in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                node = (node as JsonObject)?[name] ?? (node is JsonArray a && int.TryParse(name, out var i) && i < a.Count ? a[i] : null)
                    ?? throw new InvalidOperationException($"schema reference {pointer} points at nothing");
            }

            var check = new SchemaCheck();
            _byPointer[pointer] = check;
            Fill(check, node, pointer);
            return check;
        }

        private void Fill(SchemaCheck check, JsonNode node, string pointer)
        {
            if (node is JsonValue v && v.TryGetValue<bool>(out var always))
            {
                check._always = always;
                return;
            }

            if (node is not JsonObject schema)
            {
                throw new InvalidOperationException($"schema at {pointer} is neither an object nor true/false");
            }

            foreach (var (keyword, value) in schema)
            {
                var at = $"{pointer}/{keyword.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)}";
                switch (keyword)
                {
                    case "type":
                        check._types = value is JsonArray types ? [.. types.Select(t => t!.GetValue<string>())] : [value!.GetValue<string>()];
                        break;
                    case "properties":
                        check._properties = value!.AsObject().ToDictionary(p => p.Key, p => At($"{at}/{Escape(p.Key)}"), StringComparer.Ordinal);
                        break;
                    case "additionalProperties":
                        check._additional = At(at);
                        break;
                    case "required":
                        check._required = [.. value!.AsArray().Select(r => r!.GetValue<string>())];
                        break;
                    case "enum":
                        check._enum = new HashSet<string>(value!.AsArray().Select(e => e!.GetValue<string>()), StringComparer.Ordinal);
                        break;
                    case "const":
                        check._enum = new HashSet<string>(StringComparer.Ordinal) { value!.GetValue<string>() };
                        check._enumKeyword = "const";
                        break;
                    case "pattern":
                        check._pattern = new Regex(value!.GetValue<string>(), RegexOptions.ECMAScript | RegexOptions.CultureInvariant);
                        break;
                    case "anyOf":
                        check._anyOf = [.. value!.AsArray().Select((_, i) => At($"{at}/{i}"))];
                        break;
                    case "allOf":
                        check._allOf = [.. value!.AsArray().Select((_, i) => At($"{at}/{i}"))];
                        break;
                    case "if":
                        check._if = At(at);
                        break;
                    case "then":
                        check._then = At(at);
                        break;
                    case "minProperties":
                        check._minProperties = value!.GetValue<int>();
                        break;
                    case "maxProperties":
                        check._maxProperties = value!.GetValue<int>();
                        break;
                    case "propertyNames":
                        check._propertyNames = At(at);
                        break;
                    case "$ref":
                        _references.Add((check, value!.GetValue<string>()));
                        break;
                    default:
                        if (!Annotations.Contains(keyword))
                        {
                            throw new InvalidOperationException($"schema keyword '{keyword}' at {pointer} is not supported by SamPerms' schema check");
                        }

                        break;
                }
            }
        }

        private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
    }
}
