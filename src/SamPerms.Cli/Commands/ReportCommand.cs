using System.CommandLine;
using SamPerms.Pipeline;

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
            var page = ReportPage.Of(path, options);
            if (page.ReadError is { } error)
            {
                output.Error(error);
                return ExitCodes.UsageOrIo;
            }

            foreach (var d in page.Errors)
            {
                output.Diagnostic(d, path);
            }

            if (page.Html is not { } html)
            {
                return ExitCodes.Invalid;
            }

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

            return page.Errors.Count > 0 ? ExitCodes.Invalid : ExitCodes.Ok;
        });
        return command;
    }
}
