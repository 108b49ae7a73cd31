using System.Reflection;

namespace SamPerms.Data;

/// <summary>Reads the data tables embedded in the assembly (see Data/regenerate.py for how they are derived).</summary>
internal static class EmbeddedData
{
    /// <summary>
    /// The table's bytes where the build put them (the assembly's image), read in place: no copy of a megabyte table is
    /// made on the heap (a large object, whose allocation late in a big command sets off a collection of everything).
    /// A copy where the resource is not in memory.
    /// </summary>
    public static ReadOnlyMemory<byte> ReadInPlace(string fileName)
    {
        var name = "SamPerms.Data." + fileName;
        var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded data '{name}' is missing from the build");
        if (stream is UnmanagedMemoryStream unmanaged && unmanaged.Length <= int.MaxValue)
        {
            return new ImageMemory(unmanaged).Memory; // the stream stays open: the image lives as long as the process
        }

        using (stream)
        {
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        }
    }

    /// <summary>Memory over a resource in the loaded image (never freed, never moved).</summary>
    private sealed unsafe class ImageMemory(UnmanagedMemoryStream stream) : System.Buffers.MemoryManager<byte>
    {
        private readonly byte* _start = stream.PositionPointer;
        private readonly int _length = (int)stream.Length;

        public override Span<byte> GetSpan() => new(_start, _length);

        public override System.Buffers.MemoryHandle Pin(int elementIndex = 0) => new(_start + elementIndex);

        public override void Unpin()
        {
        }

        protected override void Dispose(bool disposing)
        {
        }
    }

    /// <summary>
    /// The table as text, decoded from its bytes in one pass (a reader's ReadToEnd grows a builder block by block and
    /// copies it again at the end, a good part of a one-template command's start).
    /// </summary>
    public static string ReadText(string fileName)
    {
        var text = ReadInPlace(fileName).Span;
        return System.Text.Encoding.UTF8.GetString(text.StartsWith("\uFEFF"u8) ? text[3..] : text);
    }
}
