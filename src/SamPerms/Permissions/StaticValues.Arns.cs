using SamPerms.Iam;
using SamPerms.Model;

namespace SamPerms.Permissions;

/// <summary>
/// One spelling per ARN, for comparing values: <c>${Bucket.Arn}</c> and <c>arn:aws:s3:::${Bucket}</c> name the
/// same bucket, <c>${Flow}</c> and <c>${Flow.Arn}</c> the same state machine. Display keeps what the template
/// wrote; comparisons (intent against grants, a policy's resource against a function) use <see cref="Canonical"/>.
/// </summary>
public sealed partial class StaticValues
{
    /// <summary>The text with each symbolic ARN of a template resource written in its canonical form.</summary>
    public string Canonical(string text)
    {
        // Each ${Id} or ${Id.Attribute} (letters and digits; the attribute may have dots) whose ARN is known is
        // replaced by it, left to right; a scan, not a regular expression: this runs for every value of every policy.
        int at = text.IndexOf("${", StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        System.Text.StringBuilder? canonical = null;
        int copied = 0;
        while (at >= 0)
        {
            if (SymbolAt(text, at, out var id, out var attribute, out int end) && ArnOf(id, attribute) is { } arn)
            {
                canonical ??= new System.Text.StringBuilder(text.Length + 64);
                canonical.Append(text, copied, at - copied).Append(arn);
                copied = end;
            }

            at = text.IndexOf("${", end > at ? end : at + 1, StringComparison.Ordinal);
        }

        return canonical is null ? text : canonical.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>The symbol <c>${Id}</c> or <c>${Id.Attribute}</c> at <paramref name="at"/>; <paramref name="end"/> is just past it.</summary>
    private static bool SymbolAt(string text, int at, out string id, out string? attribute, out int end)
    {
        (id, attribute, end) = ("", null, at);
        int i = at + 2;
        while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
        {
            i++;
        }

        if (i == at + 2 || i == text.Length)
        {
            return false;
        }

        if (text[i] == '}')
        {
            (id, end) = (text[(at + 2)..i], i + 1);
            return true;
        }

        int j = i + 1;
        while (j < text.Length && (char.IsAsciiLetterOrDigit(text[j]) || text[j] == '.'))
        {
            j++;
        }

        if (text[i] != '.' || j == i + 1 || j == text.Length || text[j] != '}')
        {
            return false;
        }

        (id, attribute, end) = (text[(at + 2)..i], text[(i + 1)..j], j + 1);
        return true;
    }

    /// <summary>The canonical ARN of a template resource, when its type's ARN is known.</summary>
    public string? CanonicalArn(string logicalId) =>
        _resources.Get(logicalId) is MapNode r ? ArnOf(logicalId, AttributeForArn(r.Get("Type")?.Str)) : null;

    /// <summary>
    /// <see cref="CanonicalArn"/> for comparing with policy patterns: a function (state machine) without its name
    /// property gets a name CloudFormation generates, whose symbol is marked so (<see cref="SymbolicPattern.GeneratedName"/>).
    /// </summary>
    public string? RequestArn(string logicalId)
    {
        var arn = CanonicalArn(logicalId);
        if (arn is null || _resources.Get(logicalId) is not MapNode r)
        {
            return arn;
        }

        var props = r.Get("Properties") as MapNode;
        var (property, symbol) = r.Get("Type")?.Str switch
        {
            "AWS::Lambda::Function" => ("FunctionName", logicalId),
            "AWS::StepFunctions::StateMachine" => ("StateMachineName", logicalId + ".Name"),
            _ => (null, null),
        };
        return property is not null && props?.Get(property) is null && arn.EndsWith("${" + symbol + "}", StringComparison.Ordinal)
            ? arn[..^(symbol!.Length + 3)] + SymbolicPattern.GeneratedName(symbol)
            : arn;
    }

    /// <summary>The type of a resource of the template ("AWS::KMS::Key"), or null when there is none of that id.</summary>
    public string? ResourceType(string logicalId) => (_resources.Get(logicalId) as MapNode)?.Get("Type")?.Str;

    /// <summary>
    /// Does a symbol stand for a plain resource name (no '/' or ':'): the Ref of a bucket, table, function,
    /// stream, rule or role, or a Name-like attribute? Symbols for ARNs, URLs and parameters may hold anything.
    /// </summary>
    public bool IsNameSymbol(string symbol)
    {
        int dot = symbol.IndexOf('.', StringComparison.Ordinal);
        var id = dot < 0 ? symbol : symbol[..dot];
        if ((_resources.Get(id) as MapNode)?.Get("Type")?.Str is not { } type)
        {
            return false;
        }

        return dot < 0
            ? type is "AWS::S3::Bucket" or "AWS::DynamoDB::Table" or "AWS::Lambda::Function" or "AWS::Kinesis::Stream" or "AWS::Events::Rule" or "AWS::IAM::Role"
            : symbol[(dot + 1)..] is "Name" or "QueueName" or "TopicName" or "Version";
    }

    private static string? AttributeForArn(string? type) => type switch
    {
        "AWS::StepFunctions::StateMachine" or "AWS::SNS::Topic" or "AWS::Lambda::Alias" or "AWS::Lambda::Version" => null,
        _ => "Arn",
    };

    /// <summary>The ARN a Ref (attribute null) or GetAtt of a resource stands for; null when it is not an ARN.</summary>
    /// <remarks>
    /// Asked for every statement that names the resource: an answer is kept when it was found outside any name lookup
    /// (a lookup in progress makes the resource's own name symbolic, <see cref="Naming"/>), and given again only there.
    /// </remarks>
    internal string? ArnOf(string logicalId, string? attribute)
    {
        if (_naming.Count > 0)
        {
            return FindArn(logicalId, attribute);
        }

        if (!_arns.TryGetValue((logicalId, attribute), out var arn))
        {
            arn = FindArn(logicalId, attribute);
            _arns[(logicalId, attribute)] = arn;
        }

        return arn;
    }

    private string? FindArn(string logicalId, string? attribute)
    {
        if (_resources.Get(logicalId) is not MapNode r)
        {
            return null;
        }

        var type = r.Get("Type")?.Str;
        var props = r.Get("Properties") as MapNode;
        var prefix = $"arn:{_partition}:";
        var regional = $"{_region}:${{AWS::AccountId}}";
        string Name(string property, string fallback) =>
            props?.Get(property) is { } v && Render(v) is { Exact: true } n ? n.Text : fallback;
        return (type, attribute) switch
        {
            ("AWS::S3::Bucket", "Arn") => $"{prefix}s3:::{Name("BucketName", "${" + logicalId + "}")}",
            ("AWS::DynamoDB::Table", "Arn") => $"{prefix}dynamodb:{regional}:table/{Name("TableName", "${" + logicalId + "}")}",
            ("AWS::SQS::Queue", "Arn") => $"{prefix}sqs:{regional}:{Name("QueueName", "${" + logicalId + ".QueueName}")}",
            ("AWS::SNS::Topic", null or "TopicArn") => $"{prefix}sns:{regional}:{Name("TopicName", "${" + logicalId + ".TopicName}")}",
            ("AWS::Lambda::Function", "Arn") => $"{prefix}lambda:{regional}:function:{Name("FunctionName", "${" + logicalId + "}")}",
            ("AWS::Lambda::Alias", null) => Qualified(props, Name("Name", "${" + logicalId + ".Name}")),
            ("AWS::Lambda::Version", null) => Qualified(props, "${" + logicalId + ".Version}"),
            ("AWS::StepFunctions::StateMachine", null or "Arn") => $"{prefix}states:{regional}:stateMachine:{Name("StateMachineName", "${" + logicalId + ".Name}")}",
            ("AWS::StepFunctions::StateMachineVersion", null or "Arn") => StateMachineOf(props) is { } machine ? $"{machine}:${{{logicalId}.Version}}" : null,
            ("AWS::StepFunctions::StateMachineAlias", null or "Arn") => StateMachineOfAlias(props) is { } machine ? $"{machine}:{Name("Name", "${" + logicalId + ".Name}")}" : null,
            ("AWS::Kinesis::Stream", "Arn") => $"{prefix}kinesis:{regional}:stream/{Name("Name", "${" + logicalId + "}")}",
            ("AWS::Events::Rule", "Arn") => $"{prefix}events:{regional}:rule/{Name("Name", "${" + logicalId + "}")}",
            ("AWS::KMS::Key", "Arn") => $"{prefix}kms:{regional}:key/${{{logicalId}}}",
            ("AWS::IAM::Role", "Arn") => $"{prefix}iam::${{AWS::AccountId}}:role/{Name("RoleName", "${" + logicalId + "}")}",
            _ => null,
        };
    }

    /// <summary>The ARN of the state machine a StateMachineVersion's StateMachineArn names.</summary>
    private string? StateMachineOf(MapNode? versionProps) =>
        Intrinsics.LogicalIdOf(versionProps?.Get("StateMachineArn")) is { } id ? ArnOf(id, null) : null;

    /// <summary>
    /// The ARN of the state machine behind an alias: through the version its DeploymentPreference or first
    /// RoutingConfiguration entry names.
    /// </summary>
    private string? StateMachineOfAlias(MapNode? aliasProps)
    {
        var version = (aliasProps?.Get("DeploymentPreference") as MapNode)?.Get("StateMachineVersionArn")
            ?? ((aliasProps?.Get("RoutingConfiguration") as SeqNode)?.Items.FirstOrDefault() as MapNode)?.Get("StateMachineVersionArn");
        return Intrinsics.LogicalIdOf(version) is { } id && _resources.Get(id) is MapNode v
            && v.Get("Type")?.Str == "AWS::StepFunctions::StateMachineVersion"
            ? StateMachineOf(v.Get("Properties") as MapNode)
            : null;
    }

    /// <summary>An alias or version ARN: the function's ARN and the qualifier.</summary>
    private string? Qualified(MapNode? props, string qualifier)
    {
        var function = props?.Get("FunctionName");
        var id = Intrinsics.LogicalIdOf(function);
        var functionArn = id is not null ? ArnOf(id, "Arn") : function is not null && Render(function) is { Exact: true } f ? f.Text : null;
        return functionArn is null ? null : $"{functionArn}:{qualifier}";
    }
}
