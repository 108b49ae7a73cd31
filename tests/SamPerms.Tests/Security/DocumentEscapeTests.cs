using System.Text;
using SamPerms.Output.Escaping;

namespace SamPerms.Tests.Security;

/// <summary>
/// A text report is escaped as a document from its builder, chunk by chunk: lines that run over from one chunk into
/// the next are escaped as whole lines, and a report with nothing to escape is not copied.
/// </summary>
public sealed class DocumentEscapeTests
{
    // Each line as written and as a document shows it.
    private static readonly (string Raw, string Shown)[] Lines =
    [
        ("plain line", "plain line"),
        ("  ::add-mask::secret", "  \\u003a:add-mask::secret"),
        ("bell \u0007 here", "bell \\u0007 here"),
        ("##[set-env name=A;]", "##\\u005bset-env name=A;]"),
        ("tab\tand return\r", "tab\\tand return\\r"),
        (": one colon is fine", ": one colon is fine"),
    ];

    [Fact]
    public void Every_control_character_and_only_those_gets_a_value_or_a_document_escaped()
    {
        for (int c = char.MinValue; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            if (char.IsSurrogate(ch))
            {
                continue;
            }

            var text = "a" + ch + "b";
            bool control = TextEscape.IsControl(ch);
            Assert.True(control == (TextEscape.Value(text) != text), $"U+{c:X4} in a value");
            if (ch != '\n')
            {
                Assert.True(control == (TextEscape.Document(text) != text), $"U+{c:X4} in a document");
            }
        }
    }

    [Fact]
    public void Lines_across_chunks_are_escaped_whole()
    {
        var built = new StringBuilder();
        var expected = new StringBuilder();
        for (int i = 0; i < 4000; i++)
        {
            var (raw, shown) = Lines[i % Lines.Length];
            var pad = new string('.', i % 37); // lines of varying length fall across the builder's chunk ends
            built.Append(i % 5 == 0 ? raw.TrimStart() : raw).Append(pad).Append('\n');
            expected.Append(i % 5 == 0 ? shown.TrimStart() : shown).Append(pad).Append('\n');
        }

        built.Append("  ::last line without a break");
        expected.Append("  \\u003a:last line without a break");
        int chunks = 0;
        foreach (var _ in built.GetChunks())
        {
            chunks++;
        }

        Assert.True(chunks > 4, "the text spans several chunks");

        Assert.Equal(expected.ToString(), TextEscape.Document(built).ToString());
        Assert.Equal(expected.ToString(), TextEscape.Document(built.ToString()));
    }

    [Fact]
    public void A_clean_report_is_the_builder_itself()
    {
        var built = new StringBuilder();
        for (int i = 0; i < 5000; i++)
        {
            built.Append("Fn").Append(i).Append(": may call s3:GetObject on arn:aws:s3:::bucket/*\n");
        }

        Assert.Same(built, TextEscape.Document(built));
    }
}
