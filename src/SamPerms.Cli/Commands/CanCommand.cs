using System.CommandLine;
using SamPerms.Output;
using SamPerms.Permissions;

namespace SamPerms.Cli.Commands;

/// <summary>
/// <c>samperms can TEMPLATE FUNCTION ACTION [RESOURCE]</c>: may the function's role do this? Exit 0 when it may,
/// 1 when it may not or that cannot be told before deploy, 2 on a usage error.
/// </summary>
public static class CanCommand
{
    public static Command Build(CliOutput output)
    {
        var template = new Argument<string>("template") { Description = "SAM template file, YAML or JSON" };
        var function = new Argument<string>("function") { Description = "Logical id of the function or state machine" };
        var action = new Argument<string>("action") { Description = "IAM action, e.g. s3:PutObject" };
        var resource = new Argument<string?>("resource")
        {
            Description = "ARN it acts on (template values as ${Bucket} or ${Table.Arn}); without it: on which resources",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var format = new Option<string>("--format", "-f") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var transform = new TransformOptionSet(localArtifactsByDefault: true);
        var command = new Command("can", "Ask whether a function's role may do an action (on a resource), and which template line decides it")
        {
            template, function, action, resource, format,
        };
        foreach (var option in transform.All)
        {
            command.Options.Add(option);
        }

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

            var id = parse.GetValue(function)!;
            if (map!.Find(id) is not { } subject)
            {
                var known = string.Join(", ", map.Subjects.Select(s => s.SamLogicalId).Distinct());
                output.Error($"no function or state machine '{id}' in {path}" + (known.Length > 0 ? $" (there are: {known})" : ""));
                return ExitCodes.UsageOrIo;
            }

            var act = parse.GetValue(action)!;
            if (!act.Contains(':', StringComparison.Ordinal))
            {
                output.Error($"'{act}' is not an IAM action (service:Action, e.g. s3:GetObject)");
                return ExitCodes.UsageOrIo;
            }

            var res = parse.GetValue(resource);
            var answer = AccessQuery.Ask(map, subject, act, res);
            output.Out.Write(parse.GetValue(format) == "json"
                ? AccessAnswerText.Json(answer, subject, act, res)
                : AccessAnswerText.Write(answer, subject, act, res, path));
            return answer.Verdict == AccessVerdict.Allowed ? ExitCodes.Ok : ExitCodes.Invalid;
        });
        return command;
    }
}
