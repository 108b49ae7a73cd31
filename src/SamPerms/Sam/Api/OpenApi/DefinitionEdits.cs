namespace SamPerms.Sam.Api.OpenApi;

/// <summary>
/// How one transform edits API definitions for each API event. The reference's editor deep-copies the definition,
/// edits the copy and hands back another copy, for every event: a cost that grows with the definition, so with
/// the number of events, for each event. SamPerms edits the definition in place and defers the copies
/// (<see cref="Model.Node.DeferDeepCopies"/>), which gives the same document at a cost that does not depend on its
/// size. What an in-place edit cannot give is the untouched definition after an edit failed half way (the reference
/// then goes on with the next resource and the definition as it was): a transform in which an in-place edit failed
/// is run again with copying editors, which report exactly the reference's errors.
/// </summary>
public sealed class DefinitionEdits
{
    /// <summary>Edit in place (true unless this is the run again after a failed in-place edit).</summary>
    public bool InPlace { get; init; } = true;

    /// <summary>An in-place edit failed part way: a definition may be half edited.</summary>
    public bool Failed { get; private set; }

    /// <summary>Runs one edit of a definition; a failure of an in-place edit is noted, then passed on.</summary>
    public void Run(Action edit)
    {
        try
        {
            edit();
        }
        catch when (NoteFailure())
        {
            throw; // never reached: the filter declines
        }
    }

    /// <summary>An exception filter that notes the failure of an in-place edit and passes the exception on (no rethrow).</summary>
    private bool NoteFailure()
    {
        Failed |= InPlace;
        return false;
    }
}
