using System.CommandLine;
using SamPerms.Cli.Inputs;
using SamPerms.Cli.Outputs;
using SamPerms.Output;

namespace SamPerms.Cli.Commands;

/// <summary><c>samperms permissions</c>: who may invoke each function and state machine, and what its role may do.</summary>
public static class PermissionsCommand
{
    public static Command Build(CliOutput output)
    {
        var template = new OneTemplate();
        var transform = new TransformOptionSet(localArtifactsByDefault: true);
        var function = new Option<string?>("--function") { Description = "Only this function or state machine (logical id)" };
        var format = new Option<string>("--format", "-f")
        {
            Description = PermissionsFormats.Help,
            DefaultValueFactory = _ => PermissionsFormats.All[0].Name,
        };
        format.AcceptOnlyFromAmong([.. PermissionsFormats.All.Select(f => f.Name), "table"]);
        var outputFile = ReportOptions.OutputFile();
        var command = new Command("permissions", "Show who may invoke each function and what its role may do, with the template line that caused each")
        {
            template.Argument, template.Option, function, format, outputFile,
        };
        transform.AddTo(command);

        command.SetAction(parse =>
        {
            if (template.Resolve(parse, "permissions", transform, output) is not { } resolved)
            {
                return ExitCodes.UsageOrIo;
            }

            var (path, options) = resolved;
            var shown = InputFile.Shown(path);
            var only = parse.GetValue(function);
            var scope = only is null ? null : new Permissions.MapScope(only, Invokers: true);
            var (_, map, exit) = TemplateLoading.PermissionMap(path, options, output, scope);
            if (exit is { } code)
            {
                return code;
            }

            if (only is not null)
            {
                if (TemplateLoading.FindSubject(map!, only, shown, output) is not { } subject)
                {
                    return ExitCodes.UsageOrIo;
                }

                map = map!.Only(subject) with { UnattachedInvokers = map.UnattachedInvokers };
            }

            // JSON says which configuration it was made with; every other format as registered.
            var name = ReportOptions.FormatOf(parse, format);
            var text = name == "json"
                ? SettingsField.AddToBuilder(PermissionsJson.Build(map!, shown, options.Region, options.EffectivePartition), transform.Used)
                : PermissionsFormats.Named(name).Write(map!, shown, options);
            return OutputFile.Write(parse.GetValue(outputFile), text, [path], output) ?? ExitCodes.Ok;
        });
        return command;
    }
}
