using System.Diagnostics;

namespace SamPerms.Tests.Support;

/// <summary>Runs a program (git, bash, the built app host) with arguments, a folder and extra environment; stdin closed.</summary>
public static class Processes
{
    public static (int Code, string Out, string Err) Run(string file, IEnumerable<string> args, string cwd, IReadOnlyDictionary<string, string> env)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (k, v) in env)
        {
            info.Environment[k] = v;
        }

        using var p = Process.Start(info)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish in 120 s");
        }

        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
