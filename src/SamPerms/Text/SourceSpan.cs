namespace SamPerms.Text;

/// <summary>
/// A place in a source document: 1-based start line and column, and the end (exclusive column).
/// A default span (Line 0) means "generated, no source".
/// </summary>
public readonly record struct SourceSpan(int Line, int Column, int EndLine, int EndColumn)
{
    public static readonly SourceSpan None = default;

    public bool IsKnown => Line > 0;

    public override string ToString() => IsKnown ? $"{Line}:{Column}" : "?";
}
