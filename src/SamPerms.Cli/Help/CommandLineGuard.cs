using SamPerms.Diagnostics;
using System.CommandLine;
using SamPerms.Validation;

namespace SamPerms.Cli.Help;

/// <summary>
/// What System.CommandLine would misread, checked before it parses: <c>samperms help [COMMAND]</c>, a mistyped
/// command, and an unknown option (which it would take for a file name). Each mistake gets a "did you mean".
/// </summary>
public static class CommandLineGuard
{
    /// <summary>The arguments to parse (help rewritten), or null with the usage error in <paramref name="error"/>.</summary>
    public static string[]? Check(RootCommand root, string[] args, out string? error, out Command? command)
    {
        error = null;
        command = null;
        if (args.Length == 0)
        {
            return args;
        }

        if (args[0] == "help")
        {
            if (args.Length == 1)
            {
                return ["--help"];
            }

            if (Find(root, args[1]) is null)
            {
                error = UnknownCommand(root, args[1]);
                return null;
            }

            return [args[1], "--help"];
        }

        if (args[0].StartsWith('-'))
        {
            // Options of the root itself (--help, --version) or a mistyped one.
            if (!IsKnown(root, args[0]))
            {
                error = UnknownOption(root, args[0], "samperms");
                return null;
            }

            return args;
        }

        command = Find(root, args[0]);
        if (command is null)
        {
            error = UnknownCommand(root, args[0]);
            return null;
        }

        Option? previous = null;
        for (int i = 1; i < args.Length; i++)
        {
            var token = args[i];
            if (token == "--")
            {
                break;
            }

            bool valueOfPrevious = previous is not null && previous.Arity.MaximumNumberOfValues == 1 && previous.Arity.MinimumNumberOfValues == 1;
            previous = null;
            if (valueOfPrevious || token.Length < 2 || token[0] != '-')
            {
                continue;
            }

            if (!IsKnown(command, token) && !IsKnown(root, token))
            {
                error = UnknownOption(command, token, $"samperms {command.Name}");
                return null;
            }

            previous = OptionNamed(command, NameOf(token));
            if (token.Contains('=', StringComparison.Ordinal))
            {
                previous = null;
            }
        }

        return args;
    }

    /// <summary>Every name and alias a command's options answer to.</summary>
    public static IEnumerable<string> OptionNames(Command command) =>
        command.Options.SelectMany(o => o.Aliases.Prepend(o.Name));

    private static Command? Find(RootCommand root, string name) =>
        root.Subcommands.FirstOrDefault(c => c.Name == name || c.Aliases.Contains(name));

    private static string NameOf(string token)
    {
        int eq = token.IndexOfAny(['=', ':']);
        return eq > 0 ? token[..eq] : token;
    }

    private static bool IsKnown(Command command, string token) => OptionNamed(command, NameOf(token)) is not null;

    private static Option? OptionNamed(Command command, string name) =>
        command.Options.FirstOrDefault(o => o.Name == name || o.Aliases.Contains(name));

    private static string UnknownCommand(RootCommand root, string name) =>
        $"unknown command '{name}'{Suggest.DidYouMean(name, root.Subcommands.Select(c => c.Name))}; the commands are {string.Join(", ", root.Subcommands.Select(c => c.Name))}. Try 'samperms --help'.";

    private static string UnknownOption(Command command, string token, string usage)
    {
        var name = NameOf(token);
        var names = OptionNames(command).Where(n => n.StartsWith("--", StringComparison.Ordinal) || name.Length == 2);
        return $"unknown option '{name}'{Suggest.DidYouMean(name, names)}. Try '{usage} --help'.";
    }
}
