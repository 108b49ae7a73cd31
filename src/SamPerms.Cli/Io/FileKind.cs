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

    /// <summary>A symbolic link (only from <see cref="FileKind.Probe"/> when it does not follow links).</summary>
    Link,
}

/// <summary>What one stat(2) of a path says: its kind and, for an existing file, its permission bits.</summary>
public readonly record struct FileProbe(FileKindValue Kind, UnixFileMode Permissions);

/// <summary>
/// The kind of file a path names, from one system call where the platform allows (stat(2) or lstat(2)); .NET tells
/// a regular file from a device or a FIFO nowhere in its public API. A batch writes hundreds of outputs: each probe
/// that is one call instead of four (Directory.Exists, File.Exists, the mode, the link target) counts.
/// </summary>
public static class FileKind
{
    private const uint TypeMask = 0xF000;
    private const uint RegularType = 0x8000;
    private const uint DirectoryType = 0x4000;
    private const uint LinkType = 0xA000;
    private const uint PermissionMask = 0xFFF;

    /// <summary>
    /// Kind and permissions of <paramref name="path"/>: with <paramref name="followLinks"/> false a symbolic link is
    /// <see cref="FileKindValue.Link"/> (lstat(2)), else the file it ends at (stat(2)).
    /// </summary>
    public static FileProbe Probe(string path, bool followLinks)
    {
        if (TryStat(path, followLinks, out var mode))
        {
            var kind = mode switch
            {
                null => FileKindValue.Missing,
                { } m => (m & TypeMask) switch
                {
                    RegularType => FileKindValue.Regular,
                    DirectoryType => FileKindValue.Directory,
                    LinkType => FileKindValue.Link,
                    _ => FileKindValue.Special,
                },
            };
            return new FileProbe(kind, (UnixFileMode)((mode ?? 0) & PermissionMask));
        }

        return Portable(path, followLinks);
    }

    /// <summary>Where stat(2) cannot be called as here: .NET's own view, devices guessed by their folder or name.</summary>
    private static FileProbe Portable(string path, bool followLinks)
    {
        var info = new FileInfo(path);
        if (!followLinks && info.LinkTarget is not null)
        {
            return new FileProbe(FileKindValue.Link, 0);
        }

        if (Directory.Exists(path))
        {
            return new FileProbe(FileKindValue.Directory, 0);
        }

        if (!File.Exists(path))
        {
            return new FileProbe(FileKindValue.Missing, 0);
        }

        var permissions = OperatingSystem.IsWindows() ? 0 : File.GetUnixFileMode(path);
        if (OperatingSystem.IsWindows())
        {
            var name = Path.GetFileNameWithoutExtension(path).ToUpperInvariant();
            return new FileProbe(
                name is "NUL" or "CON" or "PRN" or "AUX" || name.StartsWith("COM", StringComparison.Ordinal) || name.StartsWith("LPT", StringComparison.Ordinal)
                    ? FileKindValue.Special
                    : FileKindValue.Regular,
                permissions);
        }

        var full = Path.GetFullPath(path);
        return new FileProbe(
            full.StartsWith("/dev/", StringComparison.Ordinal) || full.StartsWith("/proc/", StringComparison.Ordinal)
                ? FileKindValue.Special
                : FileKindValue.Regular,
            permissions);
    }

    /// <summary>
    /// st_mode of the file in <paramref name="mode"/>, null when the path names nothing (or cannot be examined: writing
    /// it will say why); false when this platform's layout is not known here (then ask .NET).
    /// </summary>
    private static bool TryStat(string path, bool followLinks, out uint? mode)
    {
        mode = null;
        // struct stat: Linux x86-64 has st_mode at byte 24, arm64 (the generic layout) at 16; macOS a 16-bit st_mode at 4.
        int? offset = OperatingSystem.IsLinux()
            ? RuntimeInformation.ProcessArchitecture switch { Architecture.X64 => 24, Architecture.Arm64 => 16, _ => null }
            : OperatingSystem.IsMacOS() ? 4 : null;
        if (offset is not { } at)
        {
            return false;
        }

        var buffer = new byte[256];
        try
        {
            int rc;
            try
            {
                rc = followLinks ? Stat(path, buffer) : LStat(path, buffer);
            }
            catch (EntryPointNotFoundException)
            {
                // glibc before 2.33 exports stat(2) only as __xstat (version 1 on x86-64, 0 elsewhere).
                int version = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 1 : 0;
                rc = followLinks ? XStat(version, path, buffer) : LXStat(version, path, buffer);
            }

            if (rc != 0)
            {
                return true;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }

        mode = OperatingSystem.IsMacOS() ? BitConverter.ToUInt16(buffer, at) : BitConverter.ToUInt32(buffer, at);
        return true;
    }

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);

    [DllImport("libc", EntryPoint = "lstat", SetLastError = true)]
    private static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);

    [DllImport("libc", EntryPoint = "__xstat", SetLastError = true)]
    private static extern int XStat(int version, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);

    [DllImport("libc", EntryPoint = "__lxstat", SetLastError = true)]
    private static extern int LXStat(int version, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
}
