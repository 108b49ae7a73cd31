namespace SamPerms.Model;

/// <summary>Short builders for generated JSON: <c>N.Map(("Ref", "X"))</c>, <c>N.Seq("a", "b")</c>.</summary>
public static class N
{
    public static MapNode Map(params (string Key, Node? Value)[] entries)
    {
        var m = new MapNode(entries.Length);
        foreach (var (k, v) in entries)
        {
            if (v is not null)
            {
                m.Set(k, v);
            }
        }

        return m;
    }

    public static SeqNode Seq(params Node[] items) => new(items);

    public static SeqNode Seq(IEnumerable<Node> items) => new(items);

    public static SeqNode Strings(IEnumerable<string> items) => new(items.Select(s => (Node)new StringNode(s)));

    public static StringNode Str(string s) => new(s);

    public static MapNode Ref(string logicalId) => Map(("Ref", logicalId));

    public static MapNode GetAtt(string logicalId, string attribute) => Map(("Fn::GetAtt", Seq(logicalId, attribute)));

    public static MapNode Sub(string template) => Map(("Fn::Sub", template));

    public static MapNode Sub(string template, MapNode variables) => Map(("Fn::Sub", Seq(template, variables)));

    public static MapNode Join(string delimiter, params Node[] parts) => Map(("Fn::Join", Seq(delimiter, Seq(parts))));

    public static MapNode If(string condition, Node whenTrue, Node? whenFalse = null) =>
        Map(("Fn::If", Seq(condition, whenTrue, whenFalse ?? NoValue())));

    public static MapNode NoValue() => Ref("AWS::NoValue");

    public static MapNode Not(string condition) => Map(("Fn::Not", Seq(Map(("Condition", condition)))));

    public static MapNode Condition(string name) => Map(("Condition", name));
}
