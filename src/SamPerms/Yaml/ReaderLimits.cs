namespace SamPerms.Yaml;

/// <summary>
/// Bounds that keep reading safe on hostile input: nesting depth, total nodes after alias expansion
/// (alias bombs), and input size. Defaults are far above any real CloudFormation template
/// (CloudFormation itself accepts at most 1 MB).
/// </summary>
public sealed record ReaderLimits(int MaxDepth = 200, int MaxNodes = 1_000_000, int MaxBytes = 32 * 1024 * 1024)
{
    public static readonly ReaderLimits Default = new();
}
