using SamPerms.Model;
using SamPerms.Permissions;
using SamPerms.Permissions.Effective;

namespace SamPerms.Output;

/// <summary>
/// The effective-access additions to the JSON permission map: <c>notes</c> (what is ignored, what is needed) and <c>permissionsBoundary</c> on a subject whose role has one,
/// and <c>boundary</c> on each of its grants the boundary blocks (in whole or part) or leaves undecided. Absent
/// where no boundary applies, so maps without boundaries are unchanged.
/// </summary>
public static class BoundaryJson
{
    public static MapNode Add(MapNode subjectNode, Subject subject, StaticValues? values)
    {
        if (subject.Notes.Count > 0)
        {
            subjectNode.Set("notes", N.Seq(subject.Notes.Select(n => (Node)N.Map(
                ("kind", n.Kind == NoteKind.Needs ? "needs" : "ignored"),
                ("code", n.Code),
                ("message", n.Message),
                ("certain", n.Certain),
                ("origin", PermissionsJson.Origin(n.Source))))));
        }

        if (subject.Boundary is not { } boundary || values is null)
        {
            return subjectNode;
        }

        subjectNode.Set("permissionsBoundary", N.Map(
            ("name", boundary.Name),
            ("known", boundary.Known),
            ("origin", PermissionsJson.Origin(boundary.Source))));
        if (subjectNode.Get("mayDo") is SeqNode grants)
        {
            for (int i = 0; i < subject.MayDo.Count && i < grants.Count; i++)
            {
                var verdict = BoundaryCheck.Of(subject, subject.MayDo[i], values);
                if (verdict.Standing != GrantStanding.Effective && grants[i] is MapNode g)
                {
                    g.Set("boundary", N.Map(
                        ("standing", BoundaryText.Name(verdict.Standing)),
                        ("outside", N.Strings(verdict.Outside)),
                        ("reason", BoundaryText.Describe(verdict, boundary))));
                }
            }
        }

        return subjectNode;
    }
}
