namespace SamPerms.Permissions;

/// <summary>The sentence every text view gives a resource created under a template condition.</summary>
public static class TemplateConditionText
{
    /// <summary>"only if IsProd — false with these parameters: not deployed"; null without a condition.</summary>
    public static string? Of(Subject subject) => subject.TemplateCondition is { } name ? Of(name, subject.ConditionValue) : null;

    public static string Of(string condition, bool? value) => value switch
    {
        true => $"only if {condition} — true with these parameters",
        false => $"only if {condition} — false with these parameters: not deployed",
        null => $"only if {condition} — decided at deploy",
    };
}
