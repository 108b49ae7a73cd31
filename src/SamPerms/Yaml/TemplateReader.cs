using System.Buffers;
using System.Text;
using SamPerms.Diagnostics;
using SamPerms.Text;

namespace SamPerms.Yaml;

/// <summary>
/// Reads a template file (YAML or JSON) into a node tree where every node keeps its line and column.
/// Never throws on bad input: every problem becomes a diagnostic.
/// </summary>
public static class TemplateReader
{
    /// <summary>Characters the reference's reader accepts that need no closer look: printable ASCII, tab, CR and LF.</summary>
    private static readonly SearchValues<char> PlainText = SearchValues.Create("\t\n\r" + string.Concat(Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c)));

    public static ReadResult Read(byte[] bytes, ReaderLimits? limits = null)
    {
        limits ??= ReaderLimits.Default;
        if (bytes.Length > limits.MaxBytes)
        {
            return Refused(TooLarge(bytes.Length, limits));
        }

        var text = Decode(bytes, out var encodingError);
        if (text is null)
        {
            return Fail(encodingError!);
        }

        return ReadText(text, limits);
    }

    public static ReadResult ReadText(string text, ReaderLimits? limits = null)
    {
        limits ??= ReaderLimits.Default;
        if (NonPrintable(text) is { } bad)
        {
            return Fail(bad);
        }

        var result = Parse(text, limits);
        if (result.Root is null && result.Diagnostics.Count == 0)
        {
            // Only blank lines or comments: there is no template at all.
            return Fail(DiagnosticCatalog.NotTemplate("the file holds no document; a template must be a mapping with a Resources section", new SourceSpan(1, 1, 1, 1)));
        }

        return result;
    }

    private static ReadResult Parse(string text, ReaderLimits limits)
    {
        if (LooksLikeJson(text))
        {
            var json = new JsonTemplateParser(text, limits).Parse();
            if (json.Succeeded || LooksLikeStrictJson(text))
            {
                return json;
            }

            // Flow-style YAML ({Resources: ...}) starts with '{' too: read it as YAML.
            return new YamlTreeBuilder(BlockScalarBlankLines.Normalize(text), limits).Build();
        }

        return new YamlTreeBuilder(BlockScalarBlankLines.Normalize(text), limits).Build();
    }

    /// <summary>
    /// The first character the reference's YAML reader refuses (control characters other than tab and line
    /// breaks, and unpaired surrogates), as PyYAML's "unacceptable character ... special characters are not allowed".
    /// </summary>
    private static Diagnostic? NonPrintable(string text)
    {
        // Almost every template is printable ASCII, tabs and line breaks: one vectorized search says so.
        if (text.AsSpan().IndexOfAnyExcept(PlainText) < 0)
        {
            return null;
        }

        int line = 1, col = 1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool ok = c is '\t' or '\n' or '\r' or '\u0085' or (>= ' ' and <= '~') or (>= '\u00A0' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD')
                || (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]));
            if (!ok && !(i == 0 && c == '\uFEFF'))
            {
                var span = new SourceSpan(line, col, line, col + 1);
                return DiagnosticCatalog.Syntax($"unacceptable character #x{(int)c:X4}: special characters are not allowed", span);
            }

            if (char.IsHighSurrogate(c))
            {
                i++;
            }

            if (c == '\n')
            {
                line++;
                col = 1;
            }
            else
            {
                col++;
            }
        }

        return null;
    }

    /// <summary>'{' followed by a quoted key or '}': JSON, whose errors are reported as JSON errors.</summary>
    private static bool LooksLikeStrictJson(string text)
    {
        var t = text.TrimStart();
        var rest = t[1..].TrimStart();
        return rest.Length == 0 || rest[0] is '"' or '}';
    }

    private static bool LooksLikeJson(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                return c == '{';
            }
        }

        return false;
    }

    private static ReadResult Fail(Diagnostic d) => new(null, [d]);

    /// <summary>The result of an input refused before it was read (<see cref="TooLarge"/>).</summary>
    public static ReadResult Refused(Diagnostic refusal) => Fail(refusal);

    /// <summary>
    /// SP1005 for an input over <see cref="ReaderLimits.MaxBytes"/>, decided from its length before it is read;
    /// <paramref name="length"/> is null when only "more than the limit" is known (standard input stops there).
    /// </summary>
    public static Diagnostic TooLarge(long? length, ReaderLimits? limits = null)
    {
        var max = (limits ?? ReaderLimits.Default).MaxBytes;
        var size = length is { } n ? $"the file is {n} bytes" : $"the input is more than {max} bytes";
        return DiagnosticCatalog.TooLarge($"{size}; SamPerms reads at most {max} bytes", new SourceSpan(1, 1, 1, 1));
    }

    /// <summary>The text of a template file as the reader decodes it (null when it is not valid in its encoding).</summary>
    public static string? DecodeText(byte[] bytes) => Decode(bytes, out _);

    /// <summary>UTF-8 (with or without BOM), UTF-16 or UTF-32 with a BOM; anything else is refused at the first bad byte.</summary>
    private static string? Decode(byte[] bytes, out Diagnostic? error)
    {
        error = null;
        if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xFE && bytes[2] == 0 && bytes[3] == 0)
        {
            return new UTF32Encoding(bigEndian: false, byteOrderMark: false).GetString(bytes, 4, bytes.Length - 4);
        }

        if (bytes.Length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF)
        {
            return new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetString(bytes, 4, bytes.Length - 4);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }

        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        try
        {
            return strict.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            int bad = start + Math.Max(0, ex.Index);
            bad = FirstInvalidUtf8(bytes, start) ?? bad;
            int line = 1, col = 1;
            for (int i = start; i < bad; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    line++;
                    col = 1;
                }
                else if ((bytes[i] & 0xC0) != 0x80)
                {
                    col++;
                }
            }

            error = DiagnosticCatalog.Encoding($"the file is not valid UTF-8: byte 0x{bytes[bad]:X2} at offset {bad}", new SourceSpan(line, col, line, col + 1));
            return null;
        }
    }

    private static int? FirstInvalidUtf8(byte[] b, int i)
    {
        while (i < b.Length)
        {
            byte c = b[i];
            int n = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
            if (n < 0 || (n == 1 && c < 0xC2))
            {
                return i;
            }

            for (int k = 1; k <= n; k++)
            {
                if (i + k >= b.Length || (b[i + k] & 0xC0) != 0x80)
                {
                    return i;
                }
            }

            i += n + 1;
        }

        return null;
    }
}
