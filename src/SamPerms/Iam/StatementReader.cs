using System.Runtime.CompilerServices;
using SamPerms.Model;

namespace SamPerms.Iam;

/// <summary>
/// The one reader of IAM policy documents: a document (or an Fn::If of documents) into <see cref="Statement"/>s.
/// Fn::If is followed where the values decide it, into both branches (each marked with its condition) where
/// they do not; AWS::NoValue is dropped; string-or-list values are flattened.
/// </summary>
public static class StatementReader
{
    /// <summary>Statements already read, per document node and way of reading: each document is read once per template.</summary>
    private static readonly ConditionalWeakTable<Node, List<(IPolicyValues Values, string? Conditional, IReadOnlyList<Statement> Statements)>> Memo = new();

    /// <summary>The statements read of this document so far: on the map itself (documents are maps), else in the weak table.</summary>
    private static List<(IPolicyValues Values, string? Conditional, IReadOnlyList<Statement> Statements)> MemoOf(Node document)
    {
        if (document is not MapNode map)
        {
            return Memo.GetOrCreateValue(document);
        }

        if (map.ReaderMemo is List<(IPolicyValues, string?, IReadOnlyList<Statement>)> kept)
        {
            return kept;
        }

        var created = new List<(IPolicyValues Values, string? Conditional, IReadOnlyList<Statement> Statements)>(1);
        return Interlocked.CompareExchange(ref map.ReaderMemo, created, null) as List<(IPolicyValues, string?, IReadOnlyList<Statement>)> ?? created;
    }

    /// <summary>The statements of a document (read once for these values; statements are immutable and shared).</summary>
    public static IReadOnlyList<Statement> Read(Node? document, IPolicyValues values, string? conditional = null)
    {
        if (document is null)
        {
            return [];
        }

        var memo = MemoOf(document);
        lock (memo)
        {
            foreach (var (v, c, statements) in memo)
            {
                if (ReferenceEquals(v, values) && c == conditional)
                {
                    return statements;
                }
            }
        }

        var read = ReadDocument(document, values, conditional);
        lock (memo)
        {
            memo.Add((values, conditional, read));
        }

        return read;
    }

    private static List<Statement> ReadDocument(Node document, IPolicyValues values, string? conditional)
    {
        var result = new List<Statement>();

        foreach (var (doc, cond) in Branches(document, values, conditional))
        {
            if (doc is not MapNode d)
            {
                continue;
            }

            int first = result.Count;
            AddStatements(d.Get("Statement"), values, cond, result);
            if (Rejection(result, first) is { } rejected)
            {
                for (int i = first; i < result.Count; i++)
                {
                    result[i] = result[i] with { Rejected = rejected };
                }
            }
        }

        return result;
    }

    /// <summary>Why IAM rejects the document whose statements start at <paramref name="first"/>: its first malformed action.</summary>
    private static string? Rejection(List<Statement> statements, int first)
    {
        for (int i = first; i < statements.Count; i++)
        {
            foreach (var a in statements[i].ActionValues)
            {
                if (a.Exact && ActionSyntax.Problem(a.Text) is { } problem)
                {
                    return $"action '{a.Text}' {problem}";
                }
            }
        }

        return null;
    }

    /// <summary>A statement, a list of them, or an Fn::If of either; AWS::NoValue dropped.</summary>
    private static void AddStatements(Node? node, IPolicyValues values, string? conditional, List<Statement> result)
    {
        if (node is null || Intrinsics.IsNoValue(node))
        {
            return;
        }

        if (node is SeqNode s)
        {
            foreach (var item in s.Items)
            {
                AddStatements(item, values, conditional, result);
            }

            return;
        }

        foreach (var (st, cond) in Branches(node, values, conditional))
        {
            if (st is SeqNode)
            {
                AddStatements(st, values, cond, result);
            }
            else if (st is MapNode m && !Intrinsics.IsNoValue(m))
            {
                result.Add(ReadStatement(m, values, cond));
            }
        }
    }

    /// <summary>One statement map.</summary>
    public static Statement ReadStatement(MapNode m, IPolicyValues values, string? conditional)
    {
        bool notAction = !m.ContainsKey("Action") && m.ContainsKey("NotAction");
        bool notResource = !m.ContainsKey("Resource") && m.ContainsKey("NotResource");
        bool notPrincipal = !m.ContainsKey("Principal") && m.ContainsKey("NotPrincipal");
        return new Statement
        {
            Effect = values.Render(m.Get("Effect")).Text,
            ActionValues = Values(m.Get(notAction ? "NotAction" : "Action"), values, canonical: false),
            NotAction = notAction,
            Resources = Values(m.Get(notResource ? "NotResource" : "Resource"), values),
            NotResource = notResource,
            Principal = m.Get(notPrincipal ? "NotPrincipal" : "Principal"),
            NotPrincipal = notPrincipal,
            Condition = m.Get("Condition"),
            Conditional = conditional,
            Node = m,
        };
    }

    /// <summary>The values an Fn::If may take: the decided branch, or both when undecidable (marked conditional).</summary>
    /// <remarks>A value that is no Fn::If (nearly all of them) is its own one branch: no list and no iterator are made for it.</remarks>
    public static PolicyBranches Branches(Node node, IPolicyValues values, string? conditional)
    {
        if (Intrinsics.IfArgs(node) is not { } args)
        {
            return new PolicyBranches((node, conditional), null);
        }

        var all = new List<(Node Value, string? Conditional)>();
        AddIfBranches(args, values, conditional, all);
        return new PolicyBranches(default, all);
    }

    private static void AddBranches(Node node, IPolicyValues values, string? conditional, List<(Node Value, string? Conditional)> into)
    {
        if (Intrinsics.IfArgs(node) is { } args)
        {
            AddIfBranches(args, values, conditional, into);
        }
        else
        {
            into.Add((node, conditional));
        }
    }

    private static void AddIfBranches(SeqNode args, IPolicyValues values, string? conditional, List<(Node Value, string? Conditional)> into)
    {
        var name = args[0] is StringNode c ? c.Value : null;
        var decided = name is null ? null : values.Condition(name);
        if (decided != false && !Intrinsics.IsNoValue(args[1]))
        {
            AddBranches(args[1], values, decided == true ? conditional : Join(conditional, name ?? "?"), into);
        }

        if (decided != true && !Intrinsics.IsNoValue(args[2]))
        {
            AddBranches(args[2], values, decided == false ? conditional : Join(conditional, "!" + (name ?? "?")), into);
        }
    }

    /// <summary>A string or list of strings (each possibly an intrinsic or an Fn::If), rendered, nested lists flattened.</summary>
    public static List<PolicyValue> Values(Node? node, IPolicyValues values, bool canonical = true)
    {
        var result = new List<PolicyValue>();
        foreach (var v in Nodes(node, values))
        {
            var r = values.Render(v);
            result.Add(new PolicyValue(r.Text, r.Exact, canonical ? values.Canonical(r.Text) : r.Text, v));
        }

        return result;
    }

    /// <summary>The nodes <see cref="Values"/> renders, in its order: for callers that need the nodes alone.</summary>
    public static List<Node> Nodes(Node? node, IPolicyValues values)
    {
        var result = new List<Node>();
        AddNodes(node, values, result);
        return result;
    }

    private static void AddNodes(Node? node, IPolicyValues values, List<Node> result)
    {
        if (node is null or NullNode)
        {
            return;
        }

        if (node is SeqNode s)
        {
            foreach (var item in s.Items)
            {
                AddNodes(item, values, result);
            }

            return;
        }

        foreach (var (v, _) in Branches(node, values, null))
        {
            if (v is SeqNode)
            {
                AddNodes(v, values, result);
            }
            else if (!Intrinsics.IsNoValue(v))
            {
                result.Add(v);
            }
        }
    }

    private static string Join(string? a, string b) => a is null ? b : $"{a} && {b}";
}
