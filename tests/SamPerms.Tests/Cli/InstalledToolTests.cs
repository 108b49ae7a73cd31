using System.Runtime.InteropServices;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Cli;

/// <summary>
/// The tool as users get it: the packages <c>make pack</c> built (artifacts/packages, or $SAMPERMS_PACKAGES) are
/// installed with <c>dotnet tool install</c> into a temporary tool path from that folder alone, and the installed
/// command answers <c>--version</c> and transforms the example exactly as the engine does in process. On this
/// platform's RID the installed command is the native binary of the RID-specific package, not the JIT fallback.
/// Run by <c>make pack-test</c>; skipped, saying why, when the packages were not built.
/// </summary>
[Trait("Category", "Packaging")]
public sealed class InstalledToolTests
{
    private static string PackageFolder =>
        Environment.GetEnvironmentVariable("SAMPERMS_PACKAGES") is { Length: > 0 } folder ? folder : RepoPaths.InRepo("artifacts", "packages");

    [SkippableFact]
    public void The_installed_tool_is_the_native_package_and_transforms_the_example()
    {
        var folder = PackageFolder;
        var pointer = Directory.Exists(folder) ? Directory.GetFiles(folder, "SamPerms.Tool.*.nupkg").Select(Path.GetFileName).FirstOrDefault(n => char.IsDigit(n![14])) : null;
        Skip.If(pointer is null, $"no tool packages in {folder}: run 'make pack' (native AOT needs clang and zlib1g-dev), then 'make pack-test'");
        var version = pointer![14..^".nupkg".Length];
        var rid = RuntimeInformation.RuntimeIdentifier;
        var native = File.Exists(Path.Combine(folder, $"SamPerms.Tool.{rid}.{version}.nupkg"));

        using var dir = new TempDir();
        var tools = Path.Combine(dir.Path, "tools");
        var config = dir.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="built-here" value="{folder}" />
              </packageSources>
            </configuration>
            """);
        // Its own package cache, so a package rebuilt under the same version is the one installed.
        var env = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(dir.Path, "nuget"), ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };
        var install = Processes.Run("dotnet", ["tool", "install", "SamPerms.Tool", "--version", version, "--tool-path", tools, "--configfile", config], dir.Path, env);
        Assert.True(install.Code == 0, $"dotnet tool install failed:\n{install.Out}\n{install.Err}");

        var command = Path.Combine(tools, OperatingSystem.IsWindows() ? "samperms.exe" : "samperms");
        var target = new FileInfo(command).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? command;
        if (native)
        {
            // The RID-specific package: the command is the native executable itself (no shim, no samperms.dll beside it).
            Assert.Contains($"samperms.tool.{rid}", target, StringComparison.OrdinalIgnoreCase);
            Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(target)!, "samperms.dll")), $"{target} is a JIT build");
        }

        var shown = Processes.Run(command, ["--version"], dir.Path, env);
        Assert.Equal(0, shown.Code);
        Assert.StartsWith(version, shown.Out.Trim(), StringComparison.Ordinal);

        var example = RepoPaths.InRepo("templates", "image-resizer", "template.yaml");
        var installed = Processes.Run(command, ["transform", example], dir.Path, env);
        var inProcess = CliRunner.Run("transform", example);
        Assert.Equal(0, installed.Code);
        Assert.Equal(inProcess.Out, installed.Out);
        Assert.Equal(inProcess.Err, installed.Err);
    }
}
