using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using SamPerms.Cli;
using SamPerms.Cli.Commands;
using SamPerms.Cli.Help;
using SamPerms.Cli.Io;

return SamPermsCli.Run(args, CliOutput.Console, HeapBudget.Reserve);

namespace SamPerms.Cli
{
    /// <summary>The samperms command line: argument parsing only; the engine does the work.</summary>
    public static class SamPermsCli
    {
        public static RootCommand Build(CliOutput output) =>
            new("SamPerms: see what AWS SAM will create, and who may do what, before you deploy.")
            {
                TransformCommand.Build(output),
                PermissionsCommand.Build(output),
                ValidateCommand.Build(output),
                DiffCommand.Build(output),
                CanCommand.Build(output),
                ExplainCommand.Build(output),
                ReportCommand.Build(output),
                output.Layout.Color,
                output.Layout.NoColor,
            };

        /// <param name="templatesNamed">
        /// Told the templates the command names (its template arguments and -t values), once they are parsed and before
        /// the command runs: the process's entry point sizes the collector's budget from them (<see cref="HeapBudget"/>).
        /// </param>
        public static int Run(string[] args, CliOutput output, Action<IReadOnlyList<string>>? templatesNamed = null)
        {
            int exit = RunCommand(args, output, templatesNamed);
            output.Out.Flush();
            output.Err.Flush();

            // A stream that could not be written (full disk, closed pipe): say so once, where stderr still works.
            if (output.StreamFailure is { } failure)
            {
                output.Error(failure);
                return ExitCodes.UsageOrIo;
            }

            return exit;
        }

        private static int RunCommand(string[] args, CliOutput output, Action<IReadOnlyList<string>>? templatesNamed)
        {
            var root = Build(output);
            var invocation = new InvocationConfiguration { Output = output.Out, Error = output.Err, EnableDefaultExceptionHandler = false };
            if (args.Length == 0)
            {
                // No command: show what there is (the help), as a usage error.
                root.Parse(["--help"]).Invoke(invocation);
                output.Out.Write(CommandEpilogs.For(""));
                return ExitCodes.UsageOrIo;
            }

            if (CommandLineGuard.Check(root, args, out var guardError, out var named) is not { } checkedArgs)
            {
                output.Error(guardError!);
                return ExitCodes.UsageOrIo;
            }

            var parse = root.Parse(checkedArgs);
            if (parse.Action is HelpAction)
            {
                parse.Invoke(invocation);
                var command = parse.CommandResult.Command;
                if (CommandEpilogs.For(command is RootCommand ? "" : command.Name) is { } epilog)
                {
                    output.Out.Write(epilog);
                }

                return ExitCodes.Ok;
            }

            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors)
                {
                    output.Error(OneLine(error.Message));
                }

                output.Err.WriteLine(named is null ? "Try 'samperms --help'." : $"Try 'samperms {named.Name} --help'.");
                return ExitCodes.UsageOrIo;
            }

            templatesNamed?.Invoke(TemplatesNamed(parse.CommandResult));
            try
            {
                return parse.Invoke(invocation);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A bug in SamPerms, not in the user's template: say so plainly, without a stack trace.
                output.Error($"internal error ({e.GetType().Name}): {e.Message}. Please report this with the template that caused it.");
                return ExitCodes.UsageOrIo;
            }
        }

        /// <summary>The values given for the command's template argument and its -t option.</summary>
        private static List<string> TemplatesNamed(CommandResult command)
        {
            var named = new List<string>();
            foreach (var child in command.Children)
            {
                if (child is ArgumentResult { Argument.Name: "template" } or OptionResult { Option.Name: "--template-file" })
                {
                    named.AddRange(child.Tokens.Select(token => token.Value));
                }
            }

            return named;
        }

        /// <summary>
        /// A parser message on one line: its list of allowed values ("Must be one of:", then a tab-indented line each)
        /// becomes "Must be one of: 'a', 'b'" instead of control characters printed escaped.
        /// </summary>
        private static string OneLine(string message) =>
            message.Replace("\r\n", "\n", StringComparison.Ordinal).Replace(":\n\t", ": ", StringComparison.Ordinal).Replace("\n\t", ", ", StringComparison.Ordinal);
    }
}
