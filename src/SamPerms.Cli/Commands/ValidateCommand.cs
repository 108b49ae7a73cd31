using System.CommandLine;
using SamPerms.Cli.Io;
using SamPerms.Cli.Inputs;
using SamPerms.Cli.Outputs;
using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Output;
using SamPerms.Output.Ci;
using SamPerms.Output.Diagnostics;
using SamPerms.Permissions;
using SamPerms.Pipeline;
using SamPerms.Validation;

namespace SamPerms.Cli.Commands;

/// <summary>
/// <c>samperms validate</c>: SAM's own errors, the resource schema, references, IAM mistakes and risky grants,
/// each at its line and column. Shows errors and warnings (infos with <c>--show info</c>); exit 1 when a finding at
/// <c>--fail-on</c> (default error) or above remains. A file that cannot be read is a finding; the batch goes on.
/// </summary>
public static class ValidateCommand
{
    private static readonly string[] FailLevels = ["error", "warning", "info", "none"];

    public sealed record Settings(
        IReadOnlyList<string> Templates,
        string Format,
        Severity? FailAt,
        IReadOnlyList<string> Ignore,
        TransformOptions Transform)
    {
        /// <summary>The lowest severity shown (findings at the failing level are always shown).</summary>
        public Severity? Show { get; init; }

        public string? OutputFile { get; init; }

        /// <summary>Colour and width of the text format where it lands (plain for files and pipes).</summary>
        public Output.TextOptions Text { get; init; } = Output.TextOptions.Plain;

        public string? Baseline { get; init; }

        public string? WriteBaseline { get; init; }

        /// <summary>The configuration used (for the JSON output's settings).</summary>
        public SettingsUsed? Used { get; init; }

        /// <summary>Per template, when its samconfig or project file differs from the first's: its options and ignored codes.</summary>
        public IReadOnlyDictionary<string, (TransformOptions Transform, IReadOnlyList<string> Ignore)> PerTemplate { get; init; } =
            new Dictionary<string, (TransformOptions, IReadOnlyList<string>)>();
    }

    public static Command Build(CliOutput output)
    {
        // Zero or more here: a greedy --ignore or --parameter-overrides may have taken the paths (given back below).
        var templates = new Argument<string[]>("template") { Description = "SAM templates, folders or quoted globs ('**/template.yaml'); - reads stdin [default: template.yaml here]", Arity = ArgumentArity.ZeroOrMore };
        var templateFile = ReportOptions.TemplateFile(several: true);
        var format = ReportOptions.Format(ValidateFormats.Help, [.. ValidateFormats.All.Select(f => f.Name)]);
        var failOn = new Option<string?>("--fail-on") { Description = "Exit 1 when a finding at this level or above remains: error (default), warning, info, none" };
        failOn.AcceptOnlyFromAmong(FailLevels);
        var severity = new Option<string?>("--severity") { Description = "The same as --fail-on (its earlier name)" };
        severity.AcceptOnlyFromAmong("error", "warning", "info");
        var show = new Option<string?>("--show") { Description = "The lowest level shown: error, warning (default), info. Findings that fail the run are always shown" };
        show.AcceptOnlyFromAmong("error", "warning", "info");
        var ignore = new Option<string[]>("--ignore") { Description = "Codes to ignore, comma-separated or repeated; a trailing * names every code it starts (--ignore SP3104,SP31*)", AllowMultipleArgumentsPerToken = true };
        var listRules = new Option<bool>("--list-rules") { Description = "List every code with its severity, title and why (text or json), and exit" };
        var baseline = new Option<string?>("--baseline") { Description = "Report only findings not accepted in FILE (written by --write-baseline)" };
        var writeBaseline = new Option<string?>("--write-baseline") { Description = "Accept every current finding: write them to FILE (schemas/baseline.schema.json) and exit 0" };
        var outputFile = ReportOptions.OutputFile();
        var transform = new TransformOptionSet(localArtifactsByDefault: true);
        var command = new Command("validate", "Check a SAM template: SAM's errors, schema, references, IAM mistakes and risky grants, each at its line")
        {
            templates, templateFile, format, failOn, severity, show, ignore, listRules, baseline, writeBaseline, outputFile,
        };
        transform.AddTo(command);

        command.SetAction(parse =>
        {
            var fmt = ReportOptions.FormatOf(parse, format);
            if (parse.GetValue(listRules))
            {
                var rules = fmt == "json" ? RuleList.Json() : RuleList.Text();
                return OutputFile.Write(parse.GetValue(outputFile), rules, [], output) ?? ExitCodes.Ok;
            }

            var (paramItems, extraFiles) = CommonOptions.SplitOverrides(parse.GetValue(transform.Parameters) ?? []);

            // A greedy --ignore may swallow a template path too; give back what is not a code.
            var ignored = new List<string>();
            var given = new List<string>(parse.GetValue(templateFile) ?? []);
            given.AddRange(extraFiles);
            foreach (var item in ReportOptions.Items(parse.GetValue(ignore)))
            {
                if (Suppressions.IsKnown(item))
                {
                    ignored.Add(item);
                }
                else if (File.Exists(item) || Directory.Exists(item) || Glob.IsPattern(item) && !item.StartsWith("SP", StringComparison.OrdinalIgnoreCase))
                {
                    given.Add(item);
                }
                else
                {
                    output.UsageError("validate", $"--ignore {item}: no such code{Suggest.DidYouMean(item, DiagnosticCatalog.All.Select(d => d.Code))} (samperms validate --list-rules lists them)");
                    return ExitCodes.UsageOrIo;
                }
            }

            given.AddRange(parse.GetValue(templates) ?? []);
            if (TemplateInputs.Many(given, out var inputError) is not { } files)
            {
                output.UsageError("validate", inputError!);
                return ExitCodes.UsageOrIo;
            }

            if (!transform.TryResolve(parse, paramItems, output, out var transformOptions, files.FirstOrDefault()))
            {
                return ExitCodes.UsageOrIo;
            }

            var project = transform.Project;
            var used = transform.Used;

            // samconfig and .samperms.yaml as each template's folder sees them (a batch may span projects).
            var perTemplate = new Dictionary<string, (TransformOptions, IReadOnlyList<string>)>(StringComparer.Ordinal);
            foreach (var file in files.Skip(1))
            {
                if (!transform.TryResolve(parse, paramItems, output, out var own, file))
                {
                    return ExitCodes.UsageOrIo;
                }

                perTemplate[file] = (own, [.. ignored, .. transform.Project.Ignore]);
            }

            var fail = parse.GetValue(failOn) ?? parse.GetValue(severity) ?? project.FailOn ?? "error";
            var settings = new Settings(files, fmt, fail == "none" ? null : Diagnostic.ParseSeverity(fail), [.. ignored, .. project.Ignore], transformOptions)
            {
                Show = Diagnostic.ParseSeverity(parse.GetValue(show) ?? project.Show ?? "warning"),
                OutputFile = parse.GetValue(outputFile),
                Text = output.TextOptions(parse, parse.GetValue(outputFile) is not null),
                Baseline = parse.GetValue(baseline),
                WriteBaseline = parse.GetValue(writeBaseline),
                Used = used,
                PerTemplate = perTemplate,
            };
            return Run(settings, output);
        });
        return command;
    }

    public static int Run(Settings s, CliOutput output)
    {
        if (s.Templates.Count == 0)
        {
            output.UsageError("validate", "no template given");
            return ExitCodes.UsageOrIo;
        }

        AcceptedFindings? accepted = null;
        if (s.Baseline is { } baselineFile)
        {
            if (InputFile.ReadOrSay(baselineFile, output) is not { } baselineBytes)
            {
                return ExitCodes.UsageOrIo;
            }

            accepted = AcceptedFindings.Read(baselineBytes, baselineFile, out var problems);
            foreach (var p in problems)
            {
                output.Diagnostic(p, baselineFile);
            }

            if (accepted is null)
            {
                return ExitCodes.UsageOrIo;
            }
        }

        // Templates on all cores (standard input is read on this thread); results and messages in the given order.
        var results = new List<ValidatedFile>(s.Templates.Count);
        ParallelBatch.Run(
            s.Templates,
            BatchHeap.Collecting((string path) => ValidateOne(path, s, output)),
            (_, done) =>
            {
                output.Conceal(NoEchoParameters.Values(done.Validated.Report.Outcome?.Input, done.Options.Transform.ParameterOverrides));
                // Kept for printing: the findings and the lines they quote, not the template's trees (a batch's memory
                // would grow with every template).
                results.Add(done.Validated with { Report = done.Validated.Report with { Outcome = null } });
            },
            degree: s.Templates.Contains(TemplateInputs.Stdin) ? 1 : null);

        if (s.WriteBaseline is { } target)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(target))!;
            var all = results.SelectMany(r => r.Report.Diagnostics).ToList();
            var written = OutputFile.Write(target, JsonText.Pretty(AcceptedFindings.Build(all, folder)), s.Templates, output, "--write-baseline");
            if (written is null)
            {
                output.Err.WriteLine($"samperms: {all.Count} finding(s) accepted in {target}; validate with --baseline {target} reports only new ones");
            }

            return written ?? ExitCodes.Ok;
        }

        // Accepted findings are dropped; then what is shown: the --show level, and whatever fails the run.
        var lowest = s.FailAt is { } f && s.Show is { } sh ? (Severity)Math.Min((int)f, (int)sh) : s.Show ?? Severity.Info;
        var shownResults = results.Select(r => r with
        {
            Report = r.Report with { Diagnostics = [.. r.Report.Diagnostics.Where(d => accepted?.Accepts(d) != true && d.Severity >= lowest)] },
        }).ToList();

        var rendered = ValidateFormats.Named(s.Format).Write(shownResults, new ValidateFormats.Context(s.FailAt, ToolVersion, s.Used?.ToNode()) { Text = s.Text });
        var failed = s.FailAt is { } threshold && shownResults.Any(r => r.Report.HasAtLeast(threshold))
            || shownResults.Any(r => r.Report.Diagnostics.Any(d => d.Code == DiagnosticCatalog.UnreadableFile));
        return OutputFile.Write(s.OutputFile, rendered, s.Templates, output) ?? (failed ? ExitCodes.Invalid : ExitCodes.Ok);
    }

    /// <summary>One template checked: read (or refused, or unreadable: a finding of its own) and validated.</summary>
    private static (ValidatedFile Validated, ValidationOptions Options) ValidateOne(string path, Settings s, CliOutput output)
    {
        var options = s.PerTemplate.TryGetValue(path, out var own)
            ? new ValidationOptions { Transform = own.Transform, Ignore = own.Ignore }
            : new ValidationOptions { Transform = s.Transform, Ignore = s.Ignore };
        var shown = InputFile.Shown(path);
        var read = InputFile.Read(path, output);
        if (read.Bytes is not { } bytes)
        {
            // Reported as a finding of this file (too large: SP1005); the other files are still checked.
            var report = read.Refusal is { } refusal ? TemplateValidator.Refused(shown, refusal, options) : TemplateValidator.Unreadable(shown, read.Reason!, options);
            return (new ValidatedFile(shown, [], report), options);
        }

        // Local artifact paths are relative to the template's folder (stdin's: the current directory).
        return (TemplateValidation.Run(shown, bytes, options), options);
    }

    /// <summary>The tool's version (from the assembly), for SARIF.</summary>
    public static string ToolVersion =>
        typeof(ValidateCommand).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";
}
