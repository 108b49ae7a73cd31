namespace SamPerms.Iam;

/// <summary>
/// Is an action string one IAM accepts? The IAM User Guide's policy grammar ("Grammar of the IAM JSON policy
/// language", notes on <c>action_string</c>): an action is <c>"*"</c> or a service namespace, a colon, and an
/// action name, and only the action name may hold wildcards. IAM refuses any other form with
/// MalformedPolicyDocument ("Actions/Conditions must be prefaced by a vendor", "Action vendors must not contain
/// wildcards", "Actions/Condition can contain only one colon"), so the whole policy fails to deploy: such a
/// pattern never grants or denies anything.
/// </summary>
public static class ActionSyntax
{
    /// <summary>What is wrong with the action string (IAM rejects its policy), or null when it is well formed (or not known before deploy).</summary>
    public static string? Problem(string action)
    {
        if (Wildcard.IsAll(action) || action.Contains("${", StringComparison.Ordinal))
        {
            return null;
        }

        int colon = action.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return "has no service prefix (write service:Action, e.g. s3:GetObject)";
        }

        if (colon == 0 || colon == action.Length - 1)
        {
            return "has an empty service or action name";
        }

        if (action.IndexOf(':', colon + 1) >= 0)
        {
            return "has more than one colon (an action is service:Action)";
        }

        if (Wildcard.HasWildcard(action[..colon]))
        {
            return "has a wildcard in its service prefix (only the action name may hold wildcards)";
        }

        return null;
    }
}
