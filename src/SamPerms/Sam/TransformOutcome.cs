using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam;

/// <summary>The outcome of transforming one template: the CloudFormation template, or why there is none.</summary>
public sealed record TransformOutcome(
    Node? Input,
    MapNode? Template,
    IReadOnlyDictionary<string, Origin> Origins,
    IReadOnlyList<Diagnostic> Diagnostics,
    string? ErrorMessage)
{
    public bool Succeeded => Template is not null;
}
