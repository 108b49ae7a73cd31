using System.Buffers;
using System.Text;

namespace SamPerms.Yaml;

/// <summary>
/// A YAML reader for the shapes templates are written in: block mappings and sequences, flow collections on a line
/// or over several, plain, quoted and block scalars, tags, comments, LF or CR LF line breaks. It gives exactly the events, values and places
/// YamlDotNet's parser gives (<see cref="YamlDotNetEvents"/>), several times faster and with far less garbage.
/// </summary>
/// <remarks>
/// It never reports an error: for anything outside what it reads with certainty (anchors and aliases, explicit
/// keys, directives but %YAML, several documents, tabs, lone CR line breaks, multi-line quoted scalars, indentation indicators,
/// anything YAML refuses), <see cref="Read"/> returns null and the text is read by YamlDotNet, whose messages
/// SamPerms reports. So what the fast reader gets wrong can only be a case it should have given up on; tests
/// compare both readers' events on every template at hand.
/// </remarks>
internal sealed partial class FastYamlReader
{
    /// <summary>How deep flow collections nest before the reader leaves the text to YamlDotNet.</summary>
    private const int MaxFlowDepth = 64;

    /// <summary>How deep block collections nest before the reader leaves the text to YamlDotNet (it recurses).</summary>
    private const int MaxBlockDepth = 200;

    /// <summary>
    /// Texts longer than this are left to YamlDotNet, which streams its events: the fast reader lists them all first
    /// (about seven bytes per byte of text), which for the biggest inputs SamPerms takes would be hundreds of
    /// megabytes. CloudFormation itself takes templates of at most 1 MB.
    /// </summary>
    private const int MaxLength = 8 << 20;

    /// <summary>Printable ASCII and the line breaks: what templates are written in, found in one vectorized pass.</summary>
    private static readonly SearchValues<char> Ascii = SearchValues.Create(
        "\n\r" + string.Concat(Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c)));

    private readonly string _t;
    private readonly YamlEventList _events = Rent();
    private int _p;          // the current index
    private int _line = 1;   // the current line (1-based)
    private int _lineStart;  // where the current line starts
    private int _depth;
    private bool _inDocument; // past the document's start: a document marker ends the fast reading
    private StringBuilder? _sb;

    private FastYamlReader(string text) => _t = text;

    /// <summary>A thread's event list, kept between texts: a batch reads hundreds of templates per thread.</summary>
    [ThreadStatic]
    private static YamlEventList? t_spare;

    /// <summary>Event lists longer than this are not kept (a huge template's list is let go).</summary>
    private const int SpareCapacity = 1 << 16;

    private static YamlEventList Rent()
    {
        var list = t_spare ?? [];
        t_spare = null;
        return list;
    }

    /// <summary>Gives back the list <see cref="Read"/> returned, once its events are used, for the thread's next text.</summary>
    public static void Return(YamlEventList? events)
    {
        if (events is not null && events.Capacity <= SpareCapacity)
        {
            events.Clear();
            t_spare = events;
        }
    }

    /// <summary>The events of <paramref name="text"/>, or null when the fast reader leaves it to YamlDotNet.</summary>
    public static YamlEventList? Read(string text)
    {
        if (!Takes(text))
        {
            return null;
        }

        var reader = new FastYamlReader(text);
        try
        {
            if (reader.Document())
            {
                return reader._events;
            }
        }
        catch (GiveUp)
        {
        }

        Return(reader._events);
        return null;
    }

    /// <summary>Whether the text is one the reader tries at all (what it reads is decided as it goes).</summary>
    private static bool Takes(string text) =>
        text.Length > 0 && text.Length <= MaxLength && AllReadable(text) && !EndsInBlankLine(text) && !LoneCarriageReturn(text);

    /// <summary>
    /// No character the reader leaves to YamlDotNet: tabs, controls, the line separators U+2028/U+2029, a byte order
    /// mark, surrogates (anything past printable ASCII is looked at one by one, from the first such character).
    /// </summary>
    private static bool AllReadable(string text)
    {
        int first = text.AsSpan().IndexOfAnyExcept(Ascii);
        if (first < 0)
        {
            return true;
        }

        foreach (char c in text.AsSpan(first))
        {
            bool ok = c is '\n' or '\r' or (>= ' ' and <= '~') or (>= '\u00A0' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD');
            if (!ok || c is '\u2028' or '\u2029' or '\uFEFF')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A CR not followed by LF (a line break of its own for YAML): left to YamlDotNet.</summary>
    private static bool LoneCarriageReturn(string text)
    {
        for (int i = text.IndexOf('\r'); i >= 0; i = text.IndexOf('\r', i + 1))
        {
            if (i + 1 >= text.Length || text[i + 1] != '\n')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsYamlDirective(string text) =>
        (text.StartsWith("%YAML 1.1", StringComparison.Ordinal) || text.StartsWith("%YAML 1.2", StringComparison.Ordinal))
        && text.AsSpan(9) is var rest && (rest.StartsWith("\n") || rest.StartsWith("\r\n"));

    /// <summary>
    /// A last line without a line break that holds only spaces (or a comment): YamlDotNet ends the collections
    /// indented deeper than it there, and the others on the line after; the fast reader leaves such texts to it.
    /// </summary>
    private static bool EndsInBlankLine(string text)
    {
        int lastLine = text.LastIndexOf('\n') + 1;
        var last = text.AsSpan(lastLine).TrimStart(' ');
        return lastLine < text.Length && (last.IsEmpty || last[0] == '#');
    }

    /// <summary>
    /// Why the fast reader leaves <paramref name="text"/> to YamlDotNet (the place in the text and the line of the
    /// reader that gave up), or null when it reads it: for tests and for finding what to teach it next.
    /// </summary>
    internal static string? WhyNot(string text)
    {
        if (!Takes(text))
        {
            return "the text is empty or very long, holds a character the fast reader leaves to YamlDotNet or ends in a blank line";
        }

        var reader = new FastYamlReader(text);
        try
        {
            return reader.Document() ? null : $"line {reader._line}: not a block or flow mapping at the root";
        }
        catch (GiveUp g)
        {
            return $"line {reader._line}, column {reader.Col + 1}: {g.Where}";
        }
    }

    /// <summary>Thrown deep in the reader when the text is not one it reads; caught by <see cref="Read"/>.</summary>
    private sealed class GiveUp(string where) : Exception
    {
        public string Where { get; } = where;
    }

    private static GiveUp Unsupported([System.Runtime.CompilerServices.CallerMemberName] string member = "", [System.Runtime.CompilerServices.CallerLineNumber] int line = 0) =>
        new($"{member} (FastYamlReader line {line})");

    private bool Document()
    {
        SkipBlank();
        var at = Here();
        if (Cur == '%')
        {
            // "%YAML 1.1" (or 1.2) before the document's "---" is all a template declares; other directives are left to YamlDotNet.
            if (_p != 0 || !IsYamlDirective(_t))
            {
                return false;
            }

            SkipToLineEnd();
            SkipBlank();
            if (!AtDocumentMarker("---"))
            {
                return false;
            }
        }

        if (AtEnd)
        {
            return false;
        }

        bool explicitStart = AtDocumentMarker("---");
        var after = at;
        if (explicitStart)
        {
            _p += 3;
            after = Here();
            SkipLineRest();
            SkipBlank();
            if (AtEnd)
            {
                return false;
            }
        }

        _events.Add(new YamlEvent(YamlEventKind.DocumentStart, at, after, Explicit: explicitStart));
        _inDocument = true;
        if (Col != 0 || AtDocumentMarker("---") || AtDocumentMarker("..."))
        {
            return false;
        }

        // The root: a block mapping (or a flow mapping alone on its lines), as templates are.
        if (Cur == '{')
        {
            Flow(-1, null, default);
            SkipLineRest();
        }
        else if (KeyAhead())
        {
            BlockMapping(0, null, default);
        }
        else
        {
            return false;
        }

        SkipBlank();
        return AtEnd;
    }

    // ---- positions ----

    private bool AtEnd => _p >= _t.Length;

    private char Cur => _p < _t.Length ? _t[_p] : '\0';

    private char At(int i) => i < _t.Length ? _t[i] : '\0';

    private int Col => _p - _lineStart;

    private YamlMark Here() => new(_line, _p - _lineStart + 1, _p);

    /// <summary>A place on the current line.</summary>
    private YamlMark On(int index) => new(_line, index - _lineStart + 1, index);

    /// <summary>Where YamlDotNet puts the end of the stream (the reader is there): the start of the line after the last one.</summary>
    private YamlMark EndOfStream() => new(_t[^1] == '\n' ? _line : _line + 1, 1, _t.Length);

    /// <summary>Where the next token is (after <see cref="SkipBlank"/>), or the end of the stream.</summary>
    private YamlMark NextTokenMark() => AtEnd ? EndOfStream() : Here();

    private static bool IsBreakOrEnd(char c) => c is '\n' or '\r' or '\0';

    private static bool IsBlankOrEnd(char c) => c is ' ' or '\n' or '\r' or '\0';

    /// <summary>Past the line break at the current place (LF, or CR LF: <see cref="Takes"/> lets no lone CR in).</summary>
    private void NewLine()
    {
        _p += Cur == '\r' ? 2 : 1;
        _line++;
        _lineStart = _p;
    }

    /// <summary>Skips spaces, comments and line breaks up to the next token; document markers make the reader give up.</summary>
    private void SkipBlank()
    {
        while (_p < _t.Length)
        {
            char c = _t[_p];
            if (c == ' ')
            {
                _p++;
            }
            else if (c == '#')
            {
                SkipToLineEnd();
            }
            else if (c is '\n' or '\r')
            {
                NewLine();
            }
            else
            {
                break;
            }
        }

        if (_inDocument && !AtEnd && Col == 0 && (AtDocumentMarker("---") || AtDocumentMarker("...")))
        {
            throw Unsupported();
        }
    }

    private void SkipToLineEnd()
    {
        int nl = _t.IndexOf('\n', _p);
        _p = nl < 0 ? _t.Length : nl > 0 && _t[nl - 1] == '\r' ? nl - 1 : nl;
    }

    /// <summary>After a token: only spaces and a comment may follow on its line.</summary>
    private void SkipLineRest()
    {
        int start = _p;
        SkipSpaces();
        if (Cur == '#' && _p > start)
        {
            SkipToLineEnd();
        }

        if (!IsBreakOrEnd(Cur))
        {
            throw Unsupported();
        }
    }

    private bool AtDocumentMarker(string marker) =>
        Col == 0 && string.CompareOrdinal(_t, _p, marker, 0, 3) == 0 && IsBlankOrEnd(At(_p + 3));

    // ---- block collections ----

    /// <summary>A block mapping whose keys start at column <paramref name="indent"/>; the current place is its first key.</summary>
    private void BlockMapping(int indent, string? tag, YamlMark tagStart)
    {
        Enter();
        var first = Here();
        int start = _events.Count, entries = 0;
        _events.Add(new YamlEvent(YamlEventKind.MappingStart, tag is null ? first : tagStart, first, Tag: tag));
        while (true)
        {
            entries++;
            Key();
            if (Cur != ':')
            {
                throw Unsupported();
            }

            _p++;
            var afterColon = On(_p);
            BlockValue(indent, afterColon, indentlessSequence: true);
            SkipBlank();
            if (AtEnd || Col < indent)
            {
                break;
            }

            if (Col > indent || !KeyAhead())
            {
                throw Unsupported();
            }
        }

        var end = NextTokenMark();
        _events.Add(new YamlEvent(YamlEventKind.MappingEnd, end, end));
        _events.SetSize(start, entries);
        _depth--;
    }

    /// <summary>A block sequence whose dashes are at column <paramref name="indent"/>; the current place is its first dash.</summary>
    private void BlockSequence(int indent, string? tag, YamlMark tagStart, bool indentless)
    {
        Enter();
        var dash = Here();
        var end = indentless ? On(_p + 1) : dash;
        int start = _events.Count, items = 0;
        _events.Add(new YamlEvent(YamlEventKind.SequenceStart, tag is null ? dash : tagStart, end, Tag: tag));
        while (true)
        {
            items++;
            _p++; // the dash
            BlockValue(indent, On(_p), indentlessSequence: false, afterDash: true);
            SkipBlank();
            if (AtEnd || Col < indent)
            {
                break;
            }

            if (Col == indent && DashAhead())
            {
                continue;
            }

            if (Col == indent && indentless)
            {
                break;
            }

            throw Unsupported();
        }

        var close = NextTokenMark();
        _events.Add(new YamlEvent(YamlEventKind.SequenceEnd, close, close));
        _events.SetSize(start, items);
        _depth--;
    }

    private void Enter()
    {
        if (++_depth > MaxBlockDepth)
        {
            throw Unsupported();
        }
    }

    private bool DashAhead() => Cur == '-' && IsBlankOrEnd(At(_p + 1));

    /// <summary>
    /// The value after a key's colon or a sequence's dash (the current place is right after it): on the same line,
    /// on the lines below (indented more than <paramref name="indent"/>, or a dash at it after a key), or empty.
    /// </summary>
    private void BlockValue(int indent, YamlMark after, bool indentlessSequence, bool afterDash = false)
    {
        if (!IsBlankOrEnd(Cur))
        {
            throw Unsupported(); // "key:value" is one scalar; YamlDotNet's reading of it is not the fast reader's
        }

        SkipSpaces();
        var tag = OptionalTag(out var tagStart);
        if (Cur == '#' || IsBreakOrEnd(Cur))
        {
            SkipBlank();
            if (!AtEnd && Col > indent)
            {
                NodeOnItsLine(indent, tag, tagStart);
            }
            else if (!AtEnd && Col == indent && indentlessSequence && DashAhead())
            {
                BlockSequence(indent, tag, tagStart, indentless: true);
            }
            else if (tag is null)
            {
                _events.Add(new YamlEvent(YamlEventKind.Scalar, after, after, "", Plain: true));
            }
            else
            {
                throw Unsupported();
            }

            return;
        }

        InlineNode(indent, tag, tagStart, afterDash);
    }

    /// <summary>A node that starts a line of its own below its key or dash (the current place), in a block at <paramref name="indent"/>.</summary>
    private void NodeOnItsLine(int indent, string? tag, YamlMark tagStart)
    {
        switch (Cur)
        {
            case '-' when DashAhead():
                BlockSequence(Col, tag, tagStart, indentless: false);
                return;
            case '!' when tag is null:
                // A tag on a line of its own: its node follows on that line or below, as after a key.
                tag = OptionalTag(out tagStart);
                if (Cur != '#' && !IsBreakOrEnd(Cur))
                {
                    InlineNode(indent, tag, tagStart, afterDash: false);
                    return;
                }

                SkipBlank();
                if (AtEnd || Col <= indent)
                {
                    throw Unsupported();
                }

                NodeOnItsLine(indent, tag, tagStart);
                return;
            case '!':
                throw Unsupported();
        }

        if (KeyAhead())
        {
            BlockMapping(Col, tag, tagStart);
            return;
        }

        // Brackets, a block scalar or a scalar: as on the line of a key (a dash or a key there is seen above).
        InlineNode(indent, tag, tagStart, afterDash: false);
    }

    /// <summary>A node that starts on the line of its key or dash (the current place, after any tag).</summary>
    private void InlineNode(int indent, string? tag, YamlMark tagStart, bool afterDash)
    {
        switch (Cur)
        {
            case '[' or '{':
                Flow(indent, tag, tagStart);
                SkipLineRest();
                return;
            case '|' or '>':
                BlockScalar(indent, tag, tagStart);
                return;
            case '-' when DashAhead():
                if (!afterDash || tag is not null)
                {
                    throw Unsupported();
                }

                BlockSequence(Col, null, default, indentless: false);
                return;
        }

        if (KeyAhead())
        {
            // "- key: value": a mapping that starts on the dash's line; "key: key2: value" is refused by YAML.
            if (!afterDash || tag is not null)
            {
                throw Unsupported();
            }

            BlockMapping(Col, null, default);
            return;
        }

        Scalar(indent, tag, tagStart);
    }

    /// <summary>A quoted or plain scalar in a block; plain ones continue on lines indented more than <paramref name="indent"/>.</summary>
    private void Scalar(int indent, string? tag, YamlMark tagStart)
    {
        var start = tag is null ? Here() : tagStart;
        if (Cur is '"' or '\'')
        {
            var quoted = Quoted();
            _events.Add(new YamlEvent(YamlEventKind.Scalar, start, Here(), quoted, tag));
            SkipLineRest();
            return;
        }

        var plain = PlainBlock(indent, out var stop);
        _events.Add(new YamlEvent(YamlEventKind.Scalar, start, stop, plain, tag, Plain: true));
    }

    /// <summary>
    /// A simple key at the current place: a plain or quoted scalar on this line followed by ':' and a space or the
    /// line's end. Keys YamlDotNet might read otherwise (tagged, anchored, explicit, in brackets) are not keys here.
    /// </summary>
    private bool KeyAhead()
    {
        int i = _p;
        char c = At(i);
        if (c is '"' or '\'')
        {
            int close = QuotedEnd(i);
            while (close > 0 && At(close) == ' ')
            {
                close++;
            }

            return close > 0 && At(close) == ':' && IsBlankOrEnd(At(close + 1));
        }

        if (!PlainStart(i, flow: false))
        {
            return false;
        }

        for (; i < _t.Length; i++)
        {
            c = _t[i];
            if (c is '\n' or '\r' || (c == '#' && _t[i - 1] == ' '))
            {
                return false;
            }

            if (c == ':' && IsBlankOrEnd(At(i + 1)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The key at the current place (<see cref="KeyAhead"/> said there is one); stops at its colon.</summary>
    private void Key()
    {
        var start = Here();
        string value;
        bool plain = Cur is not ('"' or '\'');
        if (plain)
        {
            int end = _p;
            while (!(_t[end] == ':' && IsBlankOrEnd(At(end + 1))))
            {
                end++;
            }

            value = PlainChunk(_p, end);
            _p += value.Length;
        }
        else
        {
            value = Quoted();
        }

        var stop = Here();
        SkipSpaces(); // "Key : value": the key ends before the spaces

        if (value.Length > 1000)
        {
            throw Unsupported(); // YAML limits simple keys to 1024 characters
        }

        _events.Add(new YamlEvent(YamlEventKind.Scalar, start, stop, value, Plain: plain));
    }

    /// <summary>A tag at the current place, if there is one (null if not), with the spaces after it.</summary>
    private string? OptionalTag(out YamlMark start)
    {
        start = Here();
        if (Cur != '!')
        {
            return null;
        }

        var tag = Tag();
        SkipSpaces();
        return tag;
    }

    private void SkipSpaces()
    {
        while (Cur == ' ')
        {
            _p++;
        }
    }

    /// <summary>A tag at the current place ('!' or '!!' and a name), and the space or line end after it.</summary>
    private string Tag()
    {
        int start = _p;
        _p++;
        bool secondary = Cur == '!';
        if (secondary)
        {
            _p++;
        }

        int nameStart = _p;
        while (char.IsAsciiLetterOrDigit(Cur) || Cur is '-' or '_')
        {
            _p++;
        }

        if (_p == nameStart || !IsBlankOrEnd(Cur))
        {
            throw Unsupported();
        }

        return secondary ? "tag:yaml.org,2002:" + _t[nameStart.._p] : _t[start.._p];
    }
}
