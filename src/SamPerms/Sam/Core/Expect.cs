using SamPerms.Model;

namespace SamPerms.Sam.Core;

/// <summary>
/// The reference's sam_expect: check a value's type and raise the reference's message when it is wrong.
/// Errors name the resource (or event, when <c>isEvent</c>) and the key path.
/// </summary>
public readonly struct Expect(Node? value, string id, string keyPath, bool isEvent = false, bool isAttribute = false, Node? container = null)
{
    /// <param name="container">Where to point when the value is absent: the map it should have been in.</param>
    public static Expect That(Node? value, string id, string keyPath, bool isEvent = false, bool isAttribute = false, Node? container = null) =>
        new(value, id, keyPath, isEvent, isAttribute, container);

    public MapNode ToBeMap(string? message = null) => (MapNode)ToBe(ExpectedType.Map, message);

    public SeqNode ToBeList(string? message = null) => (SeqNode)ToBe(ExpectedType.List, message);

    public string ToBeString(string? message = null) => ((StringNode)ToBe(ExpectedType.String, message)).Value;

    public bool ToBeBool(string? message = null) => ((BoolNode)ToBe(ExpectedType.Boolean, message)).Value;

    public Node ToBeInteger(string? message = null) => ToBe(ExpectedType.Integer, message);

    public SeqNode ToBeListOf(ExpectedType itemType, string? message = null)
    {
        var list = ToBeList(message);
        for (int i = 0; i < list.Count; i++)
        {
            new Expect(list[i], id, $"{keyPath}[{i}]", isEvent).ToBe(itemType, message);
        }

        return list;
    }

    public Node ToNotBeNone(string? message = null)
    {
        if (Py.IsNone(value))
        {
            var text = string.IsNullOrEmpty(message) ? $"Property '{keyPath}' is required." : message;
            throw (isEvent ? (SamException)new InvalidEventException(id, text) : new InvalidResourceException(id, text)).Locate(value ?? container);
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
            throw new InvalidEventException(id, string.IsNullOrEmpty(message) ? $"Property '{keyPath}' should be a {expected.Description}." : message).Locate(value);
        }

        if (isAttribute)
        {
            throw new InvalidResourceAttributeTypeException(id, keyPath, expected, message).Locate(value);
        }

        throw new InvalidResourcePropertyTypeException(id, keyPath, expected, message).Locate(value);
    }
}
