using System.Runtime.CompilerServices;

namespace SamPerms.Permissions;

/// <summary>
/// Lookups by logical id into a permission map's lists, built once per list on first use, so that asking for every
/// subject's role trust (or finding every subject an intent names) costs a hash lookup, not a scan of the map. A map is
/// a record whose <c>with</c> copies may swap a list for another, so a table is kept beside its list, not in the map.
/// </summary>
internal static class MapLookups
{
    private static readonly ConditionalWeakTable<IReadOnlyList<Trust.RoleTrust>, Dictionary<string, Trust.RoleTrust>> RolesById = new();
    private static readonly ConditionalWeakTable<IReadOnlyList<Subject>, Dictionary<string, Subject>> SubjectsById = new();
    private static readonly ConditionalWeakTable<IReadOnlyList<Subject>, Dictionary<string, Subject>> SubjectsBySamId = new();

    /// <summary>The first role of the list with the logical id, or null.</summary>
    public static Trust.RoleTrust? Role(IReadOnlyList<Trust.RoleTrust> roles, string roleId) =>
        RolesById.GetValue(roles, list => First(list, r => r.RoleId)).GetValueOrDefault(roleId);

    /// <summary>The first subject with the logical id, else the first made from the SAM resource of that id, or null.</summary>
    public static Subject? Subject(IReadOnlyList<Subject> subjects, string id) =>
        SubjectsById.GetValue(subjects, list => First(list, s => s.LogicalId)).GetValueOrDefault(id)
        ?? SubjectsBySamId.GetValue(subjects, list => First(list, s => s.SamLogicalId)).GetValueOrDefault(id);

    private static Dictionary<string, T> First<T>(IReadOnlyList<T> list, Func<T, string> key)
    {
        var table = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in list)
        {
            table.TryAdd(key(item), item);
        }

        return table;
    }
}
