using System.Text;

namespace SamPerms.Model.Py27;

/// <summary>
/// Python 2.7's string hash (stringobject.c string_hash), which decides the iteration order of Python 2.7 dicts.
/// The reference emulates it (third_party/py27hash) so that API definitions keep the key order, and therefore
/// the deployment hash, they had when SAM ran on Python 2.7.
/// </summary>
public static class Py27Hash
{
    /// <summary>The hash as the unsigned word the dict probing uses (ctypes.c_size_t of the C long).</summary>
    public static ulong OfString(string value)
    {
        if (value.Length == 0)
        {
            return 0;
        }

        // Python iterates code points; multiplication and xor only need the low 64 bits, so wrap-around is exact.
        // Without surrogate pairs every char is a code point: the common case needs no rune decoding.
        if (!value.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            ulong h = (ulong)value[0] << 7;
            foreach (var ch in value)
            {
                h = unchecked((1000003UL * h) ^ ch);
            }

            h ^= (ulong)value.Length;
            return h == ulong.MaxValue ? ulong.MaxValue - 1 : h;
        }

        ulong x = 0;
        ulong length = 0;
        bool first = true;
        foreach (var rune in value.EnumerateRunes())
        {
            ulong c = (ulong)rune.Value;
            if (first)
            {
                x = c << 7;
                first = false;
            }

            x = unchecked((1000003UL * x) ^ c);
            length++;
        }

        x ^= length;

        // A C long of -1 is reserved for errors and becomes -2.
        if (x == ulong.MaxValue)
        {
            x = ulong.MaxValue - 1;
        }

        return x;
    }
}
