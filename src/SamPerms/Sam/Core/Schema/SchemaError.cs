namespace SamPerms.Sam.Core.Schema;

/// <summary>
/// One failure found by a <see cref="SchemaType"/>: where (the key path), pydantic's message, and its kind
/// (pydantic's error type: "value_error.missing", "type_error.dict", ...).
/// </summary>
public sealed record SchemaError(IReadOnlyList<string> Loc, string Message, string Kind)
{
    public string Path => string.Join(".", Loc);

    public static SchemaError Missing(IReadOnlyList<string> loc) => new(loc, "field required", "value_error.missing");

    public static SchemaError Extra(IReadOnlyList<string> loc) => new(loc, "extra fields not permitted", "value_error.extra");

    public static SchemaError NoneNotAllowed(IReadOnlyList<string> loc) => new(loc, "none is not an allowed value", "type_error.none.not_allowed");
}
