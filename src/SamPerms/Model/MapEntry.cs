using SamPerms.Text;

namespace SamPerms.Model;

/// <summary>One key of a map with the span of the key itself.</summary>
public struct MapEntry(string key, Node value, SourceSpan keySpan, bool keyUnicode = false)
{
    private Node _value = value;
    private bool _container = value is MapNode or SeqNode;

    public string Key = key;

    public Node Value
    {
        readonly get => _value;
        set
        {
            _value = value;
            _container = value is MapNode or SeqNode;
        }
    }

    /// <summary>
    /// The value is a map or a list, known without reading the value: a walk that looks only into maps and lists
    /// (for intrinsic functions, for what to settle) passes the scalars by without touching them, which in a tree
    /// bigger than the processor's cache saves a miss each.
    /// </summary>
    public readonly bool IsContainer => _container;

    public SourceSpan KeySpan = keySpan;

    /// <summary>The key is a Python 2.7 unicode string (see <see cref="StringNode.Unicode"/>).</summary>
    public bool KeyUnicode = keyUnicode;

    /// <summary>
    /// The key was written as a string. YAML allows `0:` or `true:` keys; they are kept as text here, but a
    /// logical id must have been a string to the reference.
    /// </summary>
    public bool KeyIsString = true;

    /// <summary>How many of its map's deferred deep copies the value has been given (see <c>MapNode.PassCopiesOn</c>).</summary>
    internal int CopiesGiven;
}
