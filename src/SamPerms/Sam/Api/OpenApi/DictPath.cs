using SamPerms.Model;

namespace SamPerms.Sam.Api.OpenApi;

/// <summary>The reference's dict_deep_get / dict_deep_set with its InvalidValueType messages.</summary>
public static class DictPath
{
    private static string NotAMap(string relativePath) =>
        relativePath.Length > 0 ? $"The value of '{relativePath}' should be a map" : "It should be a map";

    /// <summary>The value at the dotted path (null when absent); error is set when a parent is not a map.</summary>
    public static Node? Get(Node? d, IEnumerable<string> path, out string? error) => Get(d, path, out error, out _);

    /// <summary>As <see cref="Get(Node?, IEnumerable{string}, out string?)"/>; <paramref name="at"/> is the parent that is not a map.</summary>
    public static Node? Get(Node? d, IEnumerable<string> path, out string? error, out Node? at)
    {
        error = null;
        at = null;
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
                at = d;
                return null;
            }

            d = m.Get(part);
            relative = (relative + "." + part).TrimStart('.');
        }

        return d;
    }

    /// <summary>Sets the value at the dotted path, creating maps; returns the error text when a parent is not a map.</summary>
    public static string? TrySet(Node d, string path, Node value) => TrySet(d, path, value, out _);

    /// <summary>As <see cref="TrySet(Node, string, Node)"/>; <paramref name="at"/> is the parent that is not a map.</summary>
    public static string? TrySet(Node d, string path, Node value, out Node? at)
    {
        var parts = path.Split('.');
        var relative = "";
        at = null;
        for (int i = 0; i < parts.Length - 1; i++)
        {
            if (d is not MapNode m)
            {
                at = d;
                return NotAMap(relative);
            }

            d = m.SetDefault(parts[i], new MapNode());
            relative = (relative + "." + parts[i]).TrimStart('.');
        }

        if (d is not MapNode last)
        {
            at = d;
            return NotAMap(relative);
        }

        last.Set(parts[^1], value);
        return null;
    }
}
