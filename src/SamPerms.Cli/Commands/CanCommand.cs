using System.CommandLine;
using SamPerms.Cli.Inputs;
using SamPerms.Cli.Outputs;
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
        var template = new Argument<string>("template") { Description = "SAM template file, YAML or JSON (- reads stdin); with -t, leave it out" };
        var templateFile = ReportOptions.TemplateFile(several: false);
        var outputFile = ReportOptions.OutputFile();
        var function = new Argument<string?>("function") { Description = "Logical id of the function or state machine", Arity = ArgumentArity.ZeroOrOne };
        var action = new Argument<string?>("action") { Description = "IAM action, e.g. s3:PutObject (not with --invoked-by)", Arity = ArgumentArity.ZeroOrOne };
        var resource = new Argument<string?>("resource")
        {
            Description = "ARN it acts on (template values as ${Bucket} or ${Table.Arn}); without it: on which resources",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var invokedBy = new Option<string?>("--invoked-by") { Description = "Ask instead whether this principal may invoke it (s3.amazonaws.com, an account, *)" };
        var source = new Option<string?>("--source") { Description = "With --invoked-by: the source ARN the calls come from" };
        var format = ReportOptions.Format("text or json", "text", "json");
        var transform = new TransformOptionSet(localArtifactsByDefault: true);
        var command = new Command("can", "Ask whether a function's role may do an action (on a resource), or who may invoke it, and which template line decides it")
        {
            template, function, action, resource, invokedBy, source, format, templateFile, outputFile,
        };
        transform.AddTo(command);

        command.SetAction(parse =>
        {
            // With -t the template is not among the arguments: they start at the function.
            string? path = parse.GetValue(template);
            string? id = parse.GetValue(function);
            var act = parse.GetValue(action);
            var res = parse.GetValue(resource);
            if (parse.GetValue(templateFile) is [var given])
            {
                (path, id, act, res) = (given, path, id, act);
                if (parse.GetValue(resource) is not null)
                {
                    output.UsageError("can", "with -t, give FUNCTION ACTION [RESOURCE] only");
                    return ExitCodes.UsageOrIo;
                }
            }
            else if (SubjectComesFirst(path, id))
            {
                // `can FUNCTION ACTION [RESOURCE]` in a SAM project: the template is the default one, as with sam.
                (path, id, act, res) = (null, path, id, act);
                if (parse.GetValue(resource) is not null)
                {
                    output.UsageError("can", "give TEMPLATE FUNCTION ACTION [RESOURCE], or FUNCTION ACTION [RESOURCE] beside template.yaml");
                    return ExitCodes.UsageOrIo;
                }
            }

            if (TemplateInputs.One(path, out var inputError) is not { } file || id is null)
            {
                output.UsageError("can", inputError ?? "give a FUNCTION");
                return ExitCodes.UsageOrIo;
            }

            path = file;
            if (!transform.TryResolve(parse, parse.GetValue(transform.Parameters) ?? [], output, out var options, path))
            {
                return ExitCodes.UsageOrIo;
            }

            var shown = InputFile.Shown(path);
            Data.TableWarmUp.ActionCatalog(); // the evaluation asks the catalog what resources the action takes
            // Only the subject asked about is mapped, and who may invoke it only when that is the question.
            var scope = new Permissions.MapScope(id, Invokers: parse.GetValue(invokedBy) is not null);
            var (_, map, exit) = TemplateLoading.PermissionMap(path, options, output, scope);
            if (exit is { } code)
            {
                return code;
            }

            if (TemplateLoading.FindSubject(map!, id, shown, output) is not { } subject)
            {
                return ExitCodes.UsageOrIo;
            }

            var json = ReportOptions.FormatOf(parse, format) == "json";
            string text;
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
                text = json ? SettingsField.AddTo(AccessAnswerText.Build(answer, subject, null, null, principal, from), transform.Used) : AccessAnswerText.WriteInvoke(answer, subject, principal, from, shown);
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
                text = json ? SettingsField.AddTo(AccessAnswerText.Build(answer, subject, act, res), transform.Used) : AccessAnswerText.Write(answer, subject, act, res, shown);
            }

            return OutputFile.Write(parse.GetValue(outputFile), text, [path], output) ?? (answer.Verdict == AccessVerdict.Allowed ? ExitCodes.Ok : ExitCodes.Invalid);
        });
        return command;
    }

    /// <summary>
    /// True when the first argument is a logical id rather than a template: no such file, only letters and digits
    /// (all a logical id may hold), and what follows it is an action (a logical id never holds ':') or nothing.
    /// </summary>
    private static bool SubjectComesFirst(string? first, string? second) =>
        first is { Length: > 0 } && first != "-" && !File.Exists(first) && !Directory.Exists(first)
        && first.All(char.IsAsciiLetterOrDigit)
        && (second is null || second.Contains(':', StringComparison.Ordinal));
}
