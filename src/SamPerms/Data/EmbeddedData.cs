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

    public static string ReadText(string fileName)
    {
        var name = "SamPerms.Data." + fileName;
        using var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded data '{name}' is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
