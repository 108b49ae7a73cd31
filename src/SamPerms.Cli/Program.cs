using System.CommandLine;
using System.CommandLine.Help;
using SamPerms.Cli;
using SamPerms.Cli.Commands;
using SamPerms.Cli.Help;
using SamPerms.Cli.Io;

return SamPermsCli.Run(args, CliOutput.Console);

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

        public static int Run(string[] args, CliOutput output)
        {
            int exit = RunCommand(args, output);
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

        private static int RunCommand(string[] args, CliOutput output)
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

        /// <summary>
        /// A parser message on one line: its list of allowed values ("Must be one of:", then a tab-indented line each)
        /// becomes "Must be one of: 'a', 'b'" instead of control characters printed escaped.
        /// </summary>
        private static string OneLine(string message) =>
            message.Replace("\r\n", "\n", StringComparison.Ordinal).Replace(":\n\t", ": ", StringComparison.Ordinal).Replace("\n\t", ", ", StringComparison.Ordinal);
    }
}
