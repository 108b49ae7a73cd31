using SamPerms.Validation;

namespace SamPerms.Output.Diagnostics;

/// <summary>A validated template for the writers: its path as given, its source lines (for excerpts) and its report.</summary>
public sealed record ValidatedFile(string Path, IReadOnlyList<string> Lines, ValidationReport Report)
{
    /// <summary>The text's lines, cut from it when asked for (see <see cref="SourceLines"/>).</summary>
    public static IReadOnlyList<string> SplitLines(string text) => new SourceLines(text);

    /// <summary>The path with forward slashes, as SARIF and GitHub expect.</summary>
    public string UriPath => Path.Replace('\\', '/');
}
