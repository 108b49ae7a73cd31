using SamPerms.Diagnostics;
using SamPerms.Pipeline;

namespace SamPerms.Cli.Commands;

/// <summary>Loads the project file (<c>.samperms.yaml</c>) a template's folder sees, or the one <c>--config</c> names; once per file.</summary>
public sealed class ProjectConfigLoader
{
    private readonly Dictionary<string, ProjectConfig?> _byFile = new(StringComparer.Ordinal);

    /// <summary>The configuration for <paramref name="template"/>; null (errors written) when it is invalid.</summary>
    public ProjectConfig? For(string? explicitFile, string? template, CliOutput output)
    {
        if (explicitFile is not null && !File.Exists(explicitFile))
        {
            output.Error(Directory.Exists(explicitFile) ? $"--config {explicitFile} is a directory; give the .samperms.yaml file" : $"--config {explicitFile}: no such file");
            return null;
        }

        var folder = template is null or Inputs.TemplateInputs.Stdin ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(template))!;
        var file = explicitFile ?? ProjectConfigReader.Find(folder);
        if (file is null)
        {
            return ProjectConfig.None;
        }

        var key = Path.GetFullPath(file);
        if (_byFile.TryGetValue(key, out var cached))
        {
            return cached;
        }

        ProjectConfig? config;
        try
        {
            config = ProjectConfigReader.Read(File.ReadAllBytes(file), file, out var problems);
            foreach (var p in problems)
            {
                output.Diagnostic(p, file);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            output.Error($"cannot read {file}: {Outputs.OutputFile.Reason(e)}");
            config = null;
        }

        _byFile[key] = config;
        return config;
    }
}
