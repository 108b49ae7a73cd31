using System.CommandLine;
using SamPerms.Cli.Outputs;
using SamPerms.Output;
using SamPerms.Pipeline;

namespace SamPerms.Cli.Commands;

/// <summary><c>samperms explain</c>: what each SAM resource becomes, grouped by the property that caused it, in plain words.</summary>
public static class ExplainCommand
{
    public static Command Build(CliOutput output)
    {
        var template = new OneTemplate();
        var ids = new Argument<string[]>("logical-id") { Description = "Only these SAM resources (default: all)", Arity = ArgumentArity.ZeroOrMore };
        var transform = new TransformOptionSet(localArtifactsByDefault: true);
        var format = new Option<string>("--format", "-f")
        {
            Description = "text (readable report), markdown, json (schemas/explain.schema.json)",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "markdown", "json");
        var outputFile = ReportOptions.OutputFile();
        var command = new Command(
            "explain",
            "Show what SAM turns each resource into: the CloudFormation resources each property causes, with its line and a plain sentence")
        {
            template.Argument, ids, format, template.Option, outputFile,
        };
        transform.AddTo(command);

        command.SetAction(parse =>
        {
            if (template.Resolve(parse, "explain", transform, output, firstMayBeResource: true) is not { } resolved)
            {
                return ExitCodes.UsageOrIo;
            }

            var (path, options) = resolved;

            // `explain MyFunction` beside template.yaml (or after -t): the first argument is a resource.
            var only = (template.LogicalIdGiven(parse) is { } first ? [first] : Array.Empty<string>()).Concat(parse.GetValue(ids) ?? []).ToList();
            var explained = Explanation.Of(path, options, only);
            if (explained.Run.ReadError is { } error)
            {
                output.Error(error);
                return ExitCodes.UsageOrIo;
            }

            foreach (var d in explained.Run.Outcome!.Diagnostics.Concat(explained.Run.UnknownTypes))
            {
                output.Diagnostic(d, path);
            }

            if (explained.Report is not { } report)
            {
                return ExitCodes.Invalid;
            }

            if (explained.Unknown.Count > 0)
            {
                var known = string.Join(", ", explained.Known);
                output.Error($"no SAM resource {string.Join(", ", explained.Unknown.Select(u => $"'{u}'"))} in {path}" + (known.Length > 0 ? $" (there are: {known})" : ""));
                return ExitCodes.UsageOrIo;
            }

            var text = parse.GetValue(format) switch
            {
                "json" => ExplainJson.Write(report, path),
                "markdown" => ExplainMarkdown.Write(report, path),
                _ => ExplainText.Write(report, path),
            };
            return OutputFile.Write(parse.GetValue(outputFile), text, [path], output) ?? ExitCodes.Ok;
        });
        return command;
    }
}
