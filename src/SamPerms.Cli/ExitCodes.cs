namespace SamPerms.Cli;

/// <summary>Process exit codes, documented in README.md.</summary>
public static class ExitCodes
{
    /// <summary>Everything worked; no finding at the failing level.</summary>
    public const int Ok = 0;

    /// <summary>A template is invalid (SAM rejects it, or it cannot be read), or findings at the failing level.</summary>
    public const int Invalid = 1;

    /// <summary>Wrong usage, or a file that cannot be read or written.</summary>
    public const int UsageOrIo = 2;
}
