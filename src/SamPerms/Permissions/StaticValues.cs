using System.Text;
using SamPerms.Model;

namespace SamPerms.Permissions;

/// <summary>
/// Resolves CloudFormation values as far as they can be known before deploy: parameters (overrides, then
/// defaults), pseudo parameters of the chosen region and partition, Fn::Sub / Fn::Join / Fn::Select /
/// Fn::Split / Fn::If with a decidable condition, and Ref / GetAtt to resources whose name is set literally.
/// Everything else stays symbolic, written <c>${LogicalId}</c> or <c>${LogicalId.Attr}</c>, so
/// <c>arn:aws:s3:::${SourceBucket}/*</c> reads naturally.
/// </summary>
public sealed partial class StaticValues : Iam.IPolicyValues
{
    private readonly MapNode _resources;
    private readonly MapNode _parameters;
    private readonly MapNode _conditions;
    private readonly string _region;
    private readonly string _partition;
    private readonly Dictionary<string, bool?> _conditionCache = new(StringComparer.Ordinal);

    // Resources whose name is being rendered: a name that refers to itself (directly or through others) stays symbolic.
    private readonly HashSet<string> _naming = new(StringComparer.Ordinal);

    // ARNs of the template's resources found outside any name lookup (ArnOf), by logical id and attribute.
    private readonly Dictionary<(string LogicalId, string? Attribute), string?> _arns = [];

    public StaticValues(MapNode template, string region, string partition, IReadOnlyDictionary<string, string> overrides)
    {
        _resources = template.Get("Resources") as MapNode ?? new MapNode();
        _conditions = template.Get("Conditions") as MapNode ?? new MapNode();
        _region = region;
        _partition = partition;
        _parameters = new MapNode();

        // A NoEcho parameter's value is a secret: it stays symbolic (${DbPassword}) in everything rendered from here.
        var secret = NoEchoParameters.Names(template);
        foreach (var (k, v) in overrides)
        {
            if (!secret.Contains(k))
            {
                _parameters.Set(k, v);
            }
        }

        if (template.Get("Parameters") is MapNode ps)
        {
            foreach (var e in ps.Entries)
            {
                if (!secret.Contains(e.Key) && !_parameters.ContainsKey(e.Key) && e.Value is MapNode p && p.Get("Default") is { } d and not MapNode and not SeqNode)
                {
                    _parameters.Set(e.Key, d);
                }
            }
        }
    }

    public string Partition => _partition;

    public string Region => _region;

    public Rendered Render(Node? node)
    {
        switch (node)
        {
            case null or NullNode:
                return new Rendered("", true);
            case StringNode s:
                return new Rendered(s.Value, true);
            case BoolNode b:
                return new Rendered(b.Value ? "true" : "false", true);
            case IntNode or FloatNode:
                return new Rendered(node.ToString(), true);
            case MapNode m when Intrinsics.IsIntrinsic(m):
                return RenderIntrinsic(m);
            default:
                return new Rendered(node.ToString(), false);
        }
    }

    /// <summary>Evaluates a named condition when its inputs are known; null when it cannot be decided.</summary>
    public bool? Condition(string name)
    {
        if (_conditionCache.TryGetValue(name, out var cached))
        {
            return cached;
        }

        _conditionCache[name] = null; // guards against cycles
        var value = _conditions.Get(name) is { } c ? Evaluate(c) : null;
        _conditionCache[name] = value;
        return value;
    }

    private bool? Evaluate(Node node)
    {
        if (node is BoolNode b)
        {
            return b.Value;
        }

        if (node is not MapNode { Count: 1 } m)
        {
            return null;
        }

        var (key, arg) = (m.Entries[0].Key, m.Entries[0].Value);
        switch (key)
        {
            case "Condition":
                return arg is StringNode s ? Condition(s.Value) : null;
            case "Fn::Equals" when arg is SeqNode { Count: 2 } eq:
                var a = Render(eq[0]);
                var bb = Render(eq[1]);
                return a.Exact && bb.Exact ? a.Text == bb.Text : null;
            case "Fn::Not" when arg is SeqNode { Count: 1 } not:
                return Evaluate(not[0]) is { } v ? !v : null;
            case "Fn::And" when arg is SeqNode and:
                var all = and.Items.Select(Evaluate).ToList();
                return all.Any(x => x == false) ? false : all.All(x => x == true) ? true : null;
            case "Fn::Or" when arg is SeqNode or:
                var any = or.Items.Select(Evaluate).ToList();
                return any.Any(x => x == true) ? true : any.All(x => x == false) ? false : null;
            default:
                return null;
        }
    }

    private Rendered RenderIntrinsic(MapNode m)
    {
        var (key, arg) = (m.Entries[0].Key, m.Entries[0].Value);
        switch (key)
        {
            case "Ref" when arg is StringNode r:
                return Ref(r.Value);
            case "Fn::GetAtt":
                var parts = arg is SeqNode gs ? gs.Items.Select(i => Render(i).Text).ToList()
                    : arg is StringNode gstr ? [.. gstr.Value.Split('.', 2)] : [];
                return parts.Count >= 2 ? GetAtt(parts[0], string.Join('.', parts.Skip(1))) : Opaque(m);
            case "Fn::Sub":
                return Sub(arg);
            case "Fn::Join" when arg is SeqNode { Count: 2 } j && j[1] is SeqNode items:
                var sep = Render(j[0]);
                var rendered = items.Items.Select(Render).ToList();
                return new Rendered(string.Join(sep.Text, rendered.Select(x => x.Text)), sep.Exact && rendered.All(x => x.Exact));
            case "Fn::Select" when arg is SeqNode { Count: 2 } sel && Render(sel[0]) is { Exact: true } idx && int.TryParse(idx.Text, out var i):
                var list = ListOf(sel[1]);
                return list is not null && i >= 0 && i < list.Count ? list[i] : Opaque(m);
            case "Fn::If" when arg is SeqNode { Count: 3 } iff && iff[0] is StringNode cond:
                return Condition(cond.Value) switch
                {
                    true => Render(iff[1]),
                    false => Render(iff[2]),
                    _ => new Rendered($"If({cond.Value}, {Render(iff[1]).Text}, {Render(iff[2]).Text})", false),
                };
            case "Fn::ImportValue":
                return new Rendered("${Import:" + Render(arg).Text + "}", false);
            default:
                return Opaque(m);
        }
    }

    private List<Rendered>? ListOf(Node node)
    {
        if (node is SeqNode s)
        {
            return s.Items.Select(Render).ToList();
        }

        if (Intrinsics.Is(node, "Fn::Split") && Intrinsics.Arg(node) is SeqNode { Count: 2 } split)
        {
            var sep = Render(split[0]);
            var text = Render(split[1]);
            if (sep.Exact && sep.Text.Length > 0)
            {
                return text.Text.Split(sep.Text).Select(t => new Rendered(t, text.Exact)).ToList();
            }
        }

        return null;
    }

    private static Rendered Opaque(MapNode m) => new(m.ToString(), false);

    private Rendered Ref(string name)
    {
        switch (name)
        {
            case "AWS::Region":
                return new Rendered(_region, true);
            case "AWS::Partition":
                return new Rendered(_partition, true);
            case "AWS::URLSuffix":
                return new Rendered(_partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com", true);
            case "AWS::NoValue":
                return new Rendered("", true);
        }

        if (_parameters.Get(name) is { } p)
        {
            return Render(p);
        }

        if (_resources.Get(name) is MapNode r && Naming(name, () => LiteralName(r)) is { } literal)
        {
            return new Rendered(literal, true);
        }

        return new Rendered("${" + name + "}", false);
    }

    private Rendered GetAtt(string logicalId, string attribute)
    {
        if (attribute == "Arn" && _resources.Get(logicalId) is MapNode r && Naming(logicalId, () => LiteralArn(r)) is { } arn)
        {
            return new Rendered(arn, !arn.Contains("${", StringComparison.Ordinal));
        }

        return new Rendered("${" + logicalId + "." + attribute + "}", false);
    }

    private Rendered Sub(Node arg)
    {
        string template;
        MapNode? variables = null;
        if (arg is StringNode s)
        {
            template = s.Value;
        }
        else if (arg is SeqNode { Count: >= 1 } seq && seq[0] is StringNode t)
        {
            template = t.Value;
            variables = seq.Count > 1 ? seq[1] as MapNode : null;
        }
        else
        {
            return new Rendered(arg.ToString(), false);
        }

        bool exact = true;
        var result = SubPlaceholders.Replace(template, inner =>
        {
            if (inner.Length == 0)
            {
                return null; // "${}" names nothing and stays as written
            }

            if (inner.StartsWith('!'))
            {
                return "${" + inner[1..] + "}";
            }

            Rendered value;
            if (variables?.Get(inner) is { } v)
            {
                value = Render(v);
            }
            else if (inner.Contains('.', StringComparison.Ordinal) && !inner.StartsWith("AWS::", StringComparison.Ordinal))
            {
                var dot = inner.IndexOf('.', StringComparison.Ordinal);
                value = GetAtt(inner[..dot], inner[(dot + 1)..]);
            }
            else
            {
                value = Ref(inner);
            }

            exact &= value.Exact;
            return value.Text;
        });
        return new Rendered(result, exact);
    }

    /// <summary>Runs a name lookup for a resource unless that resource's name is already being looked up (a cycle).</summary>
    private string? Naming(string logicalId, Func<string?> lookup)
    {
        if (!_naming.Add(logicalId))
        {
            return null;
        }

        try
        {
            return lookup();
        }
        finally
        {
            _naming.Remove(logicalId);
        }
    }

    /// <summary>The name a resource's Ref returns, when the template sets it literally.</summary>
    private string? LiteralName(MapNode resource)
    {
        var type = resource.Get("Type")?.Str;
        var props = resource.Get("Properties") as MapNode;
        string? Prop(string n) => props?.Get(n) is { } v && Render(v) is { Exact: true } r ? r.Text : null;
        return type switch
        {
            "AWS::S3::Bucket" => Prop("BucketName"),
            "AWS::DynamoDB::Table" => Prop("TableName"),
            "AWS::Lambda::Function" => Prop("FunctionName"),
            "AWS::IAM::Role" => Prop("RoleName"),
            "AWS::Logs::LogGroup" => Prop("LogGroupName"),
            "AWS::Kinesis::Stream" => Prop("Name"),
            _ => null,
        };
    }

    /// <summary>The ARN of a resource whose name the template sets literally.</summary>
    private string? LiteralArn(MapNode resource)
    {
        var type = resource.Get("Type")?.Str;
        var props = resource.Get("Properties") as MapNode;
        string? Prop(string n) => props?.Get(n) is { } v && Render(v) is { Exact: true } r ? r.Text : null;
        var account = "${AWS::AccountId}";
        return type switch
        {
            "AWS::S3::Bucket" when Prop("BucketName") is { } b => $"arn:{_partition}:s3:::{b}",
            "AWS::DynamoDB::Table" when Prop("TableName") is { } t => $"arn:{_partition}:dynamodb:{_region}:{account}:table/{t}",
            "AWS::SQS::Queue" when Prop("QueueName") is { } q => $"arn:{_partition}:sqs:{_region}:{account}:{q}",
            "AWS::SNS::Topic" when Prop("TopicName") is { } t => $"arn:{_partition}:sns:{_region}:{account}:{t}",
            "AWS::Lambda::Function" when Prop("FunctionName") is { } f => $"arn:{_partition}:lambda:{_region}:{account}:function:{f}",
            "AWS::Kinesis::Stream" when Prop("Name") is { } s => $"arn:{_partition}:kinesis:{_region}:{account}:stream/{s}",
            _ => null,
        };
    }
}
