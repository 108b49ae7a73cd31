using System.Globalization;
using System.Text;
using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Text;

namespace SamPerms.Yaml;

/// <summary>
/// A small strict JSON parser that keeps line and column on every value and types numbers the JSON way.
/// Iterative over containers, so nesting is bounded by the limits and never by the stack.
/// </summary>
internal sealed class JsonTemplateParser(string text, ReaderLimits limits)
{
    private readonly List<Diagnostic> _diagnostics = [];
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private int _count;

    public ReadResult Parse()
    {
        try
        {
            SkipWs();
            var root = ParseValue();
            SkipWs();
            if (_pos < text.Length)
            {
                throw Error("unexpected text after the JSON document");
            }

            return new ReadResult(root, _diagnostics);
        }
        catch (JsonSyntax ex)
        {
            _diagnostics.Add(ex.Diagnostic);
            return new ReadResult(null, _diagnostics);
        }
    }

    /// <summary>Where a member's value starts in the text: position, line and the position its line starts at.</summary>
    internal readonly record struct Member(string Key, int Pos, int Line, int LineStart);

    /// <summary>
    /// The members of a top-level JSON object, each with where its value starts, without building the values (they
    /// are skipped); null when the text is not an object. For a table read one member at a time.
    /// </summary>
    internal List<Member>? Members()
    {
        SkipWs();
        if (_pos >= text.Length || text[_pos] != '{')
        {
            return null;
        }

        _pos++;
        var members = new List<Member>();
        while (true)
        {
            SkipWs();
            if (_pos < text.Length && text[_pos] == '}' && members.Count == 0)
            {
                return members;
            }

            if (_pos >= text.Length || text[_pos] != '"')
            {
                throw Error("expected a string key");
            }

            var key = ReadString();
            SkipWs();
            if (_pos >= text.Length || text[_pos] != ':')
            {
                throw Error("expected ':' after the key");
            }

            _pos++;
            SkipWs();
            members.Add(new Member(key, _pos, _line, _lineStart));
            SkipValue();
            SkipWs();
            if (_pos < text.Length && text[_pos] == ',')
            {
                _pos++;
                continue;
            }

            if (_pos < text.Length && text[_pos] == '}')
            {
                return members;
            }

            throw Error("expected ',' or '}'");
        }
    }

    /// <summary>The value of one member <see cref="Members"/> found: the same nodes, spans included, as a parse of the whole text gives.</summary>
    internal Node ParseMember(Member member)
    {
        (_pos, _line, _lineStart) = (member.Pos, member.Line, member.LineStart);
        return ParseValue();
    }

    /// <summary>Moves past one value (containers whole), counting lines; strings are not built.</summary>
    private void SkipValue()
    {
        int depth = 0;
        do
        {
            SkipWs();
            if (_pos >= text.Length)
            {
                throw Error("unexpected end of file");
            }

            char c = text[_pos];
            if (c == '"')
            {
                _pos++;
                while (_pos < text.Length && text[_pos] != '"')
                {
                    _pos += text[_pos] == '\\' ? 2 : 1;
                }

                _pos++;
            }
            else if (c is '{' or '[')
            {
                depth++;
                _pos++;
            }
            else if (c is '}' or ']')
            {
                depth--;
                _pos++;
            }
            else if (c is ',' or ':')
            {
                _pos++;
            }
            else
            {
                int begin = _pos;
                while (_pos < text.Length && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] is '-' or '+' or '.'))
                {
                    _pos++;
                }

                if (_pos == begin)
                {
                    throw Error($"unexpected character '{c}'");
                }
            }
        }
        while (depth > 0);
    }

    private Node ParseValue()
    {
        // Containers are built with an explicit stack: (container, pending key, key span).
        var stack = new Stack<(Node Container, string? Key, SourceSpan KeySpan, Dictionary<string, SourceSpan>? Seen)>();
        Node? result = null;
        while (true)
        {
            SkipWs();
            Node? value = null;
            var start = Here();
            if (_pos >= text.Length)
            {
                throw Error("unexpected end of file");
            }

            char c = text[_pos];
            if (c == '{' || c == '[')
            {
                _pos++;
                if (stack.Count >= limits.MaxDepth)
                {
                    throw new JsonSyntax(DiagnosticCatalog.TooDeep(limits.MaxDepth, start));
                }

                Node container = c == '{' ? new MapNode { Span = start } : new SeqNode { Span = start };
                Bump(start);
                SkipWs();
                if (_pos < text.Length && text[_pos] == (c == '{' ? '}' : ']'))
                {
                    _pos++;
                    value = Close(container);
                }
                else
                {
                    stack.Push((container, null, default, null));
                    if (c == '{')
                    {
                        ReadKey(stack);
                    }

                    continue;
                }
            }
            else
            {
                value = ParseScalar();
                Bump(value.Span);
            }

            // Attach the value, then close as many containers as end here.
            while (true)
            {
                if (stack.Count == 0)
                {
                    result = value;
                    return result;
                }

                var (container, key, keySpan, seen) = stack.Pop();
                if (container is MapNode map)
                {
                    seen ??= new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
                    if (seen.TryGetValue(key!, out var first))
                    {
                        _diagnostics.Add(DiagnosticCatalog.Duplicate(key!, keySpan, first));
                        map.Set(key!, value!);
                    }
                    else
                    {
                        seen[key!] = keySpan;
                        map.Add(key!, value!, keySpan);
                    }
                }
                else
                {
                    ((SeqNode)container).Add(value!);
                }

                SkipWs();
                if (_pos >= text.Length)
                {
                    throw Error("unexpected end of file");
                }

                char d = text[_pos];
                char closer = container is MapNode ? '}' : ']';
                if (d == ',')
                {
                    _pos++;
                    stack.Push((container, null, default, seen));
                    if (container is MapNode)
                    {
                        ReadKey(stack);
                    }

                    break;
                }

                if (d == closer)
                {
                    _pos++;
                    value = Close(container);
                    continue;
                }

                throw Error($"expected ',' or '{closer}'");
            }
        }
    }

    private Node Close(Node container)
    {
        var end = Here();
        container.Span = container.Span with { EndLine = end.Line, EndColumn = end.Column };
        return container;
    }

    private void ReadKey(Stack<(Node Container, string? Key, SourceSpan KeySpan, Dictionary<string, SourceSpan>? Seen)> stack)
    {
        SkipWs();
        var keyStart = Here();
        if (_pos >= text.Length || text[_pos] != '"')
        {
            throw Error("expected a string key");
        }

        var key = ReadString();
        SkipWs();
        if (_pos >= text.Length || text[_pos] != ':')
        {
            throw Error("expected ':' after the key");
        }

        _pos++;
        var top = stack.Pop();
        stack.Push((top.Container, key, keyStart, top.Seen));
    }

    private Node ParseScalar()
    {
        var start = Here();
        char c = text[_pos];
        if (c == '"')
        {
            var s = ReadString();
            return new StringNode(s) { Span = start with { EndLine = _line, EndColumn = _pos - _lineStart + 1 } };
        }

        int begin = _pos;
        while (_pos < text.Length && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] is '-' or '+' or '.'))
        {
            _pos++;
        }

        var word = text[begin.._pos];
        if (word.Length == 0)
        {
            throw Error($"unexpected character '{c}'");
        }

        if (word is "true" or "false" or "null" || IsJsonNumber(word))
        {
            return ScalarResolver.ResolveJson(word, start with { EndLine = _line, EndColumn = _pos - _lineStart + 1 });
        }

        _pos = begin;
        throw Error($"invalid value '{word}'");
    }

    private static bool IsJsonNumber(string w) =>
        double.TryParse(w, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && (char.IsAsciiDigit(w[0]) || (w[0] == '-' && w.Length > 1 && char.IsAsciiDigit(w[1])));

    private string ReadString()
    {
        _pos++; // opening quote
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= text.Length)
            {
                throw Error("unterminated string");
            }

            char c = text[_pos++];
            if (c == '"')
            {
                return sb.ToString();
            }

            if (c == '\n')
            {
                _pos--;
                throw Error("unterminated string (newline inside a string)");
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (_pos >= text.Length)
            {
                throw Error("unterminated string");
            }

            char e = text[_pos++];
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (_pos + 4 > text.Length || !int.TryParse(text.AsSpan(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                    {
                        throw Error("invalid \\u escape");
                    }

                    sb.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    _pos -= 2;
                    throw Error($"invalid escape '\\{e}'");
            }
        }
    }

    private void SkipWs()
    {
        while (_pos < text.Length)
        {
            char c = text[_pos];
            if (c == '\n')
            {
                _line++;
                _lineStart = _pos + 1;
            }
            else if (c is not (' ' or '\t' or '\r'))
            {
                return;
            }

            _pos++;
        }
    }

    private SourceSpan Here() => new(_line, _pos - _lineStart + 1, _line, _pos - _lineStart + 1);

    private void Bump(SourceSpan at)
    {
        if (++_count > limits.MaxNodes)
        {
            throw new JsonSyntax(DiagnosticCatalog.TooLarge($"the document has more than {limits.MaxNodes} values", at));
        }
    }

    private JsonSyntax Error(string message) => new(DiagnosticCatalog.Syntax(message, Here()));

    private sealed class JsonSyntax(Diagnostic diagnostic) : Exception(diagnostic.Message)
    {
        public Diagnostic Diagnostic { get; } = diagnostic;
    }
}
