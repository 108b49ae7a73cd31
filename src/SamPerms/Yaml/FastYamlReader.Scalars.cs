using System.Text;

namespace SamPerms.Yaml;

/// <summary>The fast reader's scalars: plain (in a block or in brackets), quoted on one line, literal and folded blocks.</summary>
internal sealed partial class FastYamlReader
{
    /// <summary>Characters that cannot start a plain scalar (YAML's indicators).</summary>
    private const string Indicators = ",[]{}#&*!|>'\"%@`";

    private const string FlowIndicators = ",[]{}";

    /// <summary>Whether a plain scalar may start at <paramref name="i"/> (the fast reader's narrower view: no '?' or ':' first).</summary>
    private bool PlainStart(int i, bool flow)
    {
        char c = At(i);
        if (IsBlankOrEnd(c) || c is '?' or ':' || Indicators.Contains(c))
        {
            return false;
        }

        if (c == '-')
        {
            char next = At(i + 1);
            return !IsBlankOrEnd(next) && !(flow && FlowIndicators.Contains(next));
        }

        return true;
    }

    /// <summary>The key between two places on one line, without the spaces it ends with (a known key's kept string).</summary>
    private string PlainChunk(int start, int end)
    {
        while (end > start && _t[end - 1] == ' ')
        {
            end--;
        }

        var chunk = _t.AsSpan(start, end - start);
        if (chunk.Contains(" *", StringComparison.Ordinal))
        {
            throw Unsupported(); // YamlDotNet reads " *" in a key unlike PyYAML; the slow path keeps its reading
        }

        return KnownKeys.Of(chunk);
    }

    /// <summary>
    /// A plain scalar in a block, from the current place; it goes on over lines indented more than
    /// <paramref name="indent"/> (a line break between two lines folds to a space, each blank line to a line break)
    /// and stops at a comment. <paramref name="stop"/> is where its last character ends.
    /// </summary>
    private string PlainBlock(int indent, out YamlMark stop)
    {
        if (!PlainStart(_p, flow: false))
        {
            throw Unsupported();
        }

        string? single = null;
        StringBuilder? sb = null;
        while (true)
        {
            int i = _p;
            while (i < _t.Length)
            {
                char c = _t[i];
                if (c is '\n' or '\r' || (c == '#' && _t[i - 1] == ' '))
                {
                    break;
                }

                if (c == ':' && IsBlankOrEnd(At(i + 1)))
                {
                    throw Unsupported(); // a key where a value was: YAML refuses it
                }

                i++;
            }

            int end = i;
            while (end > _p && _t[end - 1] == ' ')
            {
                end--;
            }

            if (single is null && sb is null)
            {
                single = _t[_p..end];
            }
            else
            {
                sb!.Append(_t, _p, end - _p);
            }

            _p = end;
            stop = Here();
            if (!IsBreakOrEnd(At(i)) || i >= _t.Length || !Continuation(indent, out int breaks, out int next, out int lines, out int lineStart))
            {
                break;
            }

            if (sb is null)
            {
                sb = _sb ??= new StringBuilder();
                sb.Clear().Append(single);
                single = null;
            }

            if (breaks == 0)
            {
                sb.Append(' ');
            }
            else
            {
                sb.Append('\n', breaks);
            }

            _p = next;
            _line += lines;
            _lineStart = lineStart;
        }

        return single ?? sb!.ToString();
    }

    /// <summary>
    /// Whether the plain scalar whose line ends at the current line break goes on: the next line that is not blank is
    /// indented more than <paramref name="indent"/> and is not a comment. Gives how many blank lines come between,
    /// where it goes on, how many lines down and where that line starts.
    /// </summary>
    private bool Continuation(int indent, out int breaks, out int next, out int lines, out int lineStart)
    {
        breaks = 0;
        lines = 0;
        int k = _t.IndexOf('\n', _p);
        lineStart = 0;
        next = 0;
        while (k >= 0)
        {
            lines++;
            lineStart = k + 1;
            int j = lineStart;
            while (j < _t.Length && _t[j] == ' ')
            {
                j++;
            }

            if (j >= _t.Length)
            {
                return false;
            }

            if (_t[j] is '\n' or '\r')
            {
                breaks++; // a line of nothing but spaces is a blank line too
                k = _t[j] == '\r' ? j + 1 : j;
                continue;
            }

            if (j - lineStart <= indent || _t[j] == '#')
            {
                return false;
            }

            if (Indicators.Contains(_t[j]) || _t[j] is '-' or '?' or ':')
            {
                throw Unsupported();
            }

            next = j;
            return true;
        }

        return false;
    }

    /// <summary>A quoted scalar on one line from the current place; the place moves after its closing quote.</summary>
    private string Quoted()
    {
        char quote = Cur;
        int start = _p + 1;
        int i = start;
        StringBuilder? sb = null;
        while (true)
        {
            char c = At(i);
            if (IsBreakOrEnd(c))
            {
                throw Unsupported(); // a quoted scalar over several lines
            }

            if (c == quote)
            {
                if (quote == '\'' && At(i + 1) == '\'')
                {
                    sb ??= new StringBuilder();
                    sb.Append(_t, start, i + 1 - start);
                    i += 2;
                    start = i;
                    continue;
                }

                break;
            }

            if (c == '\\' && quote == '"')
            {
                sb ??= new StringBuilder();
                sb.Append(_t, start, i - start);
                i = Escape(i + 1, sb);
                start = i;
                continue;
            }

            i++;
        }

        _p = i + 1;
        if (sb is null)
        {
            return _t[start..i];
        }

        sb.Append(_t, start, i - start);
        return sb.ToString();
    }

    /// <summary>The index after the closing quote of the quoted scalar at <paramref name="i"/>, or -1 if it is not closed on its line.</summary>
    private int QuotedEnd(int i)
    {
        char quote = _t[i];
        for (i++; i < _t.Length; i++)
        {
            char c = _t[i];
            if (c is '\n' or '\r')
            {
                return -1;
            }

            if (c == '\\' && quote == '"')
            {
                i++;
            }
            else if (c == quote)
            {
                if (quote == '\'' && At(i + 1) == '\'')
                {
                    i++;
                    continue;
                }

                return i + 1;
            }
        }

        return -1;
    }

    /// <summary>One escape of a double-quoted scalar (at the character after the backslash); returns the index after it.</summary>
    private int Escape(int i, StringBuilder sb)
    {
        char c = At(i);
        char? simple = c switch
        {
            '0' => '\0',
            'a' => '\a',
            'b' => '\b',
            't' => '\t',
            'n' => '\n',
            'v' => '\v',
            'f' => '\f',
            'r' => '\r',
            'e' => '\u001B',
            ' ' => ' ',
            '"' => '"',
            '\\' => '\\',
            'N' => '\u0085',
            '_' => '\u00A0',
            'L' => '\u2028',
            'P' => '\u2029',
            _ => null,
        };
        if (simple is { } s)
        {
            sb.Append(s);
            return i + 1;
        }

        int digits = c switch { 'x' => 2, 'u' => 4, 'U' => 8, _ => 0 };
        if (digits == 0 || i + digits >= _t.Length
            || !uint.TryParse(_t.AsSpan(i + 1, digits), System.Globalization.NumberStyles.AllowHexSpecifier, null, out uint code)
            || code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF)
        {
            throw Unsupported();
        }

        sb.Append(char.ConvertFromUtf32((int)code));
        return i + 1 + digits;
    }

    /// <summary>
    /// A literal (|) or folded (&gt;) block scalar whose header is at the current place, in a block at
    /// <paramref name="indent"/>. Its lines' indentation is that of its first line; it ends at the first line that
    /// is not blank and indented less, and its place ends at the start of that line (or at the end of the text).
    /// </summary>
    private void BlockScalar(int indent, string? tag, YamlMark tagStart)
    {
        var start = tag is null ? Here() : tagStart;
        bool literal = Cur == '|';
        _p++;
        int chomp = Cur switch { '-' => -1, '+' => 1, _ => 0 };
        if (chomp != 0)
        {
            _p++;
        }

        if (char.IsAsciiDigit(Cur))
        {
            throw Unsupported(); // an indentation indicator
        }

        SkipLineRest();
        if (AtEnd)
        {
            throw Unsupported();
        }

        NewLine();
        int leading = 0;
        while (Cur is '\n' or '\r')
        {
            leading++;
            NewLine();
        }

        int m = 0;
        while (At(_p + m) == ' ')
        {
            m++;
        }

        if (IsBreakOrEnd(At(_p + m)) || m <= indent || m == 0 || (!literal && leading > 0))
        {
            throw Unsupported(); // blank lines of spaces, an empty scalar, or leading breaks of a folded one
        }

        var sb = (_sb ??= new StringBuilder()).Clear();
        if (literal)
        {
            sb.Append('\n', leading);
        }

        bool first = true;
        int empty = 0;      // empty lines since the last text line
        bool broke = false; // the last text line ended with a line break
        while (!AtEnd)
        {
            if (Cur is '\n' or '\r')
            {
                empty++;
                NewLine();
                continue;
            }

            int s = 0;
            while (At(_p + s) == ' ')
            {
                s++;
            }

            bool spacesOnly = IsBreakOrEnd(At(_p + s));
            if (spacesOnly && s <= m)
            {
                // A line of spaces no wider than the indentation is an empty line.
                empty++;
                _p += s;
                if (AtEnd)
                {
                    break;
                }

                NewLine();
                continue;
            }

            if (s < m)
            {
                break;
            }

            if (!literal && s > m)
            {
                throw Unsupported(); // a more indented line of a folded scalar
            }

            if (!first)
            {
                if (literal)
                {
                    sb.Append('\n', 1 + empty);
                }
                else if (empty == 0)
                {
                    sb.Append(' ');
                }
                else
                {
                    sb.Append('\n', empty);
                }
            }

            int eol = _t.IndexOf('\n', _p);
            if (eol < 0)
            {
                eol = _t.Length;
            }
            else if (_t[eol - 1] == '\r')
            {
                eol--;
            }

            sb.Append(_t, _p + m, eol - _p - m);
            first = false;
            empty = 0;
            _p = eol;
            broke = !AtEnd;
            if (broke)
            {
                NewLine();
            }
        }

        int trailing = broke ? 1 + empty : 0;
        if (chomp > 0)
        {
            sb.Append('\n', trailing);
        }
        else if (chomp == 0 && trailing > 0)
        {
            sb.Append('\n');
        }

        _events.Add(new YamlEvent(YamlEventKind.Scalar, start, Here(), sb.ToString(), tag));
    }
}
