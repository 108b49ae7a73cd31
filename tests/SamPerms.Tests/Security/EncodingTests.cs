using System.Text;
using SamPerms.Output;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Security;

/// <summary>
/// Whatever encoding a template is in (UTF-8 with or without BOM, UTF-16 or UTF-32 with a BOM, either byte
/// order), <c>validate</c> reports the same line and column, prints the source line as text (no NUL bytes), and
/// puts the carets under the span — a wide character before it taking two columns.
/// </summary>
public sealed class EncodingTests
{
    private const string Template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: a.b
              InlineCode: x
              Policies:
                - Statement:
                    - {Sid: "é€😀漢x", Effect: Allow, Action: "*", Resource: "*"}
        """;

    public static TheoryData<string> Encodings() => ["utf-8", "utf-8-bom", "utf-16le", "utf-16be", "utf-32le", "utf-32be"];

    private static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf-8" => new UTF8Encoding(false).GetBytes(text),
        "utf-8-bom" => [0xEF, 0xBB, 0xBF, .. new UTF8Encoding(false).GetBytes(text)],
        "utf-16le" => [0xFF, 0xFE, .. new UnicodeEncoding(false, false).GetBytes(text)],
        "utf-16be" => [0xFE, 0xFF, .. new UnicodeEncoding(true, false).GetBytes(text)],
        "utf-32le" => [0xFF, 0xFE, 0, 0, .. new UTF32Encoding(false, false).GetBytes(text)],
        _ => [0, 0, 0xFE, 0xFF, .. new UTF32Encoding(true, false).GetBytes(text)],
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void The_caret_is_under_the_span_in_every_encoding(string encoding)
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "t.yaml");
        File.WriteAllBytes(path, Encode(Template, encoding));
        var r = CliRunner.Run("validate", path);
        Assert.DoesNotContain('\0', r.Out);
        Assert.Contains("t.yaml:11:54: warning SP3101:", r.Out, StringComparison.Ordinal);

        var lines = r.Out.Split('\n');
        int at = Array.FindIndex(lines, l => l.StartsWith(" 11 | ", StringComparison.Ordinal));
        Assert.True(at >= 0, r.Out);
        var source = lines[at][" 11 | ".Length..];
        var carets = lines[at + 1][" 11 | ".Length..];
        Assert.Equal("            - {Sid: \"é€😀漢x\", Effect: Allow, Action: \"*\", Resource: \"*\"}", source);
        int span = source.IndexOf("\"*\"", StringComparison.Ordinal);
        Assert.Equal(new string(' ', DisplayWidth.Of(source[..span])) + "^^^", carets);
    }
}
