using SamPerms.Diagnostics;
using SamPerms.Model;

namespace SamPerms.Yaml;

/// <summary>The node tree of a template (null when it could not be read) and what went wrong reading it.</summary>
public sealed record ReadResult(Node? Root, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Root is not null && !Diagnostics.Any(d => d.Severity == Severity.Error);
}
