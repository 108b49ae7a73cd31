using System.Buffers.Binary;
using System.Numerics;

namespace SamPerms.Text;

/// <summary>
/// SHA-1 (FIPS 180-4), fed piece by piece. SAM names generated resources after the SHA-1 of their data (an API
/// deployment, a layer version); this managed one spares a process the loading of the platform's crypto library
/// (OpenSSL on Linux: a few milliseconds, most of one template's transform) for a few hashes of short texts.
/// It is not used for anything secret.
/// </summary>
public sealed class Sha1
{
    public const int HashSize = 20;

    private readonly uint[] _state = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0];
    private readonly byte[] _block = new byte[64];
    private int _filled;
    private long _length;

    /// <summary>The SHA-1 of <paramref name="data"/>.</summary>
    public static byte[] HashData(ReadOnlySpan<byte> data)
    {
        var sha = new Sha1();
        sha.Append(data);
        return sha.Finish();
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        _length += data.Length;
        if (_filled > 0)
        {
            int take = Math.Min(64 - _filled, data.Length);
            data[..take].CopyTo(_block.AsSpan(_filled));
            _filled += take;
            data = data[take..];
            if (_filled < 64)
            {
                return;
            }

            Compress(_block);
            _filled = 0;
        }

        while (data.Length >= 64)
        {
            Compress(data[..64]);
            data = data[64..];
        }

        data.CopyTo(_block);
        _filled = data.Length;
    }

    /// <summary>The hash of everything appended (the object is not to be used afterwards).</summary>
    public byte[] Finish()
    {
        long bits = _length * 8;
        Span<byte> pad = stackalloc byte[72];
        pad.Clear();
        pad[0] = 0x80;
        int padLength = (_filled < 56 ? 56 : 120) - _filled;
        BinaryPrimitives.WriteInt64BigEndian(pad[padLength..], bits);
        long length = _length;
        Append(pad[..(padLength + 8)]);
        _length = length;

        var hash = new byte[HashSize];
        for (int i = 0; i < 5; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(hash.AsSpan(4 * i), _state[i]);
        }

        return hash;
    }

    private void Compress(ReadOnlySpan<byte> block)
    {
        Span<uint> w = stackalloc uint[80];
        for (int t = 0; t < 16; t++)
        {
            w[t] = BinaryPrimitives.ReadUInt32BigEndian(block.Slice(4 * t, 4));
        }

        for (int t = 16; t < 80; t++)
        {
            w[t] = BitOperations.RotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
        }

        uint a = _state[0], b = _state[1], c = _state[2], d = _state[3], e = _state[4];
        for (int t = 0; t < 80; t++)
        {
            uint f = t switch // the round's function, plus its constant
            {
                < 20 => ((b & c) | (~b & d)) + 0x5A827999,
                < 40 => (b ^ c ^ d) + 0x6ED9EBA1,
                < 60 => ((b & c) | (b & d) | (c & d)) + 0x8F1BBCDC,
                _ => (b ^ c ^ d) + 0xCA62C1D6,
            };
            uint temp = BitOperations.RotateLeft(a, 5) + f + e + w[t];
            e = d;
            d = c;
            c = BitOperations.RotateLeft(b, 30);
            b = a;
            a = temp;
        }

        _state[0] += a;
        _state[1] += b;
        _state[2] += c;
        _state[3] += d;
        _state[4] += e;
    }
}
