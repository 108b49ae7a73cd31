using System.CommandLine;
using SamPerms.Cli.Inputs;
using SamPerms.Model;

namespace SamPerms.Cli.Commands;

/// <summary>
/// The template of a single-template command, given the way <c>sam</c> takes it: as the first argument, with
/// <c>-t/--template-file</c>, or <c>template.yaml</c> (then <c>.yml</c>, <c>.json</c>) in the current directory; then
/// the transform options resolved with the samconfig beside it.
/// </summary>
public sealed class OneTemplate
{
    public Argument<string?> Argument { get; } = new("template")
    {
        Description = "SAM template file, YAML or JSON (- reads stdin) [default: template.yaml here]",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string[]> Option { get; } = ReportOptions.TemplateFile(several: false);

    /// <summary>
    /// The template's path and the options to transform it with, or null after a usage error was said. With
    /// <paramref name="firstMayBeResource"/>, a first argument that is a logical id (see <see cref="LogicalIdGiven"/>)
    /// is not the template.
    /// </summary>
    public (string Path, TransformOptions Options)? Resolve(ParseResult parse, string command, TransformOptionSet transform, CliOutput output, bool firstMayBeResource = false)
    {
        var argument = parse.GetValue(Argument);
        var resourceFirst = firstMayBeResource && argument is not null && (IsLogicalId(argument) || (parse.GetValue(Option) ?? []).Length > 0);
        var given = (parse.GetValue(Option) ?? []).Concat(argument is not null && !resourceFirst ? [argument] : []).ToList();
        if (given.Count > 1)
        {
            output.UsageError(command, "give one template");
            return null;
        }

        if (TemplateInputs.One(given.FirstOrDefault(), out var inputError) is not { } path)
        {
            output.UsageError(command, inputError!);
            return null;
        }

        return transform.TryResolve(parse, parse.GetValue(transform.Parameters) ?? [], output, out var options, path) ? (path, options) : null;
    }

    /// <summary>
    /// The first argument when it names a resource rather than a template (<c>samperms explain MyFunction</c> beside
    /// template.yaml, or after <c>-t</c>): no such file, and only letters and digits, all a logical id may hold.
    /// </summary>
    public string? LogicalIdGiven(ParseResult parse) => parse.GetValue(Argument) is { } a && (IsLogicalId(a) || (parse.GetValue(Option) ?? []).Length > 0) ? a : null;

    private static bool IsLogicalId(string s) =>
        s.Length > 0 && s.All(char.IsAsciiLetterOrDigit) && !File.Exists(s) && !Directory.Exists(s);
}
