using System.CommandLine;
using System.Text;
using SamPerms.Cli.Io;
using SamPerms.Cli.Inputs;
using SamPerms.Cli.Outputs;
using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Output;
using SamPerms.Permissions;
using SamPerms.Pipeline;

namespace SamPerms.Cli.Commands;

/// <summary>
/// <c>samperms transform</c>: the CloudFormation template SAM would produce. One template goes to stdout
/// (or -o FILE); several go to --out-dir, mirroring their paths: DIR/REL/NAME.json, or NAME.error.json when SAM
/// rejects one. No output ever replaces an input; writing one result removes the other's stale file.
/// </summary>
public static class TransformCommand
{
    public sealed record Settings(
        IReadOnlyList<string> Templates,
        TransformOptions Transform,
        string Format,
        string? OutputFile,
        string? OutDir)
    {
        /// <summary>--annotate: comments naming each resource's origin (YAML), or NAME.origins.json beside the JSON.</summary>
        public bool Annotate { get; init; }

        /// <summary>Per template, the options its own samconfig gives (a batch may span projects); else <see cref="Transform"/>.</summary>
        public IReadOnlyDictionary<string, TransformOptions> PerTemplate { get; init; } = new Dictionary<string, TransformOptions>();
    }

    public static Command Build(CliOutput output)
    {
        var templates = new Argument<string[]>("template")
        {
            Description = "SAM template file(s), folders or quoted globs ('**/template.yaml'); - reads stdin [default: template.yaml here]",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var templateFile = ReportOptions.TemplateFile(several: true);
        var transform = new TransformOptionSet(localArtifactsByDefault: false);
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format [default: from the -o extension (.yaml, .yml, .json), else json]",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "yaml");
        var outFile = new Option<string?>("--output", "-o") { Description = "Write the template to FILE (atomically) instead of stdout (- is stdout; a device or FIFO is written in place, a symbolic link's target replaced)" };
        var outDir = new Option<string?>("--out-dir") { Description = "Write DIR/PATH/NAME.json (or NAME.error.json) per template, PATH its folder relative to the inputs' common folder" };

        var annotate = new Option<bool>("--annotate")
        {
            Description = "Say where each generated resource comes from: YAML gets comments (# from ResizeFunction.Events.Upload, template.yaml:37); "
                + "JSON gets NAME.origins.json beside -o NAME.json or in --out-dir",
        };
        var command = new Command("transform", "Show the CloudFormation template SAM would produce from a SAM template")
        {
            templates, templateFile, format, outFile, outDir, annotate,
        };
        transform.AddTo(command);

        command.SetAction(parse =>
        {
            var overrides = parse.GetValue(transform.Parameters) ?? [];

            // A greedy --parameter-overrides may swallow a template path; give back what is not Key=Value.
            var (paramItems, extraFiles) = CommonOptions.SplitOverrides(overrides);
            var given = (parse.GetValue(templateFile) ?? []).Concat(extraFiles).Concat(parse.GetValue(templates) ?? []).ToList();
            if (TemplateInputs.Many(given, out var inputError, exclude: parse.GetValue(outDir)) is not { } files)
            {
                output.UsageError("transform", inputError!);
                return ExitCodes.UsageOrIo;
            }

            if (!transform.TryResolve(parse, paramItems, output, out var options, files.FirstOrDefault()))
            {
                return ExitCodes.UsageOrIo;
            }

            // -o FILE.yaml means YAML unless --format says otherwise.
            var fmt = parse.GetValue(format) ?? "json";
            var formatGiven = parse.GetResult(format) is { Implicit: false };
            if (!formatGiven && parse.GetValue(outFile) is { } o)
            {
                var ext = Path.GetExtension(o).ToLowerInvariant();
                fmt = ext is ".yaml" or ".yml" ? "yaml" : ext == ".json" ? "json" : fmt;
            }

            var perTemplate = new Dictionary<string, TransformOptions>(StringComparer.Ordinal);
            foreach (var file in files.Skip(1))
            {
                if (!transform.TryResolve(parse, paramItems, output, out var own, file))
                {
                    return ExitCodes.UsageOrIo;
                }

                perTemplate[file] = own;
            }

            var settings = new Settings(files, options, fmt, parse.GetValue(outFile), parse.GetValue(outDir)) { PerTemplate = perTemplate, Annotate = parse.GetValue(annotate) };
            return Run(settings, output);
        });
        return command;
    }

    public static int Run(Settings s, CliOutput output)
    {
        if (s.Templates.Count == 0)
        {
            output.UsageError("transform", "no template given");
            return ExitCodes.UsageOrIo;
        }

        if (s.OutputFile is not null && s.OutDir is not null)
        {
            output.UsageError("transform", "use either --output or --out-dir, not both");
            return ExitCodes.UsageOrIo;
        }

        if (s.Annotate && s.Format == "json" && s.OutputFile is null && s.OutDir is null)
        {
            output.Error("--annotate with JSON output writes NAME.origins.json beside the template it writes: give -o FILE or --out-dir DIR, or use --format yaml for comments");
            return ExitCodes.UsageOrIo;
        }

        if (s.Templates.Count > 1 && s.OutDir is null)
        {
            output.UsageError("transform", "several templates need --out-dir DIR");
            return ExitCodes.UsageOrIo;
        }

        if (s.OutputFile is not null && OutputFile.Problem(s.OutputFile, s.Templates, "-o") is { } problem)
        {
            output.UsageError("transform", problem);
            return ExitCodes.UsageOrIo;
        }

        OutDirMap? map = null;
        if (s.OutDir is not null)
        {
            map = OutDirMap.Plan(s.Templates, s.OutDir, s.Format == "yaml" ? ".yaml" : ".json", out var planError);
            if (map is null)
            {
                output.UsageError("transform", planError!);
                return ExitCodes.UsageOrIo;
            }

            try
            {
                Directory.CreateDirectory(s.OutDir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                output.Error($"cannot create {s.OutDir}: {OutputFile.Reason(e)}");
                return ExitCodes.UsageOrIo;
            }
        }

        int exit = ExitCodes.Ok;
        if (map is null || s.Templates.Count == 1)
        {
            foreach (var path in s.Templates)
            {
                exit = Math.Max(exit, TransformOne(path, s, map, output));
            }

            return exit;
        }

        // A batch (the map keeps every output apart): templates on all cores; messages in the batch's order.
        ParallelBatch.Run(
            s.Templates,
            BatchHeap.Collecting((string path) =>
            {
                var (stdout, stderr) = (new StringWriter(), new StringWriter());
                var code = TransformOne(path, s, map, new CliOutput(stdout, stderr) { OpenStdin = output.OpenStdin });
                return (Code: code, Out: stdout.ToString(), Err: stderr.ToString());
            }),
            (_, done) =>
            {
                output.Out.Write(done.Out);
                output.Err.Write(done.Err);
                exit = Math.Max(exit, done.Code);
            });
        return exit;
    }

    /// <summary>NAME.origins.json beside NAME.json (or beside NAME, whatever its extension).</summary>
    public static string SidecarPath(string outputFile)
    {
        var dir = Path.GetDirectoryName(outputFile);
        var name = Path.GetFileNameWithoutExtension(outputFile) + ".origins.json";
        return string.IsNullOrEmpty(dir) ? name : Path.Combine(dir, name);
    }

    private static int TransformOne(string path, Settings s, OutDirMap? map, CliOutput output)
    {
        var options = s.PerTemplate.GetValueOrDefault(path) ?? s.Transform;
        var shown = InputFile.Shown(path);
        var read = InputFile.Read(path, output);
        if (read.Bytes is null && read.Refusal is null)
        {
            output.Error($"cannot read {shown}: {read.Reason}");
            return ExitCodes.UsageOrIo;
        }

        Transformation run;
        try
        {
            run = read.Bytes is { } bytes ? Transformation.Run(bytes, options, shown) : Transformation.Refused(read.Refusal!);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in SamPerms must not stop the other templates of a batch.
            output.Error($"{shown}: internal error ({e.GetType().Name}): {e.Message}. Please report this with the template.");
            return ExitCodes.UsageOrIo;
        }

        var outcome = run.Outcome;
        output.Conceal(NoEchoParameters.Values(outcome.Input, options.ParameterOverrides), onStdout: false);
        foreach (var d in outcome.Diagnostics)
        {
            output.Diagnostic(d, shown);
        }

        // SAM passes a misspelled AWS::Serverless type through; CloudFormation would refuse it: an error here.
        foreach (var d in run.UnknownTypes)
        {
            output.Diagnostic(d, shown);
        }

        try
        {
            if (run.Accepted)
            {
                var notes = s.Annotate ? Permissions.Explain.OriginAnnotations.Of(outcome) : null;
                var origins = notes is not null && s.Format == "json" ? AnnotatedTemplate.OriginsJson(notes, shown) : null;
                string? yaml = s.Format != "yaml" ? null
                    : notes is null ? YamlText.Write(outcome.Template!) : AnnotatedTemplate.Yaml(outcome.Template!, notes, shown);
                var file = map?.Output(path) ?? (s.OutputFile is not null and not "-" ? s.OutputFile : null);
                if (file is not null)
                {
                    map?.CreateFolderOf(file);
                }

                if (yaml is not null)
                {
                    if (file is null)
                    {
                        output.Out.Write(yaml);
                    }
                    else
                    {
                        AtomicFile.WriteAllText(file, yaml);
                    }
                }
                else
                {
                    // From a builder the thread keeps: a batch makes no string of each template. To standard output,
                    // where it takes pieces (nothing to conceal), it goes as it is written: a big template's JSON is
                    // never held whole.
                    var json = OutputBuilder.Take();
                    var spill = file is null && output.Out is GuardedWriter { TakesPieces: true } stream
                        ? b => { stream.Write(b); b.Clear(); }
                        : (Action<StringBuilder>?)null;
                    JsonText.Pretty(outcome.Template!, json, spill);
                    if (file is null)
                    {
                        output.Out.Write(json);
                    }
                    else
                    {
                        AtomicFile.WriteAllText(file, json);
                    }

                    OutputBuilder.Give(json);
                }

                if (origins is not null && file is not null) // --annotate with JSON needs -o or --out-dir (checked above)
                {
                    AtomicFile.WriteAllText(SidecarPath(file), origins);
                }

                if (map is not null)
                {
                    DeleteStale(map, map.ErrorReport(path));
                }

                return ExitCodes.Ok;
            }

            if (outcome.Succeeded)
            {
                if (map is not null)
                {
                    WriteErrorReport(map, path, run.ErrorReportText(shown));
                }

                return ExitCodes.Invalid;
            }

            if (run.MissingParameters.Count > 0)
            {
                output.Err.WriteLine(Transformation.MissingParametersHint(shown, run.MissingParameters));
            }

            if (run.NotPackaged)
            {
                output.Err.WriteLine(Transformation.NotPackagedHint(shown));
            }

            if (map is not null)
            {
                WriteErrorReport(map, path, run.ErrorReportText(shown));
            }

            return ExitCodes.Invalid;
        }
        catch (OutputFileException e)
        {
            output.Error(e.Message);
            return ExitCodes.UsageOrIo;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            output.Error($"cannot write output for {shown}: {OutputFile.Reason(e)}");
            return ExitCodes.UsageOrIo;
        }
    }

    private static void WriteErrorReport(OutDirMap map, string path, string report)
    {
        map.CreateFolderOf(map.ErrorReport(path));
        AtomicFile.WriteAllText(map.ErrorReport(path), report);
        DeleteStale(map, map.Output(path));
    }

    /// <summary>The other outcome's file from an earlier run, so NAME.json and NAME.error.json never both stand (never an input: the map refuses that).</summary>
    private static void DeleteStale(OutDirMap map, string path)
    {
        if (!map.MayExist(path))
        {
            return;
        }

        try
        {
            File.Delete(path); // nothing there is no error: one system call, not a check and then the delete
        }
        catch (Exception e) when ((e is IOException or UnauthorizedAccessException) && Directory.Exists(path))
        {
            // A directory of that name is not a stale output: left alone, as before.
        }
    }
}
