namespace SamPerms.Sam.Core.Schema;

/// <summary>How the reference words pydantic failures in its resource errors.</summary>
public static class SchemaMessages
{
    /// <summary>
    /// str() of pydantic (v1)'s ValidationError, which some of the reference's messages embed: a count line, then
    /// each failure's location (joined by " -> "), message and type. Errors that carry a context in pydantic
    /// (a Literal's permitted values) would print it after the type; the models this is used for have none.
    /// </summary>
    public static string ValidationError(string modelName, IReadOnlyList<SchemaError> errors)
    {
        var header = $"{errors.Count} validation error{(errors.Count == 1 ? "" : "s")} for {modelName}";
        return header + string.Concat(errors.Select(e => $"\n{string.Join(" -> ", e.Loc)}\n  {e.Message} (type={e.Kind})"));
    }

    /// <summary>The reference's default: only the first failure, "Property 'A.B' is invalid."</summary>
    public static string FirstError(IReadOnlyList<SchemaError> errors) => $"Property '{errors[0].Path}' is invalid.";

    /// <summary>
    /// The reference's _format_all_errors: one message per key path, in order; a path that failed as several
    /// types (a Union) says which types it may be.
    /// </summary>
    public static string AllErrors(IReadOnlyList<SchemaError> errors)
    {
        var typeNames = new (string Pattern, string Name)[]
        {
            ("not a valid dict", "dictionary"), ("not a valid int", "integer"), ("not a valid float", "number"),
            ("not a valid list", "list"), ("not a valid str", "string"),
        };
        var byPath = new List<(string Path, SchemaError First, List<string> Types)>();
        foreach (var e in errors)
        {
            var entry = byPath.FirstOrDefault(p => p.Path == e.Path);
            if (entry.Path is null)
            {
                entry = (e.Path, e, []);
                byPath.Add(entry);
            }

            var type = typeNames.FirstOrDefault(t => e.Message.Contains(t.Pattern, StringComparison.Ordinal)).Name;
            if (type is not null)
            {
                entry.Types.Add(type);
            }
        }

        var messages = byPath.Select(p =>
        {
            var types = p.Types.Distinct().ToList();
            if (types.Count > 1)
            {
                return $"Property '{p.Path}' value must be {string.Join(" or ", types)}.";
            }

            return p.First.Kind switch
            {
                "value_error.missing" => $"Property '{p.Path}' is required.",
                _ when p.First.Message.Contains("extra fields not permitted", StringComparison.Ordinal) => $"Property '{p.Path}' is an invalid property.",
                _ => $"Property '{p.Path}' {p.First.Message.ToLowerInvariant()}.",
            };
        });
        return string.Join(" ", messages);
    }
}
