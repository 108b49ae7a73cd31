using System.Security.Cryptography;
using System.Text;
using SamPerms.Model;
using SamPerms.Model.Py27;

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
        var bytes = SHA1.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(bytes);
    }
}
