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
    public bool Succeeded => Template is not null && !Partial;

    /// <summary>The outcome of an input refused before it was read (over the size limit): that one diagnostic.</summary>
    public static TransformOutcome Refused(Diagnostic refusal) => new(null, null, new Dictionary<string, Origin>(), [refusal], refusal.Message);

    /// <summary>What an analysis transform assumed to go on (placeholders for deploy-time values); none for the plain transform.</summary>
    public IReadOnlyList<Diagnostic> Assumptions { get; init; } = [];

    /// <summary>
    /// SAM rejected part of the template (<see cref="Diagnostics"/> says what): <see cref="Template"/> is the output
    /// of the rest, for analysis only (see <see cref="PartialTransform"/>).
    /// </summary>
    public bool Partial { get; init; }

    /// <summary>
    /// The transform met a place where local artifacts would read the template differently
    /// (<see cref="Core.LocalArtifactsMet"/>): only then may a failed one succeed with them.
    /// </summary>
    public bool MetLocalArtifact { get; init; }

    /// <summary>In a partial outcome, the resources left out whole (what SAM would generate from them is missing).</summary>
    public IReadOnlyList<string> LeftOut { get; init; } = [];
}
