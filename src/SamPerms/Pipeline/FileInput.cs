namespace SamPerms.Pipeline;

/// <summary>A file's bytes, or why it could not be read (the message every front end prints).</summary>
public sealed record FileRead(string Path, byte[]? Bytes, string? Error)
{
    public bool Succeeded => Bytes is not null;
}

/// <summary>Reads the files the user names (templates, intent files): an unreadable one is a message, never an exception.</summary>
public static class FileInput
{
    public static FileRead Read(string path)
    {
        try
        {
            return new FileRead(path, File.ReadAllBytes(path), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return new FileRead(path, null, $"cannot read {path}: {e.Message}");
        }
    }
}
