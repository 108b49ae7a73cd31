using SamPerms.Model;

namespace SamPerms.Sam.Core;

/// <summary>
/// The reference's sam_expect: check a value's type and raise the reference's message when it is wrong.
/// Errors name the resource (or event, when <c>isEvent</c>) and the key path, and point at the value, or at
/// <c>near</c> (the map that should have held it) when the value is missing or made up by SAM.
/// </summary>
public readonly struct Expect(Node? value, string id, string keyPath, bool isEvent = false, bool isAttribute = false, Node? near = null)
{
    /// <param name="near">Where to point when the value is absent or has no place in the source.</param>
    public static Expect That(Node? value, string id, string keyPath, bool isEvent = false, bool isAttribute = false, Node? near = null) =>
        new(value, id, keyPath, isEvent, isAttribute, near);

    private Node? Place => value is { Span.IsKnown: true } || near is null ? value : near;

    public MapNode ToBeMap(string? message = null) => (MapNode)ToBe(ExpectedType.Map, message);

    public SeqNode ToBeList(string? message = null) => (SeqNode)ToBe(ExpectedType.List, message);

    public string ToBeString(string? message = null) => ((StringNode)ToBe(ExpectedType.String, message)).Value;

    public bool ToBeBool(string? message = null) => ((BoolNode)ToBe(ExpectedType.Boolean, message)).Value;

    public SeqNode ToBeListOf(ExpectedType itemType, string? message = null)
    {
        var list = ToBeList(message);
        for (int i = 0; i < list.Count; i++)
        {
            new Expect(list[i], id, $"{keyPath}[{i}]", isEvent, near: list).ToBe(itemType, message);
        }

        return list;
    }

    public Node ToNotBeNone(string? message = null)
    {
        if (Py.IsNone(value))
        {
            var text = string.IsNullOrEmpty(message) ? $"Property '{keyPath}' is required." : message;
            throw (isEvent ? (SamException)new InvalidEventException(id, text) : new InvalidResourceException(id, text)).Locate(Place);
        }

        return value!;
    }

    public Node ToBe(ExpectedType expected, string? message = null)
    {
        if (value is not null && expected.Matches(value))
        {
            return value;
        }

        if (isEvent)
        {
            throw new InvalidEventException(id, string.IsNullOrEmpty(message) ? $"Property '{keyPath}' should be a {expected.Description}." : message).Locate(Place);
        }

        if (isAttribute)
        {
            throw new InvalidResourceAttributeTypeException(id, keyPath, expected, message).Locate(Place);
        }

        throw new InvalidResourcePropertyTypeException(id, keyPath, expected, message).Locate(Place);
    }
}
