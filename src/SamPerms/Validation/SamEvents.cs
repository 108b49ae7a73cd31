using SamPerms.Model;

namespace SamPerms.Validation;

/// <summary>The SAM event (of a function or state machine) an output resource was generated for, from its origin.</summary>
public readonly record struct SamEvent(string ResourceId, string Name, string Type, bool Polled)
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

    /// <summary>The event recorded on the output resource's origin by the transform.</summary>
    public static SamEvent? Of(ValidationContext context, string outputLogicalId) =>
        context.Origin(outputLogicalId) is { Event: { } ev } origin ? new SamEvent(origin.LogicalId, ev.Name, ev.Type, ev.Polled) : null;
}
