namespace SamPerms.Permissions.Effective;

/// <summary>What a note says about a function or state machine.</summary>
public enum NoteKind
{
    /// <summary>Something the template writes that SAM or IAM will not apply.</summary>
    Ignored,

    /// <summary>A permission the subject evidently needs and lacks (or may lack).</summary>
    Needs,
}

/// <summary>
/// A finding of the effective-access analysis about one subject, at the template line that creates it, with the
/// diagnostic code <c>validate</c> reports it under. <see cref="Certain"/> is false when it depends on values
/// known only at deploy (shown, but "may"). <see cref="Actions"/>: the actions a need is about, when it names them
/// (so <c>can</c> can say which line needs an action the role lacks).
/// </summary>
public sealed record SubjectNote(NoteKind Kind, string Code, string Message, Source Source, bool Certain = true)
{
    public IReadOnlyList<string> Actions { get; init; } = [];
}
