using SamPerms.Model;
using SamPerms.Permissions.Baseline;

namespace SamPerms.Output;

/// <summary>The permission change between two versions as JSON (schemas/permissions-diff.schema.json).</summary>
public static class BaselineDiffJson
{
    public static MapNode Build(BaselineReport report, string oldFile, string newFile)
    {
        var changes = new SeqNode();
        foreach (var c in report.Changes)
        {
            var r = c.Row;
            var change = N.Map(
                ("change", c.Kind),
                ("category", Category(r.Category)),
                ("function", r.Subject),
                ("resources", N.Strings(r.Resources)),
                ("effect", r.Effect.Length == 0 ? NullNode.Instance : r.Effect),
                ("actions", N.Strings(r.Actions)),
                ("principal", r.Principal),
                ("condition", r.Condition.Length == 0 ? NullNode.Instance : r.Condition),
                ("broadening", c.Broadening),
                ("reason", c.Reason),
                ("file", c.Added ? newFile : oldFile),
                ("origin", PermissionsJson.Origin(r.Origin)));
            if (c.Before is { } b)
            {
                // A changed row: what it was, and every action added and removed.
                change.Set("before", N.Map(
                    ("resources", N.Strings(b.Resources)),
                    ("actions", N.Strings(b.Actions)),
                    ("condition", b.Condition.Length == 0 ? NullNode.Instance : b.Condition),
                    ("origin", PermissionsJson.Origin(b.Origin))));
                change.Set("actionsAdded", N.Strings(CellDiff.Values(c.Actions, LineChange.Added)));
                change.Set("actionsRemoved", N.Strings(CellDiff.Values(c.Actions, LineChange.Removed)));
            }

            changes.Add(change);
        }

        return N.Map(
            ("old", oldFile),
            ("new", newFile),
            ("changes", changes),
            ("summary", N.Map(
                ("added", report.Added),
                ("removed", report.Removed),
                ("changed", report.ChangedRows),
                ("broadening", report.Broadening))));
    }

    public static string Write(BaselineReport report, string oldFile, string newFile) => JsonText.Pretty(Build(report, oldFile, newFile));

    public static string Category(RowCategory category) => category switch
    {
        RowCategory.Role => "role",
        RowCategory.Invoker => "invoker",
        RowCategory.Poller => "poller",
        RowCategory.Statement => "statement",
        RowCategory.Trust => "trust",
        _ => "managedPolicy",
    };
}
