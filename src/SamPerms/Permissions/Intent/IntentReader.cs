using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Text;
using SamPerms.Yaml;

namespace SamPerms.Permissions.Intent;

/// <summary>
/// Reads intent: an intent file (YAML or JSON, CloudFormation short-form tags allowed, see
/// schemas/intent.schema.json) or the <c>Metadata: SamPerms:</c> of functions and state machines in a template.
/// Problems are collected as located diagnostics.
/// </summary>
public static class IntentReader
{
    private static readonly string[] SubjectKeys = ["InvokedBy", "Allow", "Deny"];
    private static readonly string[] InvokeKeys = ["Principal", "Source", "SourceAccount", "EventSource", "Authorization"];
    private static readonly string[] AllowKeys = ["Action", "Resource", "Condition"];

    public static (IntentDocument Intent, List<Diagnostic> Diagnostics) ReadFile(byte[] bytes, string file)
    {
        var diagnostics = new List<Diagnostic>();
        var read = TemplateReader.Read(bytes);
        if (!read.Succeeded)
        {
            diagnostics.AddRange(read.Diagnostics.Select(d => d.WithFile(file)));
            return (IntentDocument.Empty, diagnostics);
        }

        if (read.Root is NullNode)
        {
            return (IntentDocument.Empty, diagnostics);
        }

        if (read.Root is not MapNode root)
        {
            diagnostics.Add(IntentDiagnostics.Invalid("an intent file is a mapping with Functions and StateMachines", read.Root!.Span, file));
            return (IntentDocument.Empty, diagnostics);
        }

        var subjects = new List<SubjectIntent>();
        foreach (var e in root.Entries)
        {
            var kind = e.Key switch
            {
                "Functions" => SubjectKind.Function,
                "StateMachines" => SubjectKind.StateMachine,
                _ => (SubjectKind?)null,
            };
            if (kind is null)
            {
                if (e.Key != "$schema")
                {
                    diagnostics.Add(IntentDiagnostics.Invalid($"unknown key '{e.Key}': an intent file has Functions and StateMachines", e.KeySpan, file));
                }

                continue;
            }

            if (e.Value is NullNode)
            {
                continue;
            }

            if (e.Value is not MapNode section)
            {
                diagnostics.Add(IntentDiagnostics.Invalid($"{e.Key} must map logical ids to their intent", e.Value.Span, file));
                continue;
            }

            foreach (var s in section.Entries)
            {
                if (ReadSubject(s.Key, kind.Value, s.Value, s.KeySpan, file, $"{e.Key}.{s.Key}", diagnostics) is { } subject)
                {
                    subjects.Add(subject);
                }
            }
        }

        return (new IntentDocument(subjects), diagnostics);
    }

    /// <summary>Intent written in the template, under a resource's <c>Metadata: SamPerms:</c>.</summary>
    public static (IntentDocument Intent, List<Diagnostic> Diagnostics) ReadInline(Node? template, string file)
    {
        var diagnostics = new List<Diagnostic>();
        var subjects = new List<SubjectIntent>();
        if ((template as MapNode)?.Get("Resources") is not MapNode resources)
        {
            return (IntentDocument.Empty, diagnostics);
        }

        foreach (var e in resources.Entries)
        {
            if (e.Value is not MapNode r || (r.Get("Metadata") as MapNode)?.Get("SamPerms") is not { } intent)
            {
                continue;
            }

            var kind = r.Get("Type")?.Str is "AWS::Serverless::StateMachine" or "AWS::StepFunctions::StateMachine"
                ? SubjectKind.StateMachine : SubjectKind.Function;
            if (ReadSubject(e.Key, kind, intent, resources.KeySpanOf(e.Key), file, $"Resources.{e.Key}.Metadata.SamPerms", diagnostics) is { } subject)
            {
                subjects.Add(subject);
            }
        }

        return (new IntentDocument(subjects), diagnostics);
    }

    private static SubjectIntent? ReadSubject(string id, SubjectKind kind, Node node, SourceSpan keySpan, string file, string path, List<Diagnostic> diagnostics)
    {
        var location = new IntentLocation(file, path, keySpan.IsKnown ? keySpan : node.Span);
        if (node is NullNode)
        {
            return new SubjectIntent(id, kind, null, null, location);
        }

        if (node is not MapNode m)
        {
            diagnostics.Add(IntentDiagnostics.Invalid($"the intent for '{id}' must be a mapping with InvokedBy, Allow and Deny", node.Span, file));
            return null;
        }

        CheckKeys(m, SubjectKeys, file, diagnostics);
        var invokedBy = m.Get("InvokedBy") is { } ib ? Items(ib, $"{path}.InvokedBy", file, diagnostics).Select(x => ReadInvoke(x.Node, x.Path, file, diagnostics)).OfType<InvokeIntent>().ToList() : null;
        var allow = m.Get("Allow") is { } al ? Items(al, $"{path}.Allow", file, diagnostics).Select(x => ReadAllow(x.Node, x.Path, file, diagnostics, "Allow")).OfType<AllowIntent>().ToList() : null;
        var deny = m.Get("Deny") is { } de ? Items(de, $"{path}.Deny", file, diagnostics).Select(x => ReadAllow(x.Node, x.Path, file, diagnostics, "Deny")).OfType<AllowIntent>().ToList() : null;
        return new SubjectIntent(id, kind, invokedBy, allow, location) { Deny = deny };
    }

    private static InvokeIntent? ReadInvoke(Node node, string path, string file, List<Diagnostic> diagnostics)
    {
        if (node is not MapNode m)
        {
            diagnostics.Add(IntentDiagnostics.Invalid("an InvokedBy entry is a mapping with Principal (and Source, SourceAccount) or EventSource", node.Span, file));
            return null;
        }

        CheckKeys(m, InvokeKeys, file, diagnostics);
        var principal = m.Get("Principal");
        if (principal is not null and not StringNode)
        {
            diagnostics.Add(IntentDiagnostics.Invalid("Principal must be a string: a service (s3.amazonaws.com), an account id or ARN, or *", principal.Span, file));
            return null;
        }

        if (principal is null && m.Get("EventSource") is null)
        {
            diagnostics.Add(IntentDiagnostics.Invalid("an InvokedBy entry needs a Principal or an EventSource", m.Span, file));
            return null;
        }

        var authorization = m.Get("Authorization");
        if (authorization is not null and not StringNode { Value: "required" or "none" })
        {
            diagnostics.Add(IntentDiagnostics.Invalid("Authorization must be 'required' (every API route and function URL must authorize callers) or 'none' (open on purpose)", authorization.Span, file));
            return null;
        }

        return new InvokeIntent(principal?.Str, m.Get("Source"), m.Get("SourceAccount"), m.Get("EventSource"), new IntentLocation(file, path, m.Span),
            AuthorizationRequired: authorization is StringNode { Value: "required" });
    }

    private static AllowIntent? ReadAllow(Node node, string path, string file, List<Diagnostic> diagnostics, string side)
    {
        if (node is not MapNode m)
        {
            diagnostics.Add(IntentDiagnostics.Invalid($"an {side} entry is a mapping with Action and Resource", node.Span, file));
            return null;
        }

        CheckKeys(m, AllowKeys, file, diagnostics);
        var actions = Values(m.Get("Action"));
        var resources = Values(m.Get("Resource"));
        if (actions.Count == 0 || resources.Count == 0)
        {
            diagnostics.Add(IntentDiagnostics.Invalid($"an {side} entry needs Action and Resource (use '*' for any resource)", m.Span, file));
            return null;
        }

        foreach (var a in actions)
        {
            if (a is not StringNode s || (!s.Value.Contains(':', StringComparison.Ordinal) && s.Value != "*"))
            {
                diagnostics.Add(IntentDiagnostics.Invalid("an action is written service:Action (wildcards allowed), e.g. s3:GetObject or logs:*", a.Span, file));
                return null;
            }
        }

        var condition = m.Get("Condition");
        if (condition is not null and not MapNode)
        {
            diagnostics.Add(IntentDiagnostics.Invalid("Condition is an IAM condition block: a mapping of operators to keys and values", condition.Span, file));
            return null;
        }

        return new AllowIntent(actions, resources, condition, new IntentLocation(file, path, m.Span));
    }

    /// <summary>A list's items, or a single value as a one-item list.</summary>
    private static List<(Node Node, string Path)> Items(Node node, string path, string file, List<Diagnostic> diagnostics)
    {
        if (node is SeqNode s)
        {
            return s.Items.Select((n, i) => (n, $"{path}[{i}]")).ToList();
        }

        if (node is NullNode)
        {
            return [];
        }

        diagnostics.Add(IntentDiagnostics.Invalid($"{path[(path.LastIndexOf('.') + 1)..]} must be a list", node.Span, file));
        return [];
    }

    /// <summary>A string, an intrinsic, or a list of them.</summary>
    private static List<Node> Values(Node? node) => node switch
    {
        null or NullNode => [],
        SeqNode s => [.. s.Items],
        _ => [node],
    };

    private static void CheckKeys(MapNode m, string[] allowed, string file, List<Diagnostic> diagnostics)
    {
        foreach (var e in m.Entries)
        {
            if (!allowed.Contains(e.Key))
            {
                var near = Suggest.Closest(e.Key, allowed, 1);
                var hint = near.Count == 1 ? $"; did you mean '{near[0]}'?" : "";
                diagnostics.Add(IntentDiagnostics.Invalid($"unknown key '{e.Key}' (expected {string.Join(", ", allowed)}{hint})", e.KeySpan, file));
            }
        }
    }
}
