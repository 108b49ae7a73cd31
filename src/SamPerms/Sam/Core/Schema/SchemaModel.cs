using SamPerms.Model;

namespace SamPerms.Sam.Core.Schema;

/// <summary>One field of a <see cref="SchemaModel"/>: required fields must be present and not null; optional ones may be null.</summary>
public sealed record SchemaField(string Name, SchemaType Type, bool Required = false);

/// <summary>
/// A pydantic model with extra fields forbidden (the reference's BaseModel): fields are checked in declaration
/// order, then unknown keys are reported in sorted order, as pydantic does. The result is a map of the present
/// fields' coerced values.
/// </summary>
public sealed class SchemaModel(params SchemaField[] fields) : SchemaType
{
    public IReadOnlyList<SchemaField> Fields { get; } = fields;

    public static SchemaField Required(string name, SchemaType type) => new(name, type, true);

    public static SchemaField Optional(string name, SchemaType type) => new(name, type);

    public override Node? Validate(Node value, string[] loc, List<SchemaError> errors)
    {
        if (AsDict(value) is not { } input)
        {
            return Fail(loc, errors, "value is not a valid dict", "type_error.dict");
        }

        var result = new MapNode { Span = value.Span };
        int before = errors.Count;
        foreach (var field in Fields)
        {
            var fieldLoc = At(loc, field.Name);
            if (!input.TryGet(field.Name, out var v))
            {
                if (field.Required)
                {
                    errors.Add(SchemaError.Missing(fieldLoc));
                }

                continue;
            }

            if (v is NullNode)
            {
                if (field.Required)
                {
                    errors.Add(SchemaError.NoneNotAllowed(fieldLoc));
                }

                continue;
            }

            if (field.Type.Validate(v, fieldLoc, errors) is { } coerced)
            {
                result.Set(field.Name, coerced);
            }
        }

        var known = Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var extra in input.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal))
        {
            errors.Add(SchemaError.Extra(At(loc, extra)));
        }

        return errors.Count == before ? result : null;
    }

    /// <summary>Validate a resource's properties: the coerced model, or the errors pydantic would report.</summary>
    public MapNode? Parse(MapNode properties, out List<SchemaError> errors)
    {
        errors = [];
        return Validate(properties, [], errors) as MapNode;
    }
}
