using System.CommandLine;
using SamPerms.Output;
using SamPerms.Pipeline;

namespace SamPerms.Cli.Commands;

/// <summary><c>samperms explain</c>: what each SAM resource becomes, grouped by the property that caused it, in plain words.</summary>
public static class ExplainCommand
{
    public static Command Build(CliOutput output)
    {
        var template = new Argument<string>("template") { Description = "SAM template file, YAML or JSON" };
        var ids = new Argument<string[]>("logical-id") { Description = "Only these SAM resources (default: all)", Arity = ArgumentArity.ZeroOrMore };
        var transform = new TransformOptionSet(localArtifactsByDefault: true);
        var format = new Option<string>("--format", "-f")
        {
            Description = "text (readable report), markdown, json (schemas/explain.schema.json)",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "markdown", "json");
        var command = new Command(
            "explain",
            "Show what SAM turns each resource into: the CloudFormation resources each property causes, with its line and a plain sentence. "
            + "Example: samperms explain template.yaml ResizeFunction")
        {
            template, ids, format,
        };
        transform.AddTo(command);

        command.SetAction(parse =>
        {
            if (!transform.TryResolve(parse, parse.GetValue(transform.Parameters) ?? [], output, out var options))
            {
                return ExitCodes.UsageOrIo;
            }

            var path = parse.GetValue(template)!;
            var explained = Explanation.Of(path, options, parse.GetValue(ids) ?? []);
            if (explained.Run.ReadError is { } error)
            {
                output.Error(error);
                return ExitCodes.UsageOrIo;
            }

            foreach (var d in explained.Run.Outcome!.Diagnostics.Concat(explained.TypeErrors))
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

            output.Out.Write(parse.GetValue(format) switch
            {
                "json" => ExplainJson.Write(report, path),
                "markdown" => ExplainMarkdown.Write(report, path),
                _ => ExplainText.Write(report, path),
            });
            return ExitCodes.Ok;
        });
        return command;
    }
}
