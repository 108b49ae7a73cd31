using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Core;

/// <summary>
/// The reference's IntrinsicsResolver: inlines parameter values into Ref / Fn::Sub (and, with a mappings
/// table, Fn::FindInMap), rewrites references to derived SAM properties (<c>MyFunction.Alias</c>) and to
/// logical ids SAM changed. Like the reference it edits maps and lists in place and returns the new value
/// for the node it was given.
/// </summary>
public sealed class IntrinsicsResolver
{
    private readonly MapNode _values;
    private readonly bool _mappings;
    private readonly bool _refsOnly;

    private IntrinsicsResolver(MapNode values, bool mappings, bool refsOnly = false)
    {
        _values = values;
        _mappings = mappings;
        _refsOnly = refsOnly;
    }

    /// <summary>Resolves only Ref (how policy template parameters are substituted).</summary>
    public static IntrinsicsResolver ForRefsOnly(MapNode values) => new(values, false, refsOnly: true);

    /// <summary>Resolves Ref, Fn::Sub (and Fn::GetAtt, which parameters never resolve) against parameter values.</summary>
    public static IntrinsicsResolver ForParameters(MapNode parameterValues) => new(parameterValues, false);

    /// <summary>Resolves Fn::FindInMap against a template's Mappings.</summary>
    public static IntrinsicsResolver ForMappings(MapNode mappings) => new(mappings, true);

    public MapNode Values => _values;

    public Node? ResolveParameterRefs(Node? input)
    {
        if (input is null || _values.Count == 0)
        {
            return input;
        }

        return Traverse(input, _mappings ? ResolveFindInMap : ResolveParameter);
    }

    /// <summary>
    /// Deeper than any template can be read (the reader stops at 200 levels), even with parameter values inlined:
    /// only a value that contains a reference to itself gets here.
    /// </summary>
    private const int MaxDepth = 1000;

    private static Node Traverse(Node input, Func<Node, Node> resolve, int depth = 0)
    {
        var original = input;
        input = resolve(input);
        if (depth > MaxDepth)
        {
            // A parameter (or mapping) value holding a Ref (FindInMap) to itself resolves forever, as in the
            // reference, which fails with a RecursionError; refuse it, pointing at the reference.
            throw new InvalidDocumentException([
                new InvalidTemplateException($"Unable to resolve {Py.Str(original)}: its value refers back to itself.").Locate(original)]);
        }

        switch (input)
        {
            case MapNode m:
                // By position, with no copy of the entries: resolving a value changes only that value's own tree, and
                // setting it back keeps its key where it is, so the map's keys and order stay as they are.
                // Every resolver leaves a scalar as it is: only maps and lists are looked into (known from the entry).
                var entries = m.Entries;
                for (int i = 0; i < entries.Count; i++)
                {
                    var e = entries[i];
                    if (!e.IsContainer)
                    {
                        continue;
                    }

                    var v = Traverse(e.Value, resolve, depth + 1);
                    if (!ReferenceEquals(v, e.Value))
                    {
                        m.Set(e.Key, v);
                    }
                }

                break;
            case SeqNode s:
                for (int i = 0; i < s.Count; i++)
                {
                    var item = s[i];
                    if (Traverse(item, resolve, depth + 1) is var v && !ReferenceEquals(v, item))
                    {
                        s[i] = v;
                    }
                }

                break;
        }

        return input;
    }

    private Node ResolveParameter(Node input)
    {
        if (input is not MapNode { Count: 1 } m)
        {
            return input;
        }

        var e = m.Entries[0];
        switch (e.Key)
        {
            case "Ref":
                return e.Value is StringNode name ? ParameterValue(name.Value) ?? input : input;
            case "Fn::Sub" when !_refsOnly:
                m.Set("Fn::Sub", HandleSubValue(e.Value, (text, start, length) => ParameterValue(text.Substring(start, length))));
                return input;
            default:
                return input;
        }
    }

    /// <summary>The parameter's value unless absent or a CloudFormation placeholder.</summary>
    private Node? ParameterValue(string name)
    {
        var v = _values.Get(name);
        if (v is StringNode s && s.Value.StartsWith("{{IntrinsicFunction:", StringComparison.Ordinal))
        {
            return null;
        }

        return v;
    }

    private Node ResolveFindInMap(Node input)
    {
        if (input is not MapNode { Count: 1 } m || m.Entries[0].Key != "Fn::FindInMap")
        {
            return input;
        }

        var value = m.Entries[0].Value;
        if (value is not SeqNode { Count: 3 } args)
        {
            throw new InvalidDocumentException([new InvalidTemplateException($"Invalid FindInMap value {Py.Str(value)}. FindInMap expects an array with 3 values.").Locate(m)]);
        }

        var mapName = ResolveFindInMap(args[0]);
        var top = ResolveFindInMap(args[1]);
        var second = ResolveFindInMap(args[2]);
        if (mapName is not StringNode mn || top is not StringNode tk || second is not StringNode sk)
        {
            return input;
        }

        var notTwoLevel = new InvalidDocumentException([new InvalidTemplateException($"Cannot use Fn::FindInMap on Mapping '{mn.Value}' which is not a a two-level map.").Locate(m)]);
        if (!_values.TryGet(mn.Value, out var map))
        {
            return input;
        }

        if (map is not MapNode mapNode)
        {
            throw notTwoLevel;
        }

        if (!mapNode.TryGet(tk.Value, out var level))
        {
            return input;
        }

        if (level is not MapNode levelNode)
        {
            throw notTwoLevel;
        }

        return levelNode.TryGet(sk.Value, out var result) ? result : input;
    }

    /// <summary>Rewrites <c>{"Ref": "Fn.Alias"}</c>, <c>${Fn.Alias}</c> and GetAtt forms to the generated resource.</summary>
    public Node ResolveSamResourceRefs(Node input, SupportedResourceReferences refs)
    {
        if (refs.Count == 0)
        {
            return input;
        }

        return Traverse(input, n => ResolveResourceRef(n, refs));
    }

    private static Node ResolveResourceRef(Node input, SupportedResourceReferences refs)
    {
        if (input is not MapNode { Count: 1 } m)
        {
            return input;
        }

        var e = m.Entries[0];
        switch (e.Key)
        {
            case "Ref":
                {
                    if (e.Value is not StringNode s)
                    {
                        return input;
                    }

                    int dot = s.Value.IndexOf('.', StringComparison.Ordinal);
                    if (dot <= 0 || dot == s.Value.Length - 1)
                    {
                        return input;
                    }

                    var resolved = refs.Get(s.Value[..dot], s.Value[(dot + 1)..]);
                    return resolved is null ? input : N.Ref(resolved);
                }

            case "Fn::Sub":
                m.Set("Fn::Sub", SubResourceRefs(e.Value, refs));
                return input;
            case "Fn::GetAtt":
                {
                    if (!IsGetAttArgs(e.Value, out var items))
                    {
                        return input;
                    }

                    var splits = string.Join('.', items).Split('.');
                    var resolved = refs.Get(splits[0], splits[1]);
                    if (resolved is not null)
                    {
                        m.Set("Fn::GetAtt", N.Strings([resolved, .. splits[2..]]));
                    }

                    return input;
                }

            default:
                return input;
        }
    }

    /// <summary>Rewrites references to logical ids that SAM changed (e.g. a layer's hashed id).</summary>
    public Node ResolveSamResourceIdRefs(Node input, IReadOnlyDictionary<string, string> changed)
    {
        if (changed.Count == 0)
        {
            return input;
        }

        return Traverse(input, n => ResolveIdRef(n, changed));
    }

    private static Node ResolveIdRef(Node input, IReadOnlyDictionary<string, string> changed)
    {
        if (input is not MapNode { Count: 1 } m)
        {
            return input;
        }

        var e = m.Entries[0];
        switch (e.Key)
        {
            case "Ref":
                if (e.Value is StringNode s && !s.Value.Contains('.', StringComparison.Ordinal) && changed.TryGetValue(s.Value, out var r) && r.Length > 0)
                {
                    return N.Ref(r);
                }

                return input;
            case "Fn::Sub":
                m.Set("Fn::Sub", SubIdRefs(e.Value, changed));
                return input;
            case "Fn::GetAtt":
                if (IsGetAttArgs(e.Value, out var items))
                {
                    var splits = string.Join('.', items).Split('.');
                    if (changed.TryGetValue(splits[0], out var to) && to.Length > 0)
                    {
                        m.Set("Fn::GetAtt", N.Strings([to, .. splits[1..]]));
                    }
                }

                return input;
            default:
                return input;
        }
    }

    // The Fn::Sub rewrites are methods of their own: a lambda capturing a parameter of the method it is written in
    // costs an allocation on every call of that method, and the resolvers are called for every node of a template.
    private static Node SubResourceRefs(Node value, SupportedResourceReferences refs) =>
        HandleSubValue(value, (text, start, length) =>
        {
            // LogicalId.Property (what follows a second dot stays): only such a name can be a supported reference.
            var name = text.AsSpan(start, length);
            int dot = name.IndexOf('.');
            if (dot < 0)
            {
                return null;
            }

            var rest = name[(dot + 1)..];
            var property = rest.IndexOf('.') is int next and >= 0 ? rest[..next] : rest;
            if (refs.Get(name[..dot], property) is not { } resolved)
            {
                return null;
            }

            var full = text.Substring(start - 2, length + 3);
            return new StringNode(full.Replace(name[..(dot + 1 + property.Length)].ToString(), resolved, StringComparison.Ordinal));
        });

    private static Node SubIdRefs(Node value, IReadOnlyDictionary<string, string> changed) =>
        HandleSubValue(value, (text, start, length) =>
        {
            var name = text.AsSpan(start, length);
            var logicalId = (name.IndexOf('.') is int dot and >= 0 ? name[..dot] : name).ToString();
            return changed.TryGetValue(logicalId, out var to) && to.Length > 0
                ? new StringNode(text.Substring(start - 2, length + 3).Replace(logicalId, to, StringComparison.Ordinal))
                : null;
        });

    private static bool IsGetAttArgs(Node value, out string[] items)
    {
        items = [];
        if (value is not SeqNode { Count: >= 2 } s || !s.Items.All(i => i is StringNode))
        {
            return false;
        }

        items = s.Items.Select(i => ((StringNode)i).Value).ToArray();
        return true;
    }

    /// <summary>
    /// What a reference <c>${name}</c> of an Fn::Sub text becomes: given the text and where the name starts and how long
    /// it is, the whole reference's replacement (a string, else the template is invalid), or null to leave it.
    /// </summary>
    private delegate Node? SubReplacement(string text, int nameStart, int nameLength);

    private static Node HandleSubValue(Node subValue, SubReplacement handler)
    {
        if (subValue is StringNode s)
        {
            var text = SubAllRefs(s.Value, handler, s);
            return ReferenceEquals(text, s.Value) ? s : new StringNode(text) { Span = s.Span, Unicode = s.Unicode };
        }

        if (subValue is SeqNode { Count: > 0 } seq && seq[0] is StringNode first)
        {
            var text = SubAllRefs(first.Value, handler, first);
            if (!ReferenceEquals(text, first.Value))
            {
                seq[0] = new StringNode(text) { Span = first.Span, Unicode = first.Unicode };
            }
        }

        return subValue;
    }

    /// <summary>
    /// The reference's _sub_all_refs: for each <c>${name}</c> of the text (left to right, as re.finditer finds them),
    /// the first occurrence of that reference in the text substituted so far is replaced by the handler's value. The
    /// text itself is returned when nothing changed.
    /// </summary>
    private static string SubAllRefs(string text, SubReplacement handler, Node source)
    {
        var substituted = text;
        int from = 0;
        while (NextSubRef(text, ref from, out int start, out int length))
        {
            var replacement = handler(text, start + 2, length - 3);
            if (replacement is null)
            {
                continue;
            }

            if (replacement is not StringNode { Value: var value })
            {
                throw new InvalidDocumentException([new InvalidTemplateException($"Invalid Fn::Sub variable value {Py.Str(replacement)}. Fn::Sub expects all variables to be strings.").Locate(source)]);
            }

            var full = text.AsSpan(start, length);
            if (full.SequenceEqual(value))
            {
                continue; // replacing the reference by itself changes nothing
            }

            int at = substituted.AsSpan().IndexOf(full, StringComparison.Ordinal);
            if (at >= 0)
            {
                substituted = string.Concat(substituted.AsSpan(0, at), value, substituted.AsSpan(at + length));
            }
        }

        return substituted;
    }

    /// <summary>
    /// The next match of <c>\$\{([A-Za-z0-9.]+|AWS::[A-Z][A-Za-z]*)\}</c> at or after <paramref name="from"/>, which
    /// then moves past it.
    /// </summary>
    private static bool NextSubRef(string text, ref int from, out int start, out int length)
    {
        while (from < text.Length)
        {
            int at = text.IndexOf("${", from, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            int end = RefNameEnd(text, at + 2);
            if (end >= 0 && end < text.Length && text[end] == '}')
            {
                start = at;
                length = end + 1 - at;
                from = end + 1;
                return true;
            }

            from = at + 1;
        }

        start = length = 0;
        from = text.Length;
        return false;
    }

    /// <summary>Where a reference name starting at <paramref name="i"/> ends (its closing brace's place), or -1.</summary>
    private static int RefNameEnd(string text, int i)
    {
        int j = i;
        while (j < text.Length && (char.IsAsciiLetterOrDigit(text[j]) || text[j] == '.'))
        {
            j++;
        }

        if (j > i && j < text.Length && text[j] == '}')
        {
            return j;
        }

        // The second alternative: AWS:: then an upper-case letter and letters.
        if (text.AsSpan(i).StartsWith("AWS::", StringComparison.Ordinal) && i + 5 < text.Length && char.IsAsciiLetterUpper(text[i + 5]))
        {
            j = i + 6;
            while (j < text.Length && char.IsAsciiLetter(text[j]))
            {
                j++;
            }

            return j;
        }

        return -1;
    }
}
