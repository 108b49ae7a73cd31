using System.CommandLine;
using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Output.Ci;
using SamPerms.Output.Diagnostics;
using SamPerms.Permissions;
using SamPerms.Pipeline;
using SamPerms.Validation;

namespace SamPerms.Cli.Commands;

/// <summary>
/// <c>samperms validate</c>: SAM's own errors, the resource schema, references, IAM mistakes and risky grants,
/// each at its line and column. Exit 1 when an error (or a finding at --severity or above) remains.
/// </summary>
public static class ValidateCommand
{
    public sealed record Settings(
        IReadOnlyList<string> Templates,
        string Format,
        Severity FailAt,
        IReadOnlyList<string> Ignore,
        TransformOptions Transform);

    public static Command Build(CliOutput output)
    {
        // Zero or more here: a greedy --ignore or --parameter-overrides may have taken the paths (given back below).
        var templates = new Argument<string[]>("template") { Description = "SAM template file(s), YAML or JSON", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format", "-f") { Description = "Output format", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "github", "junit", "codequality");
        var severity = new Option<string>("--severity") { Description = "Exit 1 when a finding at this level or above remains (errors always fail)", DefaultValueFactory = _ => "error" };
        severity.AcceptOnlyFromAmong("error", "warning", "info");
        var ignore = new Option<string[]>("--ignore") { Description = "Codes to ignore (e.g. --ignore SP3104 SP3106)", AllowMultipleArgumentsPerToken = true };
        var transform = new TransformOptionSet(localArtifactsByDefault: true);
        var command = new Command("validate", "Check a SAM template: SAM's errors, schema, references, IAM mistakes and risky grants, each at its line")
        {
            templates, format, severity, ignore,
        };
        transform.AddTo(command);

        command.SetAction(parse =>
        {
            var (paramItems, extraFiles) = CommonOptions.SplitOverrides(parse.GetValue(transform.Parameters) ?? []);
            if (!transform.TryResolve(parse, paramItems, output, out var transformOptions))
            {
                return ExitCodes.UsageOrIo;
            }

            // A greedy --ignore may swallow a template path too; give back what is not a code.
            var ignored = new List<string>();
            var files = new List<string>(extraFiles);
            foreach (var item in parse.GetValue(ignore) ?? [])
            {
                if (DiagnosticCatalog.Find(item) is not null)
                {
                    ignored.Add(item);
                }
                else if (File.Exists(item))
                {
                    files.Add(item);
                }
                else
                {
                    output.Error($"--ignore {item}: no such code (codes are listed in README.md)");
                    return ExitCodes.UsageOrIo;
                }
            }

            files.AddRange(parse.GetValue(templates) ?? []);
            var settings = new Settings(
                files,
                parse.GetValue(format) ?? "text",
                Diagnostic.ParseSeverity(parse.GetValue(severity)) ?? Severity.Error,
                ignored,
                transformOptions);
            return Run(settings, output);
        });
        return command;
    }

    public static int Run(Settings s, CliOutput output)
    {
        if (s.Templates.Count == 0)
        {
            output.Error("no template given");
            return ExitCodes.UsageOrIo;
        }

        var options = new ValidationOptions { Transform = s.Transform, Ignore = s.Ignore };
        var results = new List<ValidatedFile>();
        foreach (var path in s.Templates)
        {
            var read = FileInput.Read(path);
            if (read.Bytes is not { } bytes)
            {
                output.Error(read.Error!);
                return ExitCodes.UsageOrIo;
            }

            var validated = TemplateValidation.Run(path, bytes, options);
            output.Conceal(NoEchoParameters.Values(validated.Report.Outcome?.Input, s.Transform.ParameterOverrides));
            results.Add(validated);
        }

        var rendered = s.Format switch
        {
            "json" => DiagnosticsJson.Write(results),
            "sarif" => SarifLog.Write(results, ToolVersion),
            "github" => GithubAnnotations.Write(results),
            "junit" => JunitXml.Write(CiReports.FromValidation(results, Threshold(s.FailAt))),
            "codequality" => CodeQualityJson.Write(CiReports.FromValidation(results, Threshold(s.FailAt))),
            _ => DiagnosticsText.Write(results),
        };
        output.Out.Write(rendered);
        return results.Any(r => r.Report.HasAtLeast(Threshold(s.FailAt))) ? ExitCodes.Invalid : ExitCodes.Ok;
    }

    /// <summary>Errors always fail; --severity may lower the threshold.</summary>
    private static Severity Threshold(Severity failAt) => failAt < Severity.Error ? failAt : Severity.Error;

    /// <summary>The tool's version (from the assembly), for SARIF.</summary>
    public static string ToolVersion =>
        typeof(ValidateCommand).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";
}
