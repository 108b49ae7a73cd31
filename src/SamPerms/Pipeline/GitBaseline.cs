using System.Diagnostics;
using System.Text;

namespace SamPerms.Pipeline;

/// <summary>How a template changed between a git revision and the working tree.</summary>
public enum TemplateChange
{
    Modified,
    Added,
    Deleted,
    Renamed,
    Unchanged,
}

/// <summary>
/// One template to compare: its path in the working tree (null when deleted), its path at the base revision
/// (null when added), both relative to the repository root as git shows them, and the base version's bytes.
/// </summary>
public sealed record GitTemplate(string Shown, TemplateChange Change, string? WorkingFile, string? BasePath, byte[]? BaseBytes);

/// <summary>
/// The old side of <c>samperms diff --git BASE [TEMPLATE...]</c>: each template's version at a git revision
/// (<c>git show BASE:path</c>), with renames followed (git's rename detection), and, when no template is named,
/// every file named template.yaml, template.yml or template.json that the change adds, deletes, renames or modifies.
/// Runs the git command; reads nothing else.
/// </summary>
public static class GitBaseline
{
    private static readonly string[] TemplateNames = ["template.yaml", "template.yml", "template.json"];

    /// <summary>The templates to compare, or an error message (not a repository, no such revision, git missing).</summary>
    public static (IReadOnlyList<GitTemplate> Templates, string? Error) Read(string baseRev, IReadOnlyList<string> templates, string workingDirectory)
    {
        var top = Git(workingDirectory, "rev-parse", "--show-toplevel");
        if (top.Code != 0)
        {
            return ([], top.Code == -1 ? top.Text : $"{Path.GetFullPath(workingDirectory)} is not in a git repository (diff --git compares with a git revision)");
        }

        var root = top.Text.Trim();
        if (baseRev.StartsWith('-') || Git(root, "rev-parse", "--verify", "--quiet", baseRev + "^{commit}").Code != 0)
        {
            return ([], $"'{baseRev}' is not a commit of the repository at {root} (a branch, tag or commit; fetch it first in a shallow clone)");
        }

        // What changed from BASE to the working tree: status, old path, new path (renames followed).
        var changes = new Dictionary<string, (char Status, string Old)>(StringComparer.Ordinal);
        var deleted = new List<string>();
        var diff = Git(root, "diff", "--name-status", "-z", "-M", "--no-color", baseRev, "--");
        if (diff.Code != 0)
        {
            return ([], "git diff failed: " + diff.Text.Trim());
        }

        var fields = diff.Text.Split('\0');
        for (var i = 0; i + 1 < fields.Length;)
        {
            var status = fields[i];
            if (status.Length == 0)
            {
                break;
            }

            if (status[0] is 'R' or 'C')
            {
                changes[fields[i + 2]] = (status[0], fields[i + 1]);
                i += 3;
                continue;
            }

            if (status[0] == 'D')
            {
                deleted.Add(fields[i + 1]);
            }
            else
            {
                changes[fields[i + 1]] = (status[0], fields[i + 1]);
            }

            i += 2;
        }

        var result = new List<GitTemplate>();
        if (templates.Count == 0)
        {
            foreach (var (path, (status, old)) in changes.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                if (IsTemplateName(path) || IsTemplateName(old))
                {
                    result.Add(Entry(root, baseRev, path, status, old));
                }
            }

            foreach (var path in deleted.Where(IsTemplateName).Order(StringComparer.Ordinal))
            {
                result.Add(new GitTemplate(path, TemplateChange.Deleted, null, path, Show(root, baseRev, path)));
            }

            return (result, null);
        }

        foreach (var given in templates)
        {
            var full = Path.GetFullPath(given, workingDirectory);
            var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
            if (relative.StartsWith("../", StringComparison.Ordinal) || relative == "..")
            {
                return ([], $"{given} is outside the git repository at {root}");
            }

            if (!File.Exists(full))
            {
                var old = Show(root, baseRev, relative);
                if (old is null)
                {
                    return ([], $"{given} is neither in the working tree nor at {baseRev}");
                }

                result.Add(new GitTemplate(relative, TemplateChange.Deleted, null, relative, old));
                continue;
            }

            result.Add(changes.TryGetValue(relative, out var c)
                ? Entry(root, baseRev, relative, c.Status, c.Old) with { WorkingFile = full }
                : new GitTemplate(relative, TemplateChange.Unchanged, full, relative, Show(root, baseRev, relative)));
        }

        return (result, null);
    }

    private static GitTemplate Entry(string root, string baseRev, string path, char status, string old)
    {
        var working = Path.Combine(root, path);
        return status switch
        {
            'A' => new GitTemplate(path, TemplateChange.Added, working, null, null),
            'R' => new GitTemplate(path, TemplateChange.Renamed, working, old, Show(root, baseRev, old)),
            'C' => new GitTemplate(path, TemplateChange.Added, working, null, null),
            _ => new GitTemplate(path, TemplateChange.Modified, working, path, Show(root, baseRev, path)),
        };
    }

    private static bool IsTemplateName(string path) =>
        TemplateNames.Contains(path[(path.LastIndexOf('/') + 1)..], StringComparer.Ordinal);

    /// <summary>The bytes of <paramref name="path"/> at the revision; null when it is not there.</summary>
    private static byte[]? Show(string root, string rev, string path)
    {
        var r = GitBytes(root, "show", $"{rev}:{path}");
        return r.Code == 0 ? r.Bytes : null;
    }

    private static (int Code, string Text) Git(string cwd, params string[] args)
    {
        var r = GitBytes(cwd, args);
        return (r.Code, r.Code == -1 ? r.Error : Encoding.UTF8.GetString(r.Code == 0 ? r.Bytes : Encoding.UTF8.GetBytes(r.Error)));
    }

    private static (int Code, byte[] Bytes, string Error) GitBytes(string cwd, params string[] args)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = cwd,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        // Plain output whatever the user's configuration: no pager, no colour, paths not quoted.
        info.Environment["GIT_PAGER"] = "cat";
        info.Environment["LC_ALL"] = "C";
        info.ArgumentList.Insert(0, "core.quotePath=false");
        info.ArgumentList.Insert(0, "-c");
        try
        {
            using var p = Process.Start(info);
            if (p is null)
            {
                return (-1, [], "cannot run git");
            }

            p.StandardInput.Close();
            var error = p.StandardError.ReadToEndAsync();
            using var ms = new MemoryStream();
            p.StandardOutput.BaseStream.CopyTo(ms);
            p.WaitForExit();
            return (p.ExitCode, ms.ToArray(), error.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (-1, [], "diff --git needs the git command, which is not installed or not on PATH");
        }
    }
}
