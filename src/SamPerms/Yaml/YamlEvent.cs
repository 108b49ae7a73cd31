namespace SamPerms.Yaml;

/// <summary>What a YAML reader reports, in document order (the parts of YAML's event model the tree builder uses).</summary>
internal enum YamlEventKind : byte
{
    DocumentStart,
    Scalar,
    Alias,
    SequenceStart,
    SequenceEnd,
    MappingStart,
    MappingEnd,
}

/// <summary>A place in the text: 1-based line and column (in UTF-16 units) and 0-based index.</summary>
internal readonly record struct YamlMark(int Line, int Column, int Index);

/// <summary>
/// One event of a YAML document as YamlDotNet's parser reports it (<see cref="YamlDotNetEvents"/>), and as the
/// fast reader (<see cref="FastYamlReader"/>) reproduces it for the templates it reads.
/// </summary>
/// <param name="Value">A scalar's text, or an alias's anchor name.</param>
/// <param name="Tag">The resolved tag (<c>!Ref</c>, <c>tag:yaml.org,2002:str</c>), or null.</param>
/// <param name="Plain">A scalar written without quotes or block indicator.</param>
/// <param name="Flow">A collection written in brackets.</param>
/// <param name="Explicit">A document started with <c>---</c>.</param>
/// <param name="Placeless">A collection the parser gave no place (a single pair in a flow sequence).</param>
/// <param name="Size">
/// A collection's start: how many entries or items it holds, when the reader knew it at the collection's end (the
/// fast reader does; 0 when unknown). The tree builder makes the map or list that size at once, not by growing it.
/// </param>
internal readonly record struct YamlEvent(
    YamlEventKind Kind,
    YamlMark Start,
    YamlMark End,
    string? Value = null,
    string? Tag = null,
    string? Anchor = null,
    bool Plain = false,
    bool Flow = false,
    bool Explicit = false,
    bool Placeless = false,
    int Size = 0)
{
    /// <summary>
    /// YamlDotNet gives a single pair in a flow sequence (<c>[Key: value]</c>) no place: both marks at the start of
    /// the text. A flow mapping that really starts there has the same marks and is taken as placeless too.
    /// </summary>
    public static bool IsPlaceless(bool flow, YamlMark start, YamlMark end) => flow && start.Index == 0 && end.Index == 0;
}
