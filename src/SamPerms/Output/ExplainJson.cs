using SamPerms.Model;
using SamPerms.Permissions.Explain;

namespace SamPerms.Output;

/// <summary><c>samperms explain --format json</c> (schemas/explain.schema.json).</summary>
public static class ExplainJson
{
    public static MapNode Build(ExplainReport report, string file) => N.Map(
        ("version", 1),
        ("template", file),
        ("resources", N.Seq(report.Resources.Select(Resource))));

    public static string Write(ExplainReport report, string file) => JsonText.Pretty(Build(report, file));

    private static Node Resource(ExplainedResource r) => N.Map(
        ("logicalId", r.LogicalId),
        ("type", r.Type),
        ("implicit", BoolNode.Of(r.Implicit)),
        ("line", r.Span.IsKnown && !r.Implicit ? r.Span.Line : NullNode.Instance),
        ("templateCondition", r.TemplateCondition is { } c ? new StringNode(c) : NullNode.Instance),
        ("conditionValue", r.ConditionValue is { } v ? BoolNode.Of(v) : NullNode.Instance),
        ("groups", N.Seq(r.Groups.Select(g => (Node)N.Map(
            ("cause", g.PropertyPath),
            ("causeKind", g.CauseKind),
            ("fromGlobals", BoolNode.Of(g.FromGlobals)),
            ("line", g.Span.IsKnown ? g.Span.Line : NullNode.Instance),
            ("column", g.Span.IsKnown ? g.Span.Column : NullNode.Instance),
            ("resources", N.Seq(g.Resources.Select(x => (Node)N.Map(
                ("logicalId", x.LogicalId),
                ("type", x.Type),
                ("modified", BoolNode.Of(x.Modified)),
                ("changedProperties", N.Seq((x.ChangedProperties ?? []).Select(p => (Node)new StringNode(p)))))))),
            ("sentences", N.Seq(g.Sentences.Select(s => (Node)new StringNode(ExplainCatalog.Plain(s))))))))));
}
