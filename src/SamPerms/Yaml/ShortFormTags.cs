namespace SamPerms.Yaml;

/// <summary>CloudFormation's YAML short forms (<c>!Ref</c>, <c>!Sub</c>, ...) and the long form each becomes.</summary>
public static class ShortFormTags
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "Ref", "Condition", "Sub", "GetAtt", "If", "Equals", "And", "Or", "Not", "FindInMap", "Join", "Select",
        "Split", "Base64", "Cidr", "GetAZs", "ImportValue", "Transform", "ToJsonString", "Length",
        "ForEach", "Contains", "EachMemberEquals", "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll",
    };

    /// <summary>The long-form key for a short-form tag such as "!Ref", or null when the tag is not one.</summary>
    public static string? LongForm(string tag)
    {
        if (tag.Length < 2 || tag[0] != '!' || tag[1] == '!')
        {
            return null;
        }

        var name = tag[1..];
        if (!Known.Contains(name))
        {
            return null;
        }

        return name is "Ref" or "Condition" ? name : "Fn::" + name;
    }
}
