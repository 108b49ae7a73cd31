namespace SamPerms.Text;

/// <summary>
/// A place in a source document: 1-based start line and column, and the end (exclusive column).
/// A default span (Line 0) means "generated, no source".
/// </summary>
public readonly record struct SourceSpan(int Line, int Column, int EndLine, int EndColumn)
{
    public static readonly SourceSpan None = default;

    public bool IsKnown => Line > 0;

    /// <summary>The line, to sort things by where they are declared: a thing with no place sorts last.</summary>
    public int LineOrLast => IsKnown ? Line : int.MaxValue;

    public override string ToString() => IsKnown ? $"{Line}:{Column}" : "?";
}
