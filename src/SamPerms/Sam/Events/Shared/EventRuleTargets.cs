namespace SamPerms.Sam.Events;

/// <summary>Ids of the targets SAM puts on the EventBridge rules it generates.</summary>
public static class EventRuleTargets
{
    /// <summary>The suffix of a rule's Lambda target id.</summary>
    public const string LambdaTargetSuffix = "LambdaTarget";

    /// <summary>EventBridge limits target ids to 64 characters.</summary>
    public const int MaxTargetIdLength = 64;

    /// <summary>
    /// logicalId + suffix, with the logical id cut short when the whole would exceed the limit, so that the
    /// suffix always survives (the reference's generate_valid_target_id).
    /// </summary>
    public static string ValidTargetId(string logicalId, string suffix)
    {
        if (logicalId.Length + suffix.Length <= MaxTargetIdLength)
        {
            return logicalId + suffix;
        }

        return logicalId[..(MaxTargetIdLength - suffix.Length)] + suffix;
    }
}
