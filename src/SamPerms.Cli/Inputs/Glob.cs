using System.Text;
using System.Text.RegularExpressions;

namespace SamPerms.Cli.Inputs;

/// <summary>
/// Shell-style patterns for templates the shell did not expand (quoted, or on Windows): <c>*</c> and <c>?</c>
/// within a name, <c>[abc]</c>, and <c>**</c> for any number of folders. Folders whose name starts with a dot,
/// <c>node_modules</c> and <c>.aws-sam</c> (where <c>sam build</c> copies templates) are not searched by <c>**</c>.
/// </summary>
public static class Glob
{
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "node_modules" };

    public static bool IsPattern(string text) => text.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>The files matching the pattern, sorted (ordinal), as paths in the pattern's own form.</summary>
    public static List<string> Expand(string pattern)
    {
        var segments = pattern.Replace('\\', '/').Split('/');
        int first = Math.Max(0, Array.FindIndex(segments, IsPattern));
        var root = string.Join('/', segments[..first]);
        if (root.Length == 0 && pattern.StartsWith('/'))
        {
            root = "/";
        }

        var results = new List<string>();
        var start = root.Length == 0 ? "." : root;
        if (Directory.Exists(start))
        {
            Walk(start, root, segments[first..], results);
        }

        results.Sort(StringComparer.Ordinal);
        return results;
    }

    private static void Walk(string dir, string shown, string[] rest, List<string> results)
    {
        if (rest.Length == 0)
        {
            return;
        }

        var segment = rest[0];
        if (segment == "**")
        {
            // Zero folders, then each folder below (not hidden ones).
            Walk(dir, shown, rest[1..], results);
            foreach (var sub in SafeDirectories(dir))
            {
                var name = Path.GetFileName(sub);
                if (!name.StartsWith('.') && !Skipped.Contains(name))
                {
                    Walk(sub, Join(shown, name), rest, results);
                }
            }

            return;
        }

        var regex = ToRegex(segment);
        bool last = rest.Length == 1;
        if (last)
        {
            foreach (var file in SafeFiles(dir))
            {
                var name = Path.GetFileName(file);
                if (regex.IsMatch(name) && (!name.StartsWith('.') || segment.StartsWith('.')))
                {
                    results.Add(Join(shown, name));
                }
            }

            return;
        }

        foreach (var sub in SafeDirectories(dir))
        {
            var name = Path.GetFileName(sub);
            if (regex.IsMatch(name) && (!name.StartsWith('.') || segment.StartsWith('.')))
            {
                Walk(sub, Join(shown, name), rest[1..], results);
            }
        }
    }

    private static string Join(string shown, string name) =>
        shown.Length == 0 ? name : shown.EndsWith('/') ? shown + name : shown + "/" + name;

    private static Regex ToRegex(string segment)
    {
        var sb = new StringBuilder("^");
        for (int i = 0; i < segment.Length; i++)
        {
            char c = segment[i];
            switch (c)
            {
                case '*':
                    sb.Append("[^/]*");
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[' when segment.IndexOf(']', i + 1) is int close and > 0:
                    var set = segment[(i + 1)..close];
                    sb.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = close;
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    private static IEnumerable<string> SafeFiles(string dir)
    {
        try
        {
            return Directory.GetFiles(dir);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static IEnumerable<string> SafeDirectories(string dir)
    {
        try
        {
            return Directory.GetDirectories(dir).Order(StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
