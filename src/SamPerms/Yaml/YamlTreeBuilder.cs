using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Text;
using YamlDotNet.Core;

namespace SamPerms.Yaml;

/// <summary>
/// Builds the node tree from YamlDotNet's event stream, iteratively (no recursion, so deep input cannot
/// overflow the stack), applying CloudFormation short forms, YAML 1.1 typing, merge keys and alias expansion
/// within the limits.
/// </summary>
internal sealed class YamlTreeBuilder(string text, ReaderLimits limits)
{
    private const string StrTag = "tag:yaml.org,2002:str";
    private const string MergeKey = "<<";

    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Dictionary<string, Node> _anchors = new(StringComparer.Ordinal);
    private readonly Stack<Frame> _stack = new();
    private int _nodeCount;
    private bool _tooLarge;   // the node limit was passed (reported once)
    private bool _overLimit;  // a limit was passed: the reader stops

    /// <summary>
    /// The tree of the text: read by the fast reader when it takes the text (most templates), else by YamlDotNet,
    /// whose events and errors the fast reader reproduces exactly for what it takes.
    /// </summary>
    public ReadResult Build()
    {
        var events = FastYamlReader.Read(text);
        try
        {
            return BuildFrom(events ?? YamlDotNetEvents.Read(text));
        }
        finally
        {
            FastYamlReader.Return(events);
        }
    }

    private ReadResult BuildFrom(IEnumerable<YamlEvent> events)
    {
        Node? root = null;
        int documents = 0;
        try
        {
            foreach (var ev in events)
            {
                switch (ev.Kind)
                {
                    case YamlEventKind.DocumentStart when ev.Explicit || documents > 0:
                        documents++;
                        if (documents > 1)
                        {
                            _diagnostics.Add(DiagnosticCatalog.Syntax("expected a single document in the stream, found another one", Span(ev.Start, ev.End)));
                            return new ReadResult(null, _diagnostics);
                        }

                        break;
                    case YamlEventKind.DocumentStart:
                        documents++;
                        break;
                    case YamlEventKind.Scalar:
                        Emit(ScalarNode(ev), ev.Anchor, ref root);
                        break;
                    case YamlEventKind.Alias:
                        Emit(ExpandAlias(ev), null, ref root);
                        break;
                    case YamlEventKind.SequenceStart:
                        Push(new Frame(new SeqNode(ev.Size) { Span = Span(ev.Start, ev.End) }, ev.Tag, ev.Anchor, ev.Flow), ev.Start);
                        break;
                    case YamlEventKind.MappingStart:
                        // A single pair in a flow sequence (`[Key: value]`) is a mapping the parser reports without
                        // a place: it spans its pair instead.
                        Push(new Frame(new MapNode(ev.Size) { Span = Span(ev.Start, ev.End) }, ev.Tag, ev.Anchor, ev.Flow, ev.Placeless), ev.Start);
                        break;
                    case YamlEventKind.SequenceEnd or YamlEventKind.MappingEnd:
                        var frame = _stack.Pop();
                        var done = frame.Finish(ev.End);
                        Emit(ApplyTag(done, frame.Tag), frame.Anchor, ref root);
                        break;
                }

                if (_overLimit)
                {
                    return new ReadResult(null, _diagnostics);
                }
            }
        }
        catch (YamlException ex)
        {
            var span = Span(ex.Start, ex.End);
            if (ex.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstIndentTab(text) is { } tab)
            {
                span = tab;
            }

            var message = Describe(ex);
            bool aboutFlow = message.StartsWith("While parsing a flow", StringComparison.Ordinal) || message == YamlDotNetEvents.CouldNotGoOn;
            if (aboutFlow && OpenFlowCollection() is { } open)
            {
                // YamlDotNet says where it gave up (often the end of the file or the next key); the cause is
                // usually the bracket left open, so the error points there.
                var (kind, closer) = open.Node is SeqNode ? ("sequence", ']') : ("mapping", '}');
                var detail = message.StartsWith("While parsing a flow", StringComparison.Ordinal) && message.IndexOf(", ", StringComparison.Ordinal) is int comma and > 0
                    ? message[(comma + 2)..].TrimEnd('.')
                    : message;
                message = $"the flow {kind} opened here is not closed with '{closer}'" + (detail == YamlDotNetEvents.CouldNotGoOn ? "" : ": " + detail)
                    + $" (the reader gave up at line {span.Line}, column {span.Column})";
                var start = open.Node.Span;
                span = new SourceSpan(start.Line, start.Column, start.Line, start.Column + 1);
            }

            _diagnostics.Add(DiagnosticCatalog.Syntax(message, span));
            return new ReadResult(null, _diagnostics);
        }

        return new ReadResult(root, _diagnostics);
    }

    /// <summary>The first tab inside a line's leading whitespace: where a "tab as indentation" error really is.</summary>
    private static SourceSpan? FirstIndentTab(string text)
    {
        int line = 1;
        int col = 1;
        bool leading = true;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                col = 1;
                leading = true;
                continue;
            }

            if (leading && c == '\t')
            {
                return new SourceSpan(line, col, line, col + 1);
            }

            leading &= c == ' ';
            col++;
        }

        return null;
    }

    /// <summary>The innermost collection written in brackets that is still open when the reader fails, if any.</summary>
    private Frame? OpenFlowCollection() => _stack.FirstOrDefault(f => f.Flow);

    private static string Describe(YamlException ex)
    {
        var msg = ex.Message;
        int idx = msg.IndexOf("): ", StringComparison.Ordinal);
        if (msg.StartsWith('(') && idx > 0)
        {
            msg = msg[(idx + 3)..];
        }

        if (msg.Contains("cannot start any token", StringComparison.Ordinal))
        {
            msg += " (a tab used for indentation? YAML allows spaces only)";
        }

        return msg;
    }

    private void Push(Frame frame, YamlMark start)
    {
        if (_stack.Count >= limits.MaxDepth)
        {
            _diagnostics.Add(DiagnosticCatalog.TooDeep(limits.MaxDepth, Span(start, start)));
            _overLimit = true;
            return;
        }

        Count(1, frame.Node.Span);
        _stack.Push(frame);
    }

    private void Emit(Node node, string? anchor, ref Node? root)
    {
        if (anchor is not null)
        {
            _anchors[anchor] = node;
        }

        if (_stack.Count == 0)
        {
            root = node;
            return;
        }

        _stack.Peek().Accept(node, _diagnostics);
    }

    private Node ScalarNode(YamlEvent s)
    {
        var span = Span(s.Start, s.End);
        Count(1, span);
        var tag = s.Tag;
        var value = s.Value ?? "";
        Node node;
        if (tag is null || tag == "!")
        {
            node = s.Plain && tag is null
                ? ScalarResolver.ResolvePlain(value, span)
                : new StringNode(value) { Span = span };
        }
        else if (tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal))
        {
            node = tag == StrTag ? new StringNode(value) { Span = span } : ScalarResolver.ResolvePlain(value, span);
            return ApplyTag(node, tag);
        }
        else
        {
            // Short-form intrinsics take their scalar argument as a string, whatever it looks like.
            var arg = new StringNode(value) { Span = span };
            return ApplyTag(arg, tag);
        }

        return node;
    }

    /// <summary>The standard tags PyYAML's safe loader constructs; any other tag:yaml.org tag (python/...) it refuses.</summary>
    private static readonly HashSet<string> SafeTags = new(StringComparer.Ordinal)
    {
        "null", "bool", "int", "float", "binary", "timestamp", "omap", "pairs", "set", "str", "seq", "map", "merge",
    };

    private Node ApplyTag(Node value, string? tag)
    {
        if (tag is null || tag == "!")
        {
            return value;
        }

        if (tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal))
        {
            if (!SafeTags.Contains(tag["tag:yaml.org,2002:".Length..]))
            {
                _diagnostics.Add(DiagnosticCatalog.UnsupportedYamlTag(tag, value.Span));
            }

            return value;
        }

        var longForm = ShortFormTags.LongForm(tag);
        if (longForm is null)
        {
            _diagnostics.Add(DiagnosticCatalog.Tag(tag, value.Span));
            return value;
        }

        if (longForm == "Fn::GetAtt" && value is StringNode s)
        {
            // !GetAtt Resource.Attribute.More => ["Resource", "Attribute.More"]
            int dot = s.Value.IndexOf('.', StringComparison.Ordinal);
            value = dot < 0
                ? new SeqNode([new StringNode(s.Value) { Span = s.Span }]) { Span = s.Span }
                : new SeqNode([new StringNode(s.Value[..dot]) { Span = s.Span }, new StringNode(s.Value[(dot + 1)..]) { Span = s.Span }]) { Span = s.Span };
        }

        var map = new MapNode { Span = value.Span };
        map.Add(longForm, value, value.Span);
        return map;
    }

    private Node ExpandAlias(YamlEvent a)
    {
        var span = Span(a.Start, a.End);
        if (!_anchors.TryGetValue(a.Value!, out var target))
        {
            _diagnostics.Add(DiagnosticCatalog.Syntax($"found undefined alias '*{a.Value}'", span));
            return NullNode.At(span);
        }

        // Each use of an alias is a copy of its anchor: count what it costs so that alias bombs stop early.
        int size = SizeUpTo(target, limits.MaxNodes - _nodeCount + 1);
        Count(size, span);
        return size + _nodeCount > limits.MaxNodes ? NullNode.At(span) : target.Clone();
    }

    private static int SizeUpTo(Node node, int cap)
    {
        int n = 0;
        var todo = new Stack<Node>();
        todo.Push(node);
        while (todo.Count > 0 && n <= cap)
        {
            var x = todo.Pop();
            n++;
            switch (x)
            {
                case MapNode m:
                    foreach (var e in m.Entries)
                    {
                        todo.Push(e.Value);
                    }

                    break;
                case SeqNode q:
                    foreach (var i in q.Items)
                    {
                        todo.Push(i);
                    }

                    break;
            }
        }

        return n;
    }

    private void Count(int n, SourceSpan span)
    {
        _nodeCount += n;
        if (_nodeCount > limits.MaxNodes && !_tooLarge)
        {
            _diagnostics.Add(DiagnosticCatalog.TooLarge($"the document expands to more than {limits.MaxNodes} values (an alias bomb?)", span));
            _tooLarge = _overLimit = true;
        }
    }

    private static SourceSpan Span(Mark start, Mark end) =>
        new((int)start.Line, (int)start.Column, (int)end.Line, (int)end.Column);

    private static SourceSpan Span(YamlMark start, YamlMark end) => new(start.Line, start.Column, end.Line, end.Column);

    /// <summary>A map or sequence being built.</summary>
    private sealed class Frame(Node node, string? tag, string? anchor, bool flow = false, bool placeless = false)
    {
        /// <summary>The parser gave the collection no place: its span is taken from its first key and last value.</summary>
        private readonly bool _placeless = placeless;

        /// <summary>Written in brackets ([…] or {…}), not as an indented block.</summary>
        public bool Flow { get; } = flow;

        private Node? _pendingKey;
        private List<MapNode>? _merges;

        public Node Node { get; } = node;
        public string? Tag { get; } = tag;
        public string? Anchor { get; } = anchor;

        public void Accept(Node value, List<Diagnostic> diagnostics)
        {
            if (Node is SeqNode seq)
            {
                seq.Add(value);
                return;
            }

            if (_pendingKey is null)
            {
                _pendingKey = value;
                if (_placeless && Node is MapNode { Count: 0 } && value.Span.IsKnown)
                {
                    Node.Span = value.Span;
                }

                return;
            }

            if (_placeless && value.Span.IsKnown)
            {
                Node.Span = Node.Span with { EndLine = value.Span.EndLine, EndColumn = value.Span.EndColumn };
            }

            var keyNode = _pendingKey;
            _pendingKey = null;
            var map = (MapNode)Node;
            if (keyNode is StringNode { Value: MergeKey } && keyNode.Span.IsKnown && IsMergeValue(value))
            {
                _merges ??= [];
                if (value is MapNode mm)
                {
                    _merges.Add(mm);
                }
                else
                {
                    // Earlier maps in the list win over later ones.
                    foreach (var item in ((SeqNode)value).Items)
                    {
                        _merges.Add((MapNode)item);
                    }
                }

                return;
            }

            if (keyNode is MapNode or SeqNode)
            {
                diagnostics.Add(DiagnosticCatalog.Syntax("a mapping key must be a scalar", keyNode.Span));
                return;
            }

            var key = KeyText(keyNode);
            if (map.ContainsKey(key))
            {
                // The map keeps the first key's place; the later value wins, as in PyYAML.
                diagnostics.Add(DiagnosticCatalog.Duplicate(key, keyNode.Span, map.KeySpanOf(key)));
                map.Set(key, value);
                return;
            }

            map.Add(new MapEntry(key, value, keyNode.Span) { KeyIsString = keyNode is StringNode });
        }

        public Node Finish(YamlMark end)
        {
            if (!_placeless)
            {
                Node.Span = Node.Span with { EndLine = end.Line, EndColumn = end.Column };
            }

            if (_merges is null || Node is not MapNode own)
            {
                return Node;
            }

            var merged = new MapNode { Span = own.Span };
            foreach (var m in _merges)
            {
                foreach (var e in m.Entries)
                {
                    if (!own.ContainsKey(e.Key) && !merged.ContainsKey(e.Key))
                    {
                        merged.Add(e.Key, e.Value.Clone(), e.KeySpan);
                    }
                }
            }

            foreach (var e in own.Entries)
            {
                merged.Add(e.Key, e.Value, e.KeySpan);
            }

            return merged;
        }

        private static bool IsMergeValue(Node value) =>
            value is MapNode || (value is SeqNode s && s.Items.All(i => i is MapNode));

        /// <summary>How Python's json.dumps writes a non-string dict key.</summary>
        private static string KeyText(Node key) => key switch
        {
            StringNode s => s.Value,
            BoolNode b => b.Value ? "true" : "false",
            NullNode => "null",
            IntNode i => i.Text,
            FloatNode f => f.PythonRepr,
            _ => key.ToString(),
        };
    }
}
