using System.CommandLine;
using SamPerms.Output;
using SamPerms.Permissions;

namespace SamPerms.Cli.Commands;

/// <summary>
/// <c>samperms can TEMPLATE FUNCTION ACTION [RESOURCE]</c>: may the function's role do this? With
/// <c>--invoked-by PRINCIPAL [--source ARN]</c>: may that principal invoke it? Exit 0 when it may,
/// 1 when it may not or that cannot be told before deploy, 2 on a usage error.
/// </summary>
public static class CanCommand
{
    public static Command Build(CliOutput output)
    {
        var template = new Argument<string>("template") { Description = "SAM template file, YAML or JSON" };
        var function = new Argument<string>("function") { Description = "Logical id of the function or state machine" };
        var action = new Argument<string?>("action") { Description = "IAM action, e.g. s3:PutObject (not with --invoked-by)", Arity = ArgumentArity.ZeroOrOne };
        var resource = new Argument<string?>("resource")
        {
            Description = "ARN it acts on (template values as ${Bucket} or ${Table.Arn}); without it: on which resources",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var invokedBy = new Option<string?>("--invoked-by") { Description = "Ask instead whether this principal may invoke it (s3.amazonaws.com, an account, *)" };
        var source = new Option<string?>("--source") { Description = "With --invoked-by: the source ARN the calls come from" };
        var format = new Option<string>("--format", "-f") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var transform = new TransformOptionSet(localArtifactsByDefault: true);
        var command = new Command("can", "Ask whether a function's role may do an action (on a resource), or who may invoke it, and which template line decides it")
        {
            template, function, action, resource, invokedBy, source, format,
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

            var id = parse.GetValue(function)!;
            if (TemplateLoading.FindSubject(map!, id, path, output) is not { } subject)
            {
                return ExitCodes.UsageOrIo;
            }

            var act = parse.GetValue(action);
            var res = parse.GetValue(resource);
            var json = parse.GetValue(format) == "json";
            AccessAnswer answer;
            if (parse.GetValue(invokedBy) is { } principal)
            {
                if (act is not null)
                {
                    output.Error("--invoked-by asks who may invoke the function: give no ACTION with it");
                    return ExitCodes.UsageOrIo;
                }

                var from = parse.GetValue(source);
                answer = AccessQuery.AskInvoke(map!, subject, principal, from);
                output.Out.Write(json ? AccessAnswerText.Json(answer, subject, null, null, principal, from) : AccessAnswerText.WriteInvoke(answer, subject, principal, from, path));
            }
            else
            {
                if (act is null || !act.Contains(':', StringComparison.Ordinal))
                {
                    output.Error(act is null
                        ? "give an ACTION (service:Action, e.g. s3:GetObject), or --invoked-by PRINCIPAL"
                        : $"'{act}' is not an IAM action (service:Action, e.g. s3:GetObject)");
                    return ExitCodes.UsageOrIo;
                }

                if (parse.GetValue(source) is not null)
                {
                    output.Error("--source goes with --invoked-by");
                    return ExitCodes.UsageOrIo;
                }

                answer = AccessQuery.Ask(map!, subject, act, res);
                output.Out.Write(json ? AccessAnswerText.Json(answer, subject, act, res) : AccessAnswerText.Write(answer, subject, act, res, path));
            }

            return answer.Verdict == AccessVerdict.Allowed ? ExitCodes.Ok : ExitCodes.Invalid;
        });
        return command;
    }
}
