namespace SamPerms.Sam.Core;

/// <summary>
/// Derived properties of SAM resources that templates may reference (<c>!Ref MyFunction.Alias</c>,
/// <c>!GetAtt MyApi.Stage</c>) and the generated logical id each resolves to.
/// </summary>
public sealed class SupportedResourceReferences
{
    private readonly Dictionary<string, Dictionary<string, string>> _refs = new(StringComparer.Ordinal);

    public int Count => _refs.Count;

    public void Add(string logicalId, string property, string value)
    {
        if (!_refs.TryGetValue(logicalId, out var props))
        {
            props = new Dictionary<string, string>(StringComparer.Ordinal);
            _refs[logicalId] = props;
        }

        props.TryAdd(property, value);
    }

    public string? Get(string logicalId, string property) =>
        _refs.TryGetValue(logicalId, out var props) && props.TryGetValue(property, out var v) ? v : null;

    /// <summary><see cref="Get(string, string)"/> for names cut from a text, without making strings of them.</summary>
    public string? Get(ReadOnlySpan<char> logicalId, ReadOnlySpan<char> property) =>
        _refs.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(logicalId, out var props)
        && props.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(property, out var v) ? v : null;
}
