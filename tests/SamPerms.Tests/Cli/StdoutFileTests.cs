using SamPerms.Tests.Ci;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Cli;

/// <summary>
/// stdout redirected to a regular file is written at the descriptor's shared offset: two commands writing into one
/// redirected file (<c>{ a; b; } &gt; out.txt</c>, as CI scripts do) keep both outputs, in order.
/// </summary>
public sealed class StdoutFileTests
{
    [SkippableFact]
    public void Two_commands_redirected_into_one_file_keep_both_outputs()
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "samperms");
        Skip.IfNot(File.Exists("/bin/bash") && File.Exists(tool), "needs bash and the samperms app host beside the tests");
        using var dir = new TempDir();
        var template = RepoPaths.InRepo("templates", "queue-worker", "template.yaml");
        var script = $"{{ echo first; '{tool}' permissions '{template}' --region us-east-1; echo middle; '{tool}' validate '{template}' --region us-east-1; echo last; }} > out.txt 2>/dev/null";
        var (code, _, err) = GitRepo.Run("/bin/bash", ["-c", script], dir.Path, new Dictionary<string, string>());
        Assert.True(code is 0 or 1, err);
        var text = File.ReadAllText(Path.Combine(dir.Path, "out.txt"));
        var first = text.IndexOf("first\n", StringComparison.Ordinal);
        var permissions = text.IndexOf("role:", StringComparison.Ordinal);
        var middle = text.IndexOf("middle\n", StringComparison.Ordinal);
        var validate = text.IndexOf("checked", StringComparison.Ordinal);
        var last = text.IndexOf("last\n", StringComparison.Ordinal);
        Assert.True(first == 0 && first < permissions && permissions < middle && middle < validate && validate < last, text);
    }
}
