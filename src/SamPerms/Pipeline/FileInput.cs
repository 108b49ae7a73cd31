namespace SamPerms.Pipeline;

/// <summary>A file's bytes, or why it could not be read (the message every front end prints).</summary>
public sealed record FileRead(string Path, byte[]? Bytes, string? Error)
{
    public bool Succeeded => Bytes is not null;

    /// <summary>Why it could not be read, without the path (<c>no such file</c>, <c>it is a directory, ...</c>).</summary>
    public string? Reason { get; init; }
}

/// <summary>Reads the files the user names (templates, intent files): an unreadable one is a message, never an exception.</summary>
public static class FileInput
{
    public static FileRead Read(string path)
    {
        string reason;
        try
        {
            if (Directory.Exists(path))
            {
                reason = "it is a directory, not a file";
            }
            else
            {
                return new FileRead(path, File.ReadAllBytes(path), null);
            }
        }
        catch (FileNotFoundException)
        {
            reason = "no such file";
        }
        catch (DirectoryNotFoundException)
        {
            reason = "no such file (its directory does not exist)";
        }
        catch (UnauthorizedAccessException)
        {
            reason = "permission denied";
        }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            reason = e.Message;
        }

        return new FileRead(path, null, $"cannot read {path}: {reason}") { Reason = reason };
    }
}
