using SamPerms.Model;

namespace SamPerms.Sam.Api.OpenApi;

/// <summary>
/// A path or method name together with its Python 2.7 string type: names from the template are unicode, names
/// SAM makes up are not, and the difference shows in the deployment hash (u'/path' vs '/path').
/// </summary>
public readonly record struct PyName(string Value, bool Unicode)
{
    public static PyName Of(Node? node) => node is StringNode s ? new PyName(s.Value, s.Unicode) : new PyName(Py.Str(node), false);

    public static PyName Plain(string value) => new(value, false);

    public StringNode ToNode() => new(Value) { Unicode = Unicode };

    /// <summary>str.lower() keeps the type of a Py27UniStr.</summary>
    public PyName Lower() => this with { Value = Value.ToLowerInvariant() };

    public override string ToString() => Value;

    public static implicit operator string(PyName name) => name.Value;

    /// <summary>A name SAM makes up (or reads where the type does not matter) is a plain str.</summary>
    public static implicit operator PyName(string value) => Plain(value);
}
