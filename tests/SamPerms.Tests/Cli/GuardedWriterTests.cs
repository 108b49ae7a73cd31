using System.Text;
using SamPerms.Cli.Io;

namespace SamPerms.Tests.Cli;

/// <summary>A builder's text reaches the stream whole: concealed values are found across its chunks, and nothing is lost.</summary>
public sealed class GuardedWriterTests
{
    [Fact]
    public void A_concealed_value_split_between_chunks_is_concealed()
    {
        var text = new StringBuilder(10).Append("0123456SEC").Append("RET and SECRET");
        int chunks = 0;
        foreach (var _ in text.GetChunks())
        {
            chunks++;
        }

        Assert.True(chunks > 1, "the value should span two chunks");
        var sink = new StringWriter();
        var writer = new GuardedWriter(sink, "standard output");
        writer.Conceal(["SECRET"]);
        writer.Write(text);
        Assert.Equal("0123456**** and ****", sink.ToString());
    }

    [Fact]
    public void A_builder_of_many_chunks_is_written_in_order()
    {
        var text = new StringBuilder(16);
        for (int i = 0; i < 5000; i++)
        {
            text.Append(i).Append(',');
        }

        var sink = new StringWriter();
        new GuardedWriter(sink, "standard output").Write(text);
        Assert.Equal(text.ToString(), sink.ToString());
    }
}
