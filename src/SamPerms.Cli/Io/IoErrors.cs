namespace SamPerms.Cli.Io;

/// <summary>An I/O failure in a reader's words: "no space left on device", not the runtime's message with a path.</summary>
public static class IoErrors
{
    private const int Enospc = 28;
    private const int Epipe = 32;
    private const int Ebadf = 9;
    private const int Erofs = 30;
    private const int Edquot = 122;

    public static string Describe(Exception e) => e switch
    {
        IOException { HResult: Enospc } => "no space left on device",
        IOException { HResult: Edquot } => "disk quota exceeded",
        IOException { HResult: Epipe } => "broken pipe (the reader has gone)",
        IOException { HResult: Ebadf } => "the stream is closed",
        IOException { HResult: Erofs } => "read-only file system",
        UnauthorizedAccessException => "permission denied",
        ObjectDisposedException => "the stream is closed",
        DirectoryNotFoundException => "no such directory",
        _ when (uint)e.HResult == 0x80070070 => "no space left on device",
        _ => Strip(e.Message),
    };

    /// <summary>The runtime's message without the path it quotes (the caller names the file itself).</summary>
    private static string Strip(string message)
    {
        int quote = message.IndexOf(" : '", StringComparison.Ordinal);
        var text = quote > 0 ? message[..quote] : message;
        text = text.TrimEnd('.');
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : "write failed";
    }
}
