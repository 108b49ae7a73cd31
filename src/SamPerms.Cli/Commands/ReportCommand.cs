using System.CommandLine;
using System.Text;
using SamPerms.Output;
using SamPerms.Output.Diagnostics;
using SamPerms.Permissions;
using SamPerms.Permissions.Explain;
using SamPerms.Validation;

namespace SamPerms.Cli.Commands;

/// <summary><c>samperms report</c>: one self-contained HTML page to look at how SAM expands a template.</summary>
public static class ReportCommand
{
    public static Command Build(CliOutput output)
    {
        var template = new Argument<string>("template") { Description = "SAM template file, YAML or JSON" };
        var transform = new TransformOptionSet(localArtifactsByDefault: true);
        var outFile = new Option<string?>("--output", "-o") { Description = "Write the page to FILE (written atomically) instead of stdout" };
        var command = new Command(
            "report",
            "Write one self-contained HTML page (no network; open it from disk): the template with line numbers, what each property generates "
            + "(select one to highlight it), the permission graph, each function's invokers and grants, and validate's findings at their lines. "
            + "Example: samperms report template.yaml -o report.html")
        {
            template, outFile,
        };
        transform.AddTo(command);

        command.SetAction(parse =>
        {
            if (!transform.TryResolve(parse, parse.GetValue(transform.Parameters) ?? [], output, out var options))
            {
                return ExitCodes.UsageOrIo;
            }

            var path = parse.GetValue(template)!;
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                output.Error($"cannot read {path}: {e.Message}");
                return ExitCodes.UsageOrIo;
            }

            var validation = TemplateValidator.Validate(bytes, new ValidationOptions { Transform = options, TemplateDirectory = Path.GetDirectoryName(Path.GetFullPath(path)) }, path);
            if (validation.Outcome is not { Succeeded: true } outcome)
            {
                foreach (var d in validation.Diagnostics.Where(d => d.Severity == Severity.Error))
                {
                    output.Diagnostic(d, path);
                }

                return ExitCodes.Invalid;
            }

            var map = PermissionMapBuilder.Build(outcome, options);
            var explain = ExplainBuilder.Build(outcome, map.Values!, null, map);
            var lines = ValidatedFile.SplitLines(new UTF8Encoding(false, false).GetString(bytes).TrimStart('\uFEFF'));
            var html = ReportHtml.Write(path, lines, explain, map, validation.Diagnostics);
            if (parse.GetValue(outFile) is { } file)
            {
                try
                {
                    AtomicFile.WriteAllText(file, html);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    output.Error($"cannot write {file}: {e.Message}");
                    return ExitCodes.UsageOrIo;
                }
            }
            else
            {
                output.Out.Write(html);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
