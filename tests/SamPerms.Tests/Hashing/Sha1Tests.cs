using System.Security.Cryptography;
using System.Text;
using SamPerms.Sam.Core;

namespace SamPerms.Tests.Hashing;

/// <summary>SamPerms' own SHA-1 gives the platform's hash, whole or fed in pieces of any size, for every padding case.</summary>
public sealed class Sha1Tests
{
    [Fact]
    public void Known_answers()
    {
        Assert.Equal("da39a3ee5e6b4b0d3255bfef95601890afd80709", Hex(SamPerms.Text.Sha1.HashData([])));
        Assert.Equal("a9993e364706816aba3e25717850c26c9cd0d89d", Hex(SamPerms.Text.Sha1.HashData("abc"u8)));
        Assert.Equal("84983e441c3bd26ebaae4aa1f95129e5e54670f1", Hex(SamPerms.Text.Sha1.HashData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"u8)));
    }

    [Fact]
    public void Agrees_with_the_platform_for_every_length_and_split()
    {
        var random = new Random(7);
        for (int length = 0; length < 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            var expected = SHA1.HashData(data);
            Assert.Equal(expected, SamPerms.Text.Sha1.HashData(data));

            var sha = new SamPerms.Text.Sha1();
            var rest = data.AsSpan();
            while (!rest.IsEmpty)
            {
                int piece = Math.Min(rest.Length, random.Next(1, 80));
                sha.Append(rest[..piece]);
                rest = rest[piece..];
            }

            Assert.True(expected.AsSpan().SequenceEqual(sha.Finish()), $"length {length} in pieces");
        }
    }

    [Fact]
    public void Logical_ids_hash_a_long_text_as_the_platform_does()
    {
        var text = new StringBuilder();
        for (int i = 0; i < 3000; i++)
        {
            text.Append("path ").Append(i).Append(" \u00e9\U0001F600 ");
        }

        Assert.Equal(Hex(SHA1.HashData(Encoding.UTF8.GetBytes(text.ToString()))), LogicalIds.Sha1Hex(text));
        Assert.Equal(Hex(SHA1.HashData(Encoding.UTF8.GetBytes(text.ToString()))), LogicalIds.Sha1Hex(text.ToString()));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
