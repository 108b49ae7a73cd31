using System.Text;
using Microsoft.Win32.SafeHandles;

namespace SamPerms.Cli.Io;

/// <summary>
/// The process's stdout and stderr as writers that report every failure. The console classes of .NET pretend a
/// write to a closed pipe succeeded; a stream over the descriptor itself says EPIPE (and ENOSPC, EBADF).
/// </summary>
public static class StandardStreams
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static TextWriter Open(int descriptor)
    {
        Stream stream = OperatingSystem.IsWindows()
            ? Console(descriptor)
            : new FileStream(new SafeFileHandle(descriptor, ownsHandle: false), FileAccess.Write, bufferSize: 0);

        // A regular file (`> out.txt`) is seekable: a FileStream would write at offsets of its own and leave the
        // descriptor's shared offset behind, so the shell's next write (`{ a; b; } > out.txt`) would overwrite this
        // output. The console stream writes at the shared offset, and reports ENOSPC; EPIPE only happens on pipes.
        if (stream.CanSeek)
        {
            stream.Dispose();
            stream = Console(descriptor);
        }
        return new StreamWriter(stream, Utf8, bufferSize: 16 * 1024) { AutoFlush = true, NewLine = "\n" };
    }

    private static Stream Console(int descriptor) =>
        descriptor == 1 ? System.Console.OpenStandardOutput() : System.Console.OpenStandardError();
}
