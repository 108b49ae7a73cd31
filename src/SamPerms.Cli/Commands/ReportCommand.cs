using System.CommandLine;
using SamPerms.Cli.Outputs;
using SamPerms.Pipeline;

namespace SamPerms.Cli.Commands;

/// <summary><c>samperms report</c>: one self-contained HTML page to look at how SAM expands a template.</summary>
public static class ReportCommand
{
    public static Command Build(CliOutput output)
    {
        var template = new OneTemplate();
        var transform = new TransformOptionSet(localArtifactsByDefault: true);
        var outFile = new Option<string?>("--output", "-o", "--output-file") { Description = "Write the page to FILE (written atomically) instead of stdout; never one of the inputs" };
        var command = new Command(
            "report",
            "Write one self-contained HTML page: the template beside what each property generates, the permission graph and the findings at their lines")
        {
            template.Argument, template.Option, outFile,
        };
        transform.AddTo(command);

        command.SetAction(parse =>
        {
            if (template.Resolve(parse, "report", transform, output, firstMayBeResource: false) is not { } resolved)
            {
                return ExitCodes.UsageOrIo;
            }

            var (path, options) = resolved;

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

            // A resource type SAM does not know: the page still made (it shows the finding), the exit says invalid.
            return OutputFile.Write(parse.GetValue(outFile), html, [path], output, "--output") ?? (page.Errors.Count > 0 ? ExitCodes.Invalid : ExitCodes.Ok);
        });
        return command;
    }
}
