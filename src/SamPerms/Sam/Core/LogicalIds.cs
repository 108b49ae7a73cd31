using System.Buffers;
using System.Text;
using SamPerms.Model;
using SamPerms.Model.Py27;
using SamPerms.Text;

namespace SamPerms.Sam.Core;

/// <summary>
/// SAM's stable logical ids: a prefix plus the first 10 hex digits of the SHA-1 of the data, where data that
/// is not a string is hashed as Python's compact, key-sorted json.dumps text.
/// </summary>
public static class LogicalIds
{
    public const int HashLength = 10;

    public static string Generate(string prefix, Node? data = null, string? dataHash = null) =>
        prefix + Hash(data, dataHash);

    public static string Hash(Node? data, string? dataHash = null, int length = HashLength)
    {
        if (!string.IsNullOrEmpty(dataHash))
        {
            return dataHash.Length <= length ? dataHash : dataHash[..length];
        }

        if (!Py.Truthy(data))
        {
            return "";
        }

        var text = data is StringNode s ? s.Value : PyJson.Dumps(data!, sortKeys: true, compact: true);
        return Sha1Hex(text)[..length];
    }

    public static string Sha1Hex(string text)
    {
        var bytes = Sha1.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>
    /// <see cref="Sha1Hex(string)"/> of the builder's text, encoded and hashed piece by piece: an API definition's
    /// text can be megabytes, and as one string, then one byte array, it would be garbage twice over at once.
    /// </summary>
    public static string Sha1Hex(StringBuilder text)
    {
        var hash = new Sha1();
        var encoder = Encoding.UTF8.GetEncoder(); // keeps a surrogate pair split between two pieces whole
        const int piece = 8192;
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(piece));
        try
        {
            foreach (var chunk in text.GetChunks())
            {
                var chars = chunk.Span;
                while (!chars.IsEmpty)
                {
                    var part = chars[..Math.Min(piece, chars.Length)];
                    encoder.Convert(part, buffer, flush: false, out int used, out int written, out _);
                    hash.Append(buffer.AsSpan(0, written));
                    chars = chars[used..];
                }
            }

            encoder.Convert([], buffer, flush: true, out _, out int last, out _);
            hash.Append(buffer.AsSpan(0, last));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return Convert.ToHexStringLower(hash.Finish());
    }
}
