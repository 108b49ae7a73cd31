using SamPerms.Model;
using SamPerms.Permissions;
using SamPerms.Permissions.Effective;

namespace SamPerms.Output;

/// <summary>
/// The resource-policy additions to the JSON permission map: <c>resourcePolicy</c> on each grant a resource policy
/// of the template blocks (a Deny, a key policy that lets no IAM grant count), in part, or may block; and the map's
/// own <c>notes</c> (a service that cannot deliver into an encrypted target). Absent when nothing applies, so maps
/// without such policies are unchanged.
/// </summary>
public static class ResourcePolicyJson
{
    public static MapNode Add(MapNode subjectNode, PermissionMap map, Subject subject)
    {
        if (map.ResourcePolicies.Count == 0 || subjectNode.Get("mayDo") is not SeqNode grants)
        {
            return subjectNode;
        }

        for (int i = 0; i < subject.MayDo.Count && i < grants.Count; i++)
        {
            if (ResourcePolicyCheck.Of(map, subject, subject.MayDo[i]) is { Standing: not GrantStanding.Effective, Deciding: { } d } verdict && grants[i] is MapNode g)
            {
                g.Set("resourcePolicy", N.Map(
                    ("standing", BoundaryText.Name(verdict.Standing)),
                    ("ruling", ResourcePolicyText.Name(d.Ruling)),
                    ("blocked", N.Strings(verdict.Blocked)),
                    ("reason", ResourcePolicyText.Describe(verdict)),
                    ("origin", PermissionsJson.Origin(d.Source))));
            }
        }

        return subjectNode;
    }

    /// <summary>The map's notes about no one subject, or null when there are none.</summary>
    public static SeqNode? Notes(PermissionMap map) => map.Notes.Count == 0 ? null : N.Seq(map.Notes.Select(n => (Node)N.Map(
        ("kind", n.Kind == NoteKind.Needs ? "needs" : "ignored"),
        ("code", n.Code),
        ("message", n.Message),
        ("certain", n.Certain),
        ("origin", PermissionsJson.Origin(n.Source)))));
}
