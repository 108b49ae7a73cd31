using SamPerms.Model;

namespace SamPerms.Validation;

/// <summary>The SAM event (of a function or state machine) an output resource was generated for, from its origin.</summary>
public readonly record struct SamEvent(string ResourceId, string Name, string Type)
{
    /// <summary>"the S3 event 'Upload' of MyFunction".</summary>
    public override string ToString() => $"the {Type} event '{Name}' of {ResourceId}";

    /// <summary>
    /// How a finding names an output resource: the SAM event it was generated for, else "{noun} {id} (generated
    /// from {SAM resource})", else "{noun} {id}".
    /// </summary>
    public static string Describe(ValidationContext context, string outputLogicalId, string noun) =>
        Of(context, outputLogicalId) is { } ev ? ev.ToString()
        : context.GeneratedFrom(outputLogicalId) is { } sam ? $"{noun} {outputLogicalId} (generated from {sam})"
        : $"{noun} {outputLogicalId}";

    public static SamEvent? Of(ValidationContext context, string outputLogicalId)
    {
        if (context.Origin(outputLogicalId) is not { } origin || !origin.PropertyPath.StartsWith("Events.", StringComparison.Ordinal))
        {
            return null;
        }

        var name = origin.PropertyPath["Events.".Length..];
        int end = name.IndexOfAny(['.', '[']);
        if (end >= 0)
        {
            name = name[..end];
        }

        var events = ((context.InputResources.Get(origin.LogicalId) as MapNode)?.Get("Properties") as MapNode)?.Get("Events") as MapNode;
        var type = (events?.Get(name) as MapNode)?.Get("Type")?.Str ?? "";
        return new SamEvent(origin.LogicalId, name, type);
    }
}
