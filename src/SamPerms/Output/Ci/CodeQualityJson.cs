using System.Security.Cryptography;
using System.Text;
using SamPerms.Model;

namespace SamPerms.Output.Ci;

/// <summary>
/// A CI report as GitLab Code Quality JSON: an array of <c>{description, check_name, fingerprint, severity,
/// location: {path, lines: {begin}}}</c>. Severities: major, minor, info. The fingerprint hashes the check, file
/// and the finding's line-independent key (with an occurrence number for repeats), so an edit elsewhere in the
/// file does not make an old finding look new.
/// </summary>
public static class CodeQualityJson
{
    public static string Write(CiReport report)
    {
        var list = new SeqNode();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in report.Files)
        {
            foreach (var f in file.Findings)
            {
                var key = $"{report.Check}|{f.File}|{f.Subject}|{f.Key}";
                var n = seen.TryGetValue(key, out var count) ? count + 1 : 0;
                seen[key] = n;
                list.Add(N.Map(
                    ("description", $"{f.Subject}: {f.Title} — {f.Message}"),
                    ("check_name", $"samperms-{report.Check}-{f.Code}"),
                    ("fingerprint", Fingerprint($"{key}|{n}")),
                    ("severity", f.Level switch { CiLevel.Major => "major", CiLevel.Minor => "minor", _ => "info" }),
                    ("location", N.Map(
                        ("path", f.File),
                        ("lines", N.Map(("begin", Math.Max(1, f.Line))))))));
            }
        }

        return JsonText.Pretty(list);
    }

    private static string Fingerprint(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
