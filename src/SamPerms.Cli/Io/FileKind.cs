using System.Runtime.InteropServices;

namespace SamPerms.Cli.Io;

/// <summary>What a path names, as far as writing to it goes.</summary>
public enum FileKindValue
{
    Missing,
    Regular,
    Directory,

    /// <summary>A character device (/dev/null, a terminal), a FIFO or a socket: written in place, never replaced.</summary>
    Special,
}

/// <summary>
/// The kind of file a path names, after following symbolic links (stat(2)); .NET tells a regular file from a
/// device or a FIFO nowhere in its public API.
/// </summary>
public static class FileKind
{
    private const uint TypeMask = 0xF000;
    private const uint Regular = 0x8000;
    private const uint Directory = 0x4000;

    public static FileKindValue Of(string path)
    {
        if (System.IO.Directory.Exists(path))
        {
            return FileKindValue.Directory;
        }

        if (!File.Exists(path))
        {
            return FileKindValue.Missing;
        }

        if (OperatingSystem.IsWindows())
        {
            var name = Path.GetFileNameWithoutExtension(path).ToUpperInvariant();
            return name is "NUL" or "CON" or "PRN" or "AUX" || name.StartsWith("COM", StringComparison.Ordinal) || name.StartsWith("LPT", StringComparison.Ordinal)
                ? FileKindValue.Special
                : FileKindValue.Regular;
        }

        return Mode(path) is { } mode
            ? (mode & TypeMask) switch
            {
                Regular => FileKindValue.Regular,
                Directory => FileKindValue.Directory,
                _ => FileKindValue.Special,
            }
            : Guess(path);
    }

    /// <summary>Where stat(2) cannot be called: device and process file systems are special, the rest regular.</summary>
    private static FileKindValue Guess(string path)
    {
        var full = Path.GetFullPath(path);
        return full.StartsWith("/dev/", StringComparison.Ordinal) || full.StartsWith("/proc/", StringComparison.Ordinal)
            ? FileKindValue.Special
            : FileKindValue.Regular;
    }

    /// <summary>st_mode of the file (links followed), or null when this platform's layout is not known here.</summary>
    private static uint? Mode(string path)
    {
        // struct stat: Linux x86-64 has st_mode at byte 24, arm64 (the generic layout) at 16; macOS a 16-bit st_mode at 4.
        int? offset = OperatingSystem.IsLinux()
            ? RuntimeInformation.ProcessArchitecture switch { Architecture.X64 => 24, Architecture.Arm64 => 16, _ => null }
            : OperatingSystem.IsMacOS() ? 4 : null;
        if (offset is not { } at)
        {
            return null;
        }

        var buffer = new byte[256];
        try
        {
            int rc;
            try
            {
                rc = Stat(path, buffer);
            }
            catch (EntryPointNotFoundException)
            {
                // glibc before 2.33 exports stat(2) only as __xstat (version 1 on x86-64, 0 elsewhere).
                rc = XStat(RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 1 : 0, path, buffer);
            }

            if (rc != 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        return OperatingSystem.IsMacOS() ? BitConverter.ToUInt16(buffer, at) : BitConverter.ToUInt32(buffer, at);
    }

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);

    [DllImport("libc", EntryPoint = "__xstat", SetLastError = true)]
    private static extern int XStat(int version, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
}
