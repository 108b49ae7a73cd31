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
            ? (descriptor == 1 ? Console.OpenStandardOutput() : Console.OpenStandardError())
            : new FileStream(new SafeFileHandle(descriptor, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        return new StreamWriter(stream, Utf8, bufferSize: 16 * 1024) { AutoFlush = true, NewLine = "\n" };
    }
}
