using SamPerms.Model;

namespace SamPerms.Validation.References;

/// <summary>What the reference rules share: the names of the output template, and where an intrinsic is in the input.</summary>
public static class ReferenceChecks
{
    public static Location Where(ValidationContext context, FoundIntrinsic found, Node? detail = null)
    {
        if (found.ResourceId is { } id)
        {
            return context.Locate(id, detail, found.Node);
        }

        var at = context.Where(detail);
        return at.Path is not null ? at : context.Where(found.Node) is { Path: not null } w ? w : new Location(context.Input?.Get(found.Section)?.Span ?? default, found.Section);
    }

    /// <summary>"in resource X" / "in resource X (generated from Y)", for messages about the output.</summary>
    public static string InWhat(ValidationContext context, FoundIntrinsic found) =>
        found.ResourceId is { } id ? context.GeneratedFrom(id) is { } sam ? $" in {id} (generated from {sam})" : "" : "";
}
