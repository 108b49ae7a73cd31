using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using SamPerms.Cli.Io;

namespace SamPerms.Cli;

/// <summary>A file the tool could not write, in the reader's words: "cannot write out.json: no space left on device".</summary>
public sealed class OutputFileException(string message, Exception? inner = null) : IOException(message, inner);

/// <summary>
/// Writes an output file so that readers see the old content or the whole new one, never half of it — where that
/// is possible: a regular file (or a new one) is written to a temporary file beside it and renamed over it; a
/// character device (/dev/null, /dev/stdout, a terminal), a FIFO or a socket is written in place, never replaced;
/// a symbolic link is followed, so its target is replaced and the link kept. The temporary file is created
/// exclusively under a name no output has (<c>.NAME.samperms-PID-RANDOM.tmp</c>), and removed on every handled
/// exit, Ctrl-C and SIGTERM included; one left by a killed run is never read, listed or taken for an output.
/// A regular file that already holds exactly the new bytes is left in place and only its modification time set, as a
/// rewrite would (a batch run again over the same outputs creates no files: on ext4 each new file costs far more
/// than comparing a few kilobytes).
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly ConcurrentDictionary<string, byte> Pending = new(StringComparer.Ordinal);
    private static readonly PosixSignalRegistration[] Cleanups = RegisterCleanup();

    /// <summary>The suffix of temporary files (a name no output of SamPerms ends with).</summary>
    public const string TempSuffix = ".tmp";

    public static void WriteAllText(string path, string content) => Write(path, content, null);

    /// <summary>Writes the text of <paramref name="content"/>, encoded chunk by chunk: no string of the whole is made.</summary>
    public static void WriteAllText(string path, StringBuilder content) => Write(path, null, content);

    private static void Write(string path, string? text, StringBuilder? builder)
    {
        _ = Cleanups;

        // One lstat(2) says what is there (most outputs are new files or regular ones): a link is followed first.
        var target = FullPaths.Of(path);
        var probe = FileKind.Probe(target, followLinks: false);
        if (probe.Kind == FileKindValue.Link)
        {
            target = FollowLinks(target);
            probe = FileKind.Probe(target, followLinks: true);
        }

        switch (probe.Kind)
        {
            case FileKindValue.Directory:
                throw new OutputFileException($"cannot write {path}: it is a directory");
            case FileKindValue.Special:
                WriteInPlace(path, target, text ?? builder!.ToString());
                return;
            default:
                // Encoded into a pooled buffer: a batch writes megabytes, and each new array would be garbage at once.
                var buffer = ArrayPool<byte>.Shared.Rent(text is not null ? Utf8.GetByteCount(text) : Utf8.GetMaxByteCount(builder!.Length));
                try
                {
                    var bytes = buffer.AsSpan(0, text is not null ? Utf8.GetBytes(text, buffer) : Encode(builder!, buffer));
                    if (probe.Kind != FileKindValue.Regular || !Unchanged(target, bytes))
                    {
                        Replace(path, target, bytes, probe.Kind == FileKindValue.Regular ? probe.Permissions : null);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                return;
        }
    }

    /// <summary>The builder's text as UTF-8 in <paramref name="buffer"/> (big enough for it); a pair split between chunks is kept whole.</summary>
    private static int Encode(StringBuilder builder, byte[] buffer)
    {
        var encoder = Utf8.GetEncoder();
        int written = 0;
        foreach (var chunk in builder.GetChunks())
        {
            written += encoder.GetBytes(chunk.Span, buffer.AsSpan(written), flush: false);
        }

        return written + encoder.GetBytes(ReadOnlySpan<char>.Empty, buffer.AsSpan(written), flush: true);
    }

    /// <summary>The file a chain of symbolic links ends at (which may not exist yet).</summary>
    private static string FollowLinks(string path)
    {
        for (int hops = 0; hops < 40; hops++)
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not { } link)
            {
                return path;
            }

            path = Path.GetFullPath(link, Path.GetDirectoryName(path)!);
        }

        throw new OutputFileException($"cannot write {path}: too many levels of symbolic links");
    }

    private static void WriteInPlace(string path, string target, string content)
    {
        try
        {
            using var stream = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            stream.Write(Utf8.GetBytes(content));
            stream.Flush();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputFileException($"cannot write {path}: {IoErrors.Describe(e)}", e);
        }
    }

    /// <summary>
    /// True when <paramref name="target"/> holds exactly <paramref name="bytes"/> and its modification time could be
    /// set to now; false (then it is replaced) when it differs or cannot be read or touched.
    /// </summary>
    private static bool Unchanged(string target, ReadOnlySpan<byte> bytes)
    {
        try
        {
            using (var handle = File.OpenHandle(target, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                if (RandomAccess.GetLength(handle) != bytes.Length)
                {
                    return false;
                }

                var existing = ArrayPool<byte>.Shared.Rent(bytes.Length);
                try
                {
                    int read = 0;
                    while (read < bytes.Length && RandomAccess.Read(handle, existing.AsSpan(read, bytes.Length - read), read) is var n and > 0)
                    {
                        read += n;
                    }

                    if (read != bytes.Length || !existing.AsSpan(0, read).SequenceEqual(bytes))
                    {
                        return false;
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(existing);
                }
            }

            File.SetLastWriteTimeUtc(target, DateTime.UtcNow);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Writes <paramref name="bytes"/> to a new temporary file beside <paramref name="target"/> and renames it over the
    /// target; a replaced file keeps its <paramref name="permissions"/> (a script's mode, a private file's 0600).
    /// </summary>
    private static void Replace(string path, string target, ReadOnlySpan<byte> bytes, UnixFileMode? permissions)
    {
        var dir = Path.GetDirectoryName(target)!;
        // Not a secret: the name need only be new (the file is created exclusively); Random.Shared needs no crypto library loaded.
        var temp = Path.Combine(dir, $".{Path.GetFileName(target)}.samperms-{Environment.ProcessId}-{Random.Shared.Next():x8}{TempSuffix}");
        Pending[temp] = 0;
        bool renamed = false;
        try
        {
            using (var handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                // Written and renamed, not synced to the disk: the rename is what makes readers (and a run stopped
                // half way) see the old file or the whole new one; waiting for the disk on every output (about 1 ms
                // each on ext4, most of a batch's time) would only guard regenerable outputs against a power cut.
                RandomAccess.Write(handle, bytes, 0);
            }

            if (permissions is { } mode && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, mode);
            }

            MoveOver(temp, target);
            renamed = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (!Directory.Exists(dir))
            {
                var named = Path.GetDirectoryName(path) is { Length: > 0 } d ? d : dir;
                throw new OutputFileException($"cannot write {path}: directory {named} does not exist", e);
            }

            throw new OutputFileException($"cannot write {path}: {IoErrors.Describe(e)}", e);
        }
        finally
        {
            if (!renamed)
            {
                TryDelete(temp);
            }

            Pending.TryRemove(temp, out _);
        }
    }

    /// <summary>
    /// rename(2) of <paramref name="temp"/> over <paramref name="target"/> (File.Move first examines both paths, three
    /// more system calls per output); where that is not available or fails, File.Move, which says why.
    /// </summary>
    private static void MoveOver(string temp, string target)
    {
        if (!OperatingSystem.IsWindows())
        {
            try
            {
                if (Rename(temp, target) == 0)
                {
                    return;
                }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
            }
        }

        File.Move(temp, target, overwrite: true);
    }

    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int Rename([MarshalAs(UnmanagedType.LPUTF8Str)] string from, [MarshalAs(UnmanagedType.LPUTF8Str)] string to);

    /// <summary>Ctrl-C or SIGTERM while a file is being written: remove the temporary file, then end as the signal says.</summary>
    private static PosixSignalRegistration[] RegisterCleanup()
    {
        try
        {
            return [PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => CleanUp()), PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => CleanUp())];
        }
        catch (PlatformNotSupportedException)
        {
            return [];
        }
    }

    private static void CleanUp()
    {
        foreach (var temp in Pending.Keys)
        {
            TryDelete(temp);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
