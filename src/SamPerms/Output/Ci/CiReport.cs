namespace SamPerms.Output.Ci;

/// <summary>How serious a CI finding is, in the vocabulary CI systems share (JUnit failure types, Code Quality severities).</summary>
public enum CiLevel
{
    Info,
    Minor,
    Major,
}

/// <summary>
/// One finding as CI systems show it: the subject it belongs to (a resource, function or template), a short
/// title, the code, the message and where it is. <see cref="Key"/> identifies the finding independently of its
/// line, so that a fingerprint survives edits elsewhere in the file.
/// </summary>
public sealed record CiFinding(string Subject, string Code, CiLevel Level, string Title, string Message, string File, int Line, int Column, string Key)
{
    /// <summary>Whether the finding fails the check (the command's exit threshold); the others are reported, not failed.</summary>
    public bool Failing { get; init; } = true;
}

/// <summary>What one check found in one file: the subjects it looked at (each a test case) and its findings.</summary>
public sealed record CiFile(string File, IReadOnlyList<string> Subjects, IReadOnlyList<CiFinding> Findings);

/// <summary>
/// The results of one check (<c>validate</c>, <c>intent</c>, <c>diff</c>) over its files, the one model that the
/// JUnit and Code Quality writers read; <see cref="CiReports"/> builds it from each command's report.
/// </summary>
public sealed record CiReport(string Check, IReadOnlyList<CiFile> Files);
