using System.CommandLine;
using SamPerms.Model;
using SamPerms.Output;

namespace SamPerms.Cli.Commands;

/// <summary><c>samperms permissions</c>: who may invoke each function and state machine, and what its role may do.</summary>
public static class PermissionsCommand
{
    public static Command Build(CliOutput output)
    {
        var template = new Argument<string>("template") { Description = "SAM template file, YAML or JSON" };
        var transform = new TransformOptionSet(localArtifactsByDefault: true);
        var function = new Option<string?>("--function") { Description = "Only this function or state machine (logical id)" };
        var format = new Option<string>("--format", "-f")
        {
            Description = "table (readable report), json (schemas/permissions.schema.json), markdown (for a PR comment), mermaid (a flowchart)",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json", "markdown", "mermaid");
        var command = new Command("permissions", "Show who may invoke each function and what its role may do, with the template line that caused each")
        {
            template, function, format,
        };
        transform.AddTo(command);

        command.SetAction(parse =>
        {
            if (!transform.TryResolve(parse, parse.GetValue(transform.Parameters) ?? [], output, out var options))
            {
                return ExitCodes.UsageOrIo;
            }

            var path = parse.GetValue(template)!;
            var (_, map, exit) = TemplateLoading.PermissionMap(path, options, output);
            if (exit is { } code)
            {
                return code;
            }

            if (parse.GetValue(function) is { } only)
            {
                if (TemplateLoading.FindSubject(map!, only, path, output) is not { } subject)
                {
                    return ExitCodes.UsageOrIo;
                }

                map = map! with { Subjects = [subject] };
            }

            output.Out.Write(parse.GetValue(format) switch
            {
                "json" => PermissionsJson.Write(map!, path, options.Region, options.EffectivePartition),
                "markdown" => PermissionsMarkdown.Write(map!, path),
                "mermaid" => PermissionsMermaid.Write(map!),
                _ => PermissionsText.Write(map!, path),
            });
            return ExitCodes.Ok;
        });
        return command;
    }
}
