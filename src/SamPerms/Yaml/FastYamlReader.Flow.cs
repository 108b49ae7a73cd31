namespace SamPerms.Yaml;

/// <summary>The fast reader's flow collections: [a, b] and {k: v}, on one line or several.</summary>
internal sealed partial class FastYamlReader
{
    /// <summary>
    /// The flow collection whose bracket is at the current place, inside a block at <paramref name="indent"/>: its
    /// lines after the first must be indented more than that. Its events start at the bracket (or at its tag) and
    /// end, with no width, at the closing bracket, as YamlDotNet's do.
    /// </summary>
    private void Flow(int indent, string? tag, YamlMark tagStart)
    {
        Enter();
        bool sequence = Cur == '[';
        char closer = sequence ? ']' : '}';
        var open = Here();
        var start = tag is null ? open : tagStart;
        int at = _events.Count, size = 0;
        _events.Add(new YamlEvent(sequence ? YamlEventKind.SequenceStart : YamlEventKind.MappingStart, start, open, Tag: tag, Flow: true,
            Placeless: !sequence && YamlEvent.IsPlaceless(true, start, open)));
        _p++;
        while (true)
        {
            SkipFlowBlank(indent);
            if (Cur == closer)
            {
                break;
            }

            size++;
            if (sequence)
            {
                FlowNode(indent);
                SkipFlowBlank(indent);
                if (Cur == ':')
                {
                    throw Unsupported(); // a single pair in a sequence: a mapping YamlDotNet gives no place
                }
            }
            else
            {
                FlowKey();
                if (Cur != ':')
                {
                    throw Unsupported();
                }

                _p++;
                SkipFlowBlank(indent);
                if (Cur is ',' or '}')
                {
                    throw Unsupported(); // a key without a value
                }

                FlowNode(indent);
                SkipFlowBlank(indent);
            }

            if (Cur == ',')
            {
                _p++;
                continue;
            }

            if (Cur != closer)
            {
                throw Unsupported();
            }

            break;
        }

        var close = Here();
        _events.Add(new YamlEvent(sequence ? YamlEventKind.SequenceEnd : YamlEventKind.MappingEnd, close, close));
        _events.SetSize(at, size);
        _p++;
        _depth--;
    }

    /// <summary>Spaces, line breaks and comments inside brackets; a line must go on indented more than <paramref name="indent"/>.</summary>
    private void SkipFlowBlank(int indent)
    {
        bool newLine = false;
        while (true)
        {
            char c = Cur;
            if (c == ' ')
            {
                _p++;
            }
            else if (c is '\n' or '\r')
            {
                NewLine();
                newLine = true;
            }
            else if (c == '#' && (_p == _lineStart || _t[_p - 1] == ' '))
            {
                SkipToLineEnd();
            }
            else
            {
                break;
            }
        }

        if (AtEnd || (newLine && (Col <= indent || AtDocumentMarker("---") || AtDocumentMarker("..."))))
        {
            throw Unsupported();
        }
    }

    /// <summary>A key of a flow mapping: a scalar, stopped at its colon.</summary>
    private void FlowKey()
    {
        var start = Here();
        if (Cur is '"' or '\'')
        {
            var quoted = Quoted();
            _events.Add(new YamlEvent(YamlEventKind.Scalar, start, Here(), quoted));
            return;
        }

        var plain = FlowPlain();
        if (plain.Contains(" *", StringComparison.Ordinal) || !IsBlankOrEnd(At(_p + 1)))
        {
            throw Unsupported(); // after a plain key, YamlDotNet wants a space after the colon ("k:{" is refused)
        }

        _events.Add(new YamlEvent(YamlEventKind.Scalar, start, Here(), KnownKeys.Of(plain), Plain: true));
    }

    /// <summary>A value inside brackets: a nested collection or a scalar, maybe tagged.</summary>
    private void FlowNode(int indent)
    {
        var tag = OptionalTag(out var tagStart);
        var start = tag is null ? Here() : tagStart;
        switch (Cur)
        {
            case '[' or '{':
                Flow(indent, tag, tagStart);
                return;
            case '"' or '\'':
                var quoted = Quoted();
                _events.Add(new YamlEvent(YamlEventKind.Scalar, start, Here(), quoted, tag));
                return;
        }

        var plain = FlowPlain();
        _events.Add(new YamlEvent(YamlEventKind.Scalar, start, Here(), plain, tag, Plain: true));
    }

    /// <summary>
    /// A plain scalar inside brackets, on one line: it stops at a flow indicator, at ':' before a space or a flow
    /// indicator, and at a comment; the place moves to its last character's end.
    /// </summary>
    private string FlowPlain()
    {
        if (!PlainStart(_p, flow: true))
        {
            throw Unsupported();
        }

        int i = _p;
        while (i < _t.Length)
        {
            char c = _t[i];
            if (c is '\n' or '\r' || FlowIndicators.Contains(c) || (c == '#' && _t[i - 1] == ' ')
                || (c == ':' && (IsBlankOrEnd(At(i + 1)) || FlowIndicators.Contains(At(i + 1)))))
            {
                break;
            }

            i++;
        }

        int end = i;
        while (end > _p && _t[end - 1] == ' ')
        {
            end--;
        }

        if (At(i) is '\n' or '\r' && !FlowGoesOnWithIndicator(i))
        {
            throw Unsupported(); // a plain scalar over several lines inside brackets
        }

        var value = _t[_p..end];
        _p = end;
        return value;
    }

    /// <summary>Whether, after the line break at <paramref name="i"/>, the next thing (past blanks and comments) is ',', ':' or a closing bracket.</summary>
    private bool FlowGoesOnWithIndicator(int i)
    {
        while (i < _t.Length)
        {
            char c = _t[i];
            if (c is ' ' or '\n' or '\r')
            {
                i++;
            }
            else if (c == '#' && _t[i - 1] is ' ' or '\n')
            {
                int nl = _t.IndexOf('\n', i);
                i = nl < 0 ? _t.Length : nl;
            }
            else
            {
                return c is ',' or ':' or ']' or '}';
            }
        }

        return false;
    }
}
