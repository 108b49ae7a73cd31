using SamPerms.Model;

namespace SamPerms.Tests.Robustness;

/// <summary>
/// Makes hostile variants of a template: a value at a random place replaced by another type or an intrinsic
/// (well or badly formed), keys deleted or invented, entries duplicated, collections emptied, strings swapped
/// for other strings of the same template (so event types, logical ids and resource types get mixed up).
/// Deterministic: the same template and seed always give the same mutant.
/// </summary>
public sealed class TemplateMutator
{
    private static readonly string[] InventedKeys =
        ["Bogus", "Type", "Properties", "Events", "Policies", "Condition", "DependsOn", "Auth", "Ref", "Fn::If", "Fn::GetAtt", "Id", "Arn", "Name", "Variables"];

    /// <summary>
    /// Words SAM gives meaning to (types, enums, modes), so that a swapped string often selects another code path
    /// instead of being refused at once.
    /// </summary>
    private static readonly string[] Vocabulary =
    [
        "AWS::Serverless::Function", "AWS::Serverless::StateMachine", "AWS::Serverless::HttpApi", "AWS::Serverless::WebSocketApi",
        "AWS::Serverless::SimpleTable", "AWS::Serverless::LayerVersion", "AWS::Serverless::Application", "AWS::Serverless::Connector",
        "AWS::Serverless::GraphQLApi", "AWS::Serverless::CapacityProvider", "AWS::Lambda::Function", "AWS::SQS::Queue", "AWS::SNS::Topic",
        "AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::Events::EventBus", "AWS::StepFunctions::StateMachine", "AWS::IAM::Role",
        "SQS", "SNS", "S3", "Kinesis", "DynamoDB", "MSK", "MQ", "SelfManagedKafka", "DocumentDB", "Schedule", "ScheduleV2",
        "CloudWatchEvent", "EventBridgeRule", "CloudWatchLogs", "IoTRule", "AlexaSkill", "Cognito", "HttpApi", "Api", "Lambda",
        "EventBridge", "S3Bucket", "AWS_LAMBDA", "AWS_IAM", "API_KEY", "AMAZON_COGNITO_USER_POOLS", "OPENID_CONNECT", "CUSTOM", "NONE",
        "Zip", "Image", "LATEST", "TRIM_HORIZON", "AT_TIMESTAMP", "AllAtOnce", "Canary10Percent5Minutes", "Linear10PercentEvery1Minute",
        "LINEAR", "CANARY", "ALL_AT_ONCE", "EXPRESS", "STANDARD", "Read", "Write", "PassThrough", "Active", "REGIONAL", "EDGE",
        "PRIVATE", "2.0", "1.0", "x86_64", "arm64", "Retain", "Delete", "$default", "$connect", "BASIC_AUTH", "VPC_SUBNET",
        "VPC_SECURITY_GROUP", "SASL_SCRAM_512_AUTH", "CLIENT_CERTIFICATE_TLS_AUTH", "SERVER_ROOT_CA_CERTIFICATE", "ENABLED", "DISABLED",
        "FULL_REQUEST_CACHING", "PER_RESOLVER_CACHING", "APPSYNC_JS", "UNIT", "PIPELINE", "AWS::NoValue", "AWS::Region", "s3://b/k.zip",
    ];

    private readonly Random _random;
    private readonly string[] _logicalIds;
    private readonly string[] _conditions;
    private readonly string[] _parameters;
    private readonly string[] _strings;

    private TemplateMutator(Random random, MapNode template)
    {
        _random = random;
        _logicalIds = (template.Get("Resources") as MapNode)?.Keys.ToArray() ?? [];
        _conditions = (template.Get("Conditions") as MapNode)?.Keys.ToArray() ?? [];
        _parameters = [.. (template.Get("Parameters") as MapNode)?.Keys ?? [], "param1", .. OddParameters.Keys];
        _strings = AllNodes(template).Select(n => n.Node).OfType<StringNode>().Select(s => s.Value).Concat(Vocabulary).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>A mutated deep copy of the template (which is left as it was).</summary>
    public static MapNode Mutate(MapNode template, int seed)
    {
        var random = new Random(seed);
        var copy = WithOddParameters(template);
        var mutator = new TemplateMutator(random, template);
        int count = random.Next(10) < 7 ? 1 : random.Next(2, 4);
        for (int i = 0; i < count; i++)
        {
            mutator.MutateOnce(copy);
        }

        HostileStrings.Inject(copy, seed);
        return copy;
    }

    /// <summary>
    /// Parameters whose defaults are not strings. A Ref to one resolves to a list, a map or a number, so a value
    /// that passed validation as an intrinsic becomes another type once parameters are resolved.
    /// </summary>
    private static readonly MapNode OddParameters = N.Map(
        ("FuzzList", N.Map(("Type", "CommaDelimitedList"), ("Default", N.Seq("a", "b")))),
        ("FuzzMap", N.Map(("Type", "String"), ("Default", N.Map(("Key", "Value"))))),
        ("FuzzNumber", N.Map(("Type", "Number"), ("Default", 5))));

    /// <summary>A deep copy of the template with <see cref="OddParameters"/> added (when Parameters is a map or absent).</summary>
    private static MapNode WithOddParameters(MapNode template)
    {
        var copy = (MapNode)template.Clone();
        var parameters = copy.Get("Parameters");
        if (parameters is null)
        {
            copy.Set("Parameters", parameters = new MapNode());
        }

        if (parameters is MapNode m)
        {
            foreach (var e in OddParameters.Entries)
            {
                if (!m.ContainsKey(e.Key))
                {
                    m.Set(e.Key, e.Value.Clone());
                }
            }
        }

        return copy;
    }

    /// <summary>A stable seed from a name (string.GetHashCode differs between processes).</summary>
    public static int SeedOf(string name, int index)
    {
        uint h = 2166136261;
        foreach (var c in name)
        {
            h = (h ^ c) * 16777619;
        }

        return (int)(h ^ (uint)(index * 7919));
    }

    private void MutateOnce(MapNode root)
    {
        var places = AllNodes(root).Where(p => p.Parent is not null).ToList();
        if (places.Count == 0)
        {
            return;
        }

        // Prefer places inside Resources: that is where the engine reads most.
        var inResources = places.Where(p => p.Path.StartsWith("Resources.", StringComparison.Ordinal)).ToList();
        var pool = inResources.Count > 0 && _random.Next(10) < 8 ? inResources : places;
        var place = pool[_random.Next(pool.Count)];
        switch (_random.Next(13))
        {
            case 12:
                Rename(place);
                break;
            case < 6:
                Replace(place, RandomValue());
                break;
            case 6:
                Delete(place);
                break;
            case 7:
                if (place.Node is MapNode m)
                {
                    m.Set(InventedKeys[_random.Next(InventedKeys.Length)], RandomValue());
                }
                else
                {
                    Replace(place, RandomValue());
                }

                break;
            case 8:
                Duplicate(place);
                break;
            case 9:
                Replace(place, place.Node switch
                {
                    MapNode => new MapNode(),
                    SeqNode => new SeqNode(),
                    _ => new StringNode(""),
                });
                break;
            case 10:
                Replace(place, place.Node is SeqNode { Count: > 0 } s ? s[0] : N.Seq(place.Node));
                break;
            default:
                if (_strings.Length > 0)
                {
                    Replace(place, new StringNode(_strings[_random.Next(_strings.Length)]));
                }

                break;
        }
    }

    private static void Replace(Place place, Node value)
    {
        switch (place.Parent)
        {
            case MapNode m:
                m.Set(place.Key!, value);
                break;
            case SeqNode s:
                s[place.Index] = value;
                break;
        }
    }

    /// <summary>Gives a map entry another key: another string of the template, an odd one, or an intrinsic's name.</summary>
    private void Rename(Place place)
    {
        if (place.Parent is not MapNode m)
        {
            return;
        }

        string[] odd = ["", "with space", "Fn::If", "Ref", "Fn::Sub", "a.b", "\u00e9t\u00e9", new string('L', 300)];
        var key = _random.Next(2) == 0 && _strings.Length > 0 ? _strings[_random.Next(_strings.Length)] : odd[_random.Next(odd.Length)];
        if (m.ContainsKey(key))
        {
            return;
        }

        var renamed = new MapNode();
        foreach (var e in m.Entries)
        {
            renamed.Set(e.Key == place.Key ? key : e.Key, e.Value);
        }

        m.ReplaceWith(renamed);
    }

    private static void Delete(Place place)
    {
        switch (place.Parent)
        {
            case MapNode m:
                m.Remove(place.Key!);
                break;
            case SeqNode s:
                s.Items.RemoveAt(place.Index);
                break;
        }
    }

    private void Duplicate(Place place)
    {
        switch (place.Parent)
        {
            case MapNode m:
                var key = place.Key + "Copy";
                if (!m.ContainsKey(key))
                {
                    m.Set(key, place.Node.Clone());
                }

                break;
            case SeqNode s:
                s.Items.Insert(place.Index, place.Node.Clone());
                break;
        }
    }

    private Node RandomValue()
    {
        string id = _logicalIds.Length > 0 ? _logicalIds[_random.Next(_logicalIds.Length)] : "Missing";
        string condition = _conditions.Length > 0 ? _conditions[_random.Next(_conditions.Length)] : "MissingCondition";
        string parameter = _parameters[_random.Next(_parameters.Length)];
        return _random.Next(49) switch
        {
            47 => N.Ref(parameter),
            48 => N.Sub("${" + parameter + "}"),
            40 => new IntNode(long.MaxValue, "123456789012345678901234567890"),
            41 => new FloatNode(1e308),
            42 => new StringNode("${Missing.Arn}-${"),
            43 => new StringNode(new string('x', 5000)),
            44 => new StringNode("10"),
            45 => new StringNode("true"),
            46 => N.Map(("Fn::If", N.Seq(condition, N.Map(("Key", "Value")), N.NoValue()))),
            0 => new StringNode(""),
            1 => new StringNode("x"),
            2 => new StringNode(id),
            3 => new IntNode(0),
            4 => new IntNode(-1),
            5 => new IntNode(99999999999),
            6 => new FloatNode(3.5),
            7 => BoolNode.True,
            8 => BoolNode.False,
            9 => NullNode.Instance,
            10 => new SeqNode(),
            11 => N.Seq("a", "b"),
            12 => N.Seq(1, N.Map(("a", "b")), NullNode.Instance),
            13 => new MapNode(),
            14 => N.Map(("Key", "Value")),
            15 => N.Map(("Type", "SQS"), ("Properties", new MapNode())),
            16 => N.Ref("Missing"),
            17 => N.Ref(id),
            18 => N.NoValue(),
            19 => N.Ref("AWS::Region"),
            20 => N.Map(("Fn::GetAtt", N.Seq(id))),
            21 => N.GetAtt("Missing", "Arn"),
            22 => N.Map(("Fn::GetAtt", $"{id}.Arn")),
            23 => N.Map(("Fn::GetAtt", 5)),
            24 => N.If(condition, "a", N.NoValue()),
            25 => N.Map(("Fn::If", N.Seq("MissingCondition"))),
            26 => N.Map(("Fn::If", "x")),
            27 => N.If(condition, N.Map(("Key", "Value")), N.Seq("a")),
            28 => N.Sub("${Missing}-${AWS::Region}"),
            29 => N.Map(("Fn::Sub", N.Seq("x"))),
            30 => N.Map(("Fn::Sub", 3)),
            31 => N.Join(",", "a", N.Ref(id)),
            32 => N.Map(("Fn::Join", "x")),
            33 => N.Map(("Fn::FindInMap", N.Seq("Missing", "a", "b"))),
            34 => N.Map(("Fn::FindInMap", N.Seq("x"))),
            35 => N.Map(("Fn::Select", N.Seq(0, N.Seq("a")))),
            36 => N.Map(("Fn::ImportValue", "x")),
            37 => N.Map(("Ref", N.Seq("a"))),
            38 => N.Map(("Ref", NullNode.Instance)),
            _ => N.Map(("Condition", condition)),
        };
    }

    /// <summary>
    /// Every single-point mutant: each value replaced by each of a fixed set of values, each entry deleted, each
    /// collection emptied. For a thorough hunt, not for the regular test run (there are many).
    /// </summary>
    public static IEnumerable<(string Description, MapNode Mutant)> Exhaustive(MapNode original, bool resourcesOnly)
    {
        var template = WithOddParameters(original);
        var parameters = (template.Get("Parameters") as MapNode)?.Keys.FirstOrDefault() ?? "param1";
        var id = (template.Get("Resources") as MapNode)?.Keys.FirstOrDefault() ?? "Missing";
        Node[] values =
        [
            new StringNode("x"), new IntNode(7), BoolNode.True, NullNode.Instance, N.Seq("a"), new SeqNode(), N.Map(("Key", "Value")),
            new MapNode(), N.Ref(parameters), N.Ref("Missing"), N.Ref(id), N.GetAtt(id, "Arn"), N.Map(("Fn::GetAtt", N.Seq("x"))),
            N.If("C", "a", "b"), N.Map(("Fn::If", N.Seq("C"))), N.Sub("${Missing}"), N.Map(("Fn::Sub", 3)), N.Seq((Node)N.Seq("a")),
            N.Seq(NullNode.Instance), N.Seq(N.Ref(parameters)), N.Map(("Key", N.Ref(parameters))),
            N.Ref("FuzzList"), N.Ref("FuzzMap"), N.Ref("FuzzNumber"), N.Seq(N.Ref("FuzzMap")),
        ];
        var count = AllNodes(template).Count;
        for (int i = 1; i < count; i++)
        {
            var place = AllNodes(template)[i];
            if (resourcesOnly && !place.Path.StartsWith("Resources.", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var v in values)
            {
                var copy = (MapNode)template.Clone();
                Replace(AllNodes(copy)[i], v);
                yield return ($"{place.Path} := {v}", copy);
            }

            var deleted = (MapNode)template.Clone();
            Delete(AllNodes(deleted)[i]);
            yield return ($"{place.Path} deleted", deleted);
        }
    }

    /// <summary>One node of the tree with where it sits (parent and key or index) and a readable path.</summary>
    public sealed record Place(Node Node, Node? Parent, string? Key, int Index, string Path);

    public static List<Place> AllNodes(Node root)
    {
        var list = new List<Place>();
        Walk(root, null, null, 0, "", list);
        return list;
    }

    private static void Walk(Node node, Node? parent, string? key, int index, string path, List<Place> list)
    {
        list.Add(new Place(node, parent, key, index, path));
        switch (node)
        {
            case MapNode m:
                foreach (var e in m.Entries)
                {
                    Walk(e.Value, m, e.Key, 0, path.Length == 0 ? e.Key : path + "." + e.Key, list);
                }

                break;
            case SeqNode s:
                for (int i = 0; i < s.Count; i++)
                {
                    Walk(s[i], s, null, i, $"{path}[{i}]", list);
                }

                break;
        }
    }
}
