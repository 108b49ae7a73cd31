using SamPerms.Model;

namespace SamPerms.Permissions;

/// <summary>
/// Reads every AWS::Lambda::Permission and event source mapping of the template and attaches each to the
/// function it targets — by Ref or GetAtt of the function, of one of its aliases or versions, or by name.
/// </summary>
internal sealed class InvokerCollector
{
    private readonly AnalysisContext _ctx;
    private readonly Dictionary<string, List<Invoker>> _byFunction = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Poller>> _pollers = new(StringComparer.Ordinal);
    private readonly List<Invoker> _unattached = [];
    private readonly ApiPathIndex _apiPaths = new();

    public InvokerCollector(AnalysisContext ctx)
    {
        _ctx = ctx;
        foreach (var e in ctx.Resources.Entries)
        {
            if (e.Value is not MapNode r || r.Get("Properties") is not MapNode p)
            {
                continue;
            }

            switch (r.Get("Type")?.Str)
            {
                case "AWS::Lambda::Permission":
                    AddPermission(e.Key, r, p);
                    break;
                case "AWS::Lambda::EventSourceMapping":
                    if (Target(p.Get("FunctionName")) is { } target)
                    {
                        Add(_pollers, target.Function, new Poller(e.Key, ctx.Values.Render(p.Get("EventSourceArn") ?? p.Get("SelfManagedEventSource")), Source.From(ctx.OriginOf(e.Key), "event source mapping")));
                    }

                    break;
            }
        }
    }

    public IReadOnlyList<Invoker> For(string logicalId, SubjectKind kind)
    {
        _ = kind;
        return _byFunction.TryGetValue(logicalId, out var list) ? list : [];
    }

    public IReadOnlyList<Poller> PollersFor(string logicalId) => _pollers.TryGetValue(logicalId, out var list) ? list : [];

    public IReadOnlyList<Invoker> Unattached() => _unattached;

    private void AddPermission(string id, MapNode resource, MapNode p)
    {
        var values = _ctx.Values;
        string? Text(string name) => p.Get(name) is { } v ? values.Render(v).Text : null;
        Rendered? Value(string name) => p.Get(name) is { } v ? values.Render(v) : null;
        var target = Target(p.Get("FunctionName"));
        var invoker = new Invoker(
            Text("Principal") ?? "",
            Text("Action") ?? "",
            Value("SourceArn"),
            Value("SourceAccount"),
            Text("FunctionUrlAuthType"),
            target?.Qualifier ?? values.Render(p.Get("FunctionName")).Text,
            id,
            resource.Get("Condition")?.Str,
            Source.From(_ctx.OriginOf(id), "lambda permission"),
            InvokedViaFunctionUrl: p.Get("InvokedViaFunctionUrl") is BoolNode { Value: true } || p.Get("InvokedViaFunctionUrl")?.Str is "true" or "True");
        if (invoker.Principal.StartsWith("apigateway.", StringComparison.Ordinal) && invoker.SourceArn is { } sourceArn)
        {
            invoker = invoker with { ApiRoutes = ApiRoutes.For(_ctx.Resources, sourceArn.Text, _apiPaths) };
        }

        if (target is null)
        {
            _unattached.Add(invoker);
        }
        else
        {
            Add(_byFunction, target.Value.Function, invoker);
        }
    }

    /// <summary>The function a FunctionName value designates, and through what (the function, an alias, a version).</summary>
    private (string Function, string Qualifier)? Target(Node? functionName)
    {
        if (functionName is null)
        {
            return null;
        }

        if (_ctx.ReferencedResource(functionName) is { } id)
        {
            switch (_ctx.TypeOf(id))
            {
                case "AWS::Lambda::Function":
                    return (id, "function");
                case "AWS::Lambda::Alias" or "AWS::Lambda::Version":
                    var inner = _ctx.Properties(id)?.Get("FunctionName");
                    return _ctx.ReferencedResource(inner) is { } fn && _ctx.TypeOf(fn) == "AWS::Lambda::Function"
                        ? (fn, _ctx.TypeOf(id) == "AWS::Lambda::Alias" ? $"alias {_ctx.Values.Render(_ctx.Properties(id)?.Get("Name")).Text}" : "version")
                        : null;
            }

            return null;
        }

        // A name or ARN (possibly with unresolved parts, such as the account): match the function it names,
        // by its literal FunctionName or its ARN in canonical spelling, with any qualifier after it.
        var text = _ctx.Values.Render(functionName).Text;
        var canonical = _ctx.Values.Canonical(text);
        foreach (var functionId in _ctx.Index.OfType("AWS::Lambda::Function"))
        {
            var name = _ctx.Properties(functionId)?.Get("FunctionName") is { } n && _ctx.Values.Render(n) is { Exact: true } literal ? literal.Text : null;
            var arn = _ctx.Values.CanonicalArn(functionId);
            if ((name is not null && text == name) || canonical == arn)
            {
                return (functionId, "function");
            }

            if (arn is not null && canonical.StartsWith(arn + ":", StringComparison.Ordinal))
            {
                return (functionId, "qualifier " + canonical[(arn.Length + 1)..]);
            }

            int fn = text.LastIndexOf(":function:", StringComparison.Ordinal);
            if (name is not null && fn >= 0 && text[(fn + ":function:".Length)..].Split(':') is [var tail, ..] && tail == name)
            {
                var qualifier = text[(fn + ":function:".Length + tail.Length)..];
                return (functionId, qualifier.Length == 0 ? "function" : "qualifier " + qualifier[1..]);
            }
        }

        return null;
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T item)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        list.Add(item);
    }
}
