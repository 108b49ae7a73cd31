using SamPerms.Diagnostics;
using SamPerms.Yaml;

namespace SamPerms.Pipeline;

/// <summary>A file's bytes, or why it could not be read (the message every front end prints).</summary>
public sealed record FileRead(string Path, byte[]? Bytes, string? Error)
{
    public bool Succeeded => Bytes is not null;

    /// <summary>Why it could not be read, without the path (<c>no such file</c>, <c>it is a directory, ...</c>).</summary>
    public string? Reason { get; init; }

    /// <summary>
    /// Set when the input is over the size limit: SP1005, decided from its length before reading it (a template
    /// refused this way fails as one that SAM rejects: exit 1, NAME.error.json). <see cref="Bytes"/> is null then.
    /// </summary>
    public Diagnostic? Refusal { get; init; }
}

/// <summary>
/// Reads the files the user names (templates, intent files): an unreadable one is a message, never an exception.
/// An input over <see cref="ReaderLimits.MaxBytes"/> is refused from its length, before its bytes are read; a
/// stream whose length is not known (a pipe, standard input) is read up to the limit and no further.
/// </summary>
public static class FileInput
{
    public static FileRead Read(string path, ReaderLimits? limits = null)
    {
        string reason;
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return FromRegularFile(path, handle, limits) ?? FromStream(path, new FileStream(handle, FileAccess.Read, 1), limits);
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
            // Opening a directory fails so too: asked only then (a batch reads hundreds of files, each check a system call).
            reason = Directory.Exists(path) ? "it is a directory, not a file" : "permission denied";
        }
        catch (Exception e) when (e is IOException or ArgumentException or NotSupportedException)
        {
            reason = e.Message;
        }

        return new FileRead(path, null, $"cannot read {path}: {reason}") { Reason = reason };
    }

    /// <summary>
    /// A file of known, nonzero length read into an array of exactly that length (no stream, no copy); null for what
    /// has no length (a pipe, a device: read as a stream) or a file that grew while it was read.
    /// </summary>
    private static FileRead? FromRegularFile(string label, Microsoft.Win32.SafeHandles.SafeFileHandle handle, ReaderLimits? limits)
    {
        long length = RandomAccess.GetLength(handle);
        if (length <= 0)
        {
            return null;
        }

        if (length > (limits ?? ReaderLimits.Default).MaxBytes)
        {
            return Refused(label, length, limits);
        }

        var bytes = GC.AllocateUninitializedArray<byte>((int)length); // every byte is read into it: no clearing first
        int read = 0;
        while (read < bytes.Length && RandomAccess.Read(handle, bytes.AsSpan(read), read) is var n and > 0)
        {
            read += n;
        }

        Span<byte> more = stackalloc byte[1];
        return read == bytes.Length && RandomAccess.Read(handle, more, read) == 0 ? new FileRead(label, bytes, null) : null;
    }

    /// <summary>Reads <paramref name="stream"/> (named <paramref name="label"/>) within the size limit.</summary>
    public static FileRead FromStream(string label, Stream stream, ReaderLimits? limits = null)
    {
        long max = (limits ?? ReaderLimits.Default).MaxBytes;
        long? known = stream.CanSeek ? stream.Length - stream.Position : null;
        if (known > max)
        {
            return Refused(label, known, limits);
        }

        // A regular file: exactly its length (one allocation); a stream: up to one byte past the limit.
        using var buffer = new MemoryStream(known is { } n ? (int)n : 0);
        var chunk = new byte[known is { } k ? (int)Math.Clamp(k + 1, 1, 1 << 16) : 1 << 16];
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, max + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
            {
                // Grew past the limit while being read (or a stream): refused, the rest is not read.
                return Refused(label, null, limits);
            }
        }

        return new FileRead(label, buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray(), null);
    }

    private static FileRead Refused(string label, long? length, ReaderLimits? limits)
    {
        var refusal = TemplateReader.TooLarge(length, limits);
        var reason = refusal.Message;
        return new FileRead(label, null, $"{label}: {reason}") { Reason = reason, Refusal = refusal };
    }
}
