using System.Reflection;

namespace SamPerms.Data;

/// <summary>Reads the data tables embedded in the assembly (see Data/regenerate.py for how they are derived).</summary>
internal static class EmbeddedData
{
    public static byte[] ReadBytes(string fileName)
    {
        var name = "SamPerms.Data." + fileName;
        using var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded data '{name}' is missing from the build");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>
    /// The table as text, decoded from its bytes in one pass (a reader's ReadToEnd grows a builder block by block and
    /// copies it again at the end, a good part of a one-template command's start).
    /// </summary>
    public static string ReadText(string fileName)
    {
        var bytes = ReadBytes(fileName);
        var text = bytes.AsSpan();
        return System.Text.Encoding.UTF8.GetString(text.StartsWith("\uFEFF"u8) ? text[3..] : text);
    }
}
