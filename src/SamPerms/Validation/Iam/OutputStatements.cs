using SamPerms.Iam;
using SamPerms.Model;

namespace SamPerms.Validation.Iam;

/// <summary>A statement of the output template with the policy document that holds it.</summary>
public readonly record struct PolicyStatementAt(PolicyDocument Policy, Statement Statement);

/// <summary>
/// The statements of the output template's policy documents (read once per validation by the one statement
/// reader, every Fn::If branch as written), and the views the IAM rules share.
/// </summary>
public static class OutputStatements
{
    public static List<PolicyStatementAt> Of(MapNode template) =>
        PolicyDocuments.All(template, AsWritten.Instance).SelectMany(d => d.Statements.Select(s => new PolicyStatementAt(d, s))).ToList();

    /// <summary>
    /// The actions the author spelled in the output's statements: SAM's own statements (policy templates, event
    /// sources) are its data, not the author's spelling. Found once per validation (<see cref="ValidationContext.AuthorActions"/>).
    /// </summary>
    public static IReadOnlyList<(PolicyStatementAt Statement, string Action, Node Node)> AuthorActions(ValidationContext context) =>
        context.AuthorActions;

    internal static List<(PolicyStatementAt Statement, string Action, Node Node)> FindAuthorActions(ValidationContext context)
    {
        var found = new List<(PolicyStatementAt, string, Node)>();
        foreach (var st in context.OutputStatements)
        {
            foreach (var (action, node) in ActionStrings(st.Statement))
            {
                if (context.Index.IsFromTemplate(node))
                {
                    found.Add((st, action, node));
                }
            }
        }

        return found;
    }

    /// <summary>The literal action strings (Action or NotAction) with their nodes.</summary>
    public static IEnumerable<(string Text, Node Node)> ActionStrings(Statement st)
    {
        var values = st.ActionValues;
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i].Node is StringNode node)
            {
                yield return (values[i].Text, node);
            }
        }
    }

    /// <summary>Identity statements that Allow listed actions (not NotAction) on Resource "*" (not NotResource).</summary>
    public static IEnumerable<PolicyStatementAt> AllowsOnAnyResource(ValidationContext context) =>
        context.OutputStatements.Where(st => st.Policy.Kind == PolicyDocumentKind.Identity && st.Statement.IsAllow
            && !st.Statement.NotAction && !st.Statement.NotResource && st.Statement.Resources.Any(r => r.Node is StringNode { Value: "*" }));
}
