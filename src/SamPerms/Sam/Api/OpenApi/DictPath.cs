using SamPerms.Model;

namespace SamPerms.Sam.Api.OpenApi;

/// <summary>The reference's dict_deep_get / dict_deep_set with its InvalidValueType messages.</summary>
public static class DictPath
{
    private static string NotAMap(string relativePath) =>
        relativePath.Length > 0 ? $"The value of '{relativePath}' should be a map" : "It should be a map";

    /// <summary>The value at the dotted path (null when absent); error is set when a parent is not a map.</summary>
    public static Node? Get(Node? d, IEnumerable<string> path, out string? error)
    {
        error = null;
        var relative = "";
        foreach (var part in path)
        {
            if (d is null or NullNode)
            {
                return null;
            }

            if (d is not MapNode m)
            {
                error = NotAMap(relative);
                return null;
            }

            d = m.Get(part);
            relative = (relative + "." + part).TrimStart('.');
        }

        return d;
    }

    /// <summary>Sets the value at the dotted path, creating maps; returns the error text when a parent is not a map.</summary>
    public static string? TrySet(Node d, string path, Node value)
    {
        var parts = path.Split('.');
        var relative = "";
        for (int i = 0; i < parts.Length - 1; i++)
        {
            if (d is not MapNode m)
            {
                return NotAMap(relative);
            }

            d = m.SetDefault(parts[i], new MapNode());
            relative = (relative + "." + parts[i]).TrimStart('.');
        }

        if (d is not MapNode last)
        {
            return NotAMap(relative);
        }

        last.Set(parts[^1], value);
        return null;
    }
}
