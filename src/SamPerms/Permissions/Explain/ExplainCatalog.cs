namespace SamPerms.Permissions.Explain;

/// <summary>
/// The sentences of <c>samperms explain</c>: one per kind of generated resource and cause (<c>Events:S3</c> ×
/// <c>AWS::Lambda::Permission</c>), in the vocabulary of AWS's "Lambda permissions" guide: the execution role is an
/// identity-based policy (what the function may do); <c>AWS::Lambda::Permission</c> is a resource-based policy
/// (who may invoke it). Placeholders: {ids} the generated resources, {owner} the SAM resource, {name} the event
/// or connector, {invokers} who a permission lets in, {policies} a role's policies, {trusts} who may assume it,
/// {changed} the properties SAM sets on a resource of the template.
/// </summary>
public static partial class ExplainCatalog
{
    /// <summary>The key of an entry: cause kind, generated type, and whether SAM changes a resource of the template.</summary>
    public static string Key(string cause, string type, bool modified) => modified ? $"changes|{type}" : $"{cause}|{type}";

    public static bool Has(string cause, string type, bool modified) => Entries.ContainsKey(Key(cause, type, modified));

    public static IEnumerable<string> Keys => Entries.Keys;

    /// <summary>A sentence with its id marks removed (plain text) or replaced (<paramref name="open"/>, <paramref name="close"/>).</summary>
    public static string Plain(string sentence, string open = "", string close = "") =>
        sentence.Replace(ExplainContext.IdStart.ToString(), open, StringComparison.Ordinal).Replace(ExplainContext.IdEnd.ToString(), close, StringComparison.Ordinal);

    public static string Sentence(string cause, string type, bool modified, ExplainContext context)
    {
        var text = Entries.TryGetValue(Key(cause, type, modified), out var t)
            ? t
            : modified ? "SAM changes {ids}: it sets {changed}." : "SAM adds {ids}.";
        if (context.OwnerIsStateMachine)
        {
            text = text.Replace("the function", "the state machine", StringComparison.Ordinal);
        }

        return text
            .Replace("{ids}", context.Ids, StringComparison.Ordinal)
            .Replace("{owner}", context.Owner, StringComparison.Ordinal)
            .Replace("{name}", context.Name, StringComparison.Ordinal)
            .Replace("{changed}", context.Changed, StringComparison.Ordinal)
            .Replace("{invokers}", text.Contains("{invokers}", StringComparison.Ordinal) ? context.Invokers : "", StringComparison.Ordinal)
            .Replace("{policies}", text.Contains("{policies}", StringComparison.Ordinal) ? context.RolePolicies : "", StringComparison.Ordinal)
            .Replace("{trusts}", text.Contains("{trusts}", StringComparison.Ordinal) ? context.Trusts : "", StringComparison.Ordinal);
    }
}
