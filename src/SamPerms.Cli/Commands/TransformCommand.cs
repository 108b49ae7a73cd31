using System.CommandLine;
using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Output;
using SamPerms.Permissions;
using SamPerms.Pipeline;

namespace SamPerms.Cli.Commands;

/// <summary>
/// <c>samperms transform</c>: the CloudFormation template SAM would produce. One template goes to stdout
/// (or -o FILE); several go to --out-dir as NAME.json, or NAME.error.json when SAM rejects one.
/// </summary>
public static class TransformCommand
{
    public sealed record Settings(
        IReadOnlyList<string> Templates,
        TransformOptions Transform,
        string Format,
        string? OutputFile,
        string? OutDir);

    public static Command Build(CliOutput output)
    {
        var templates = new Argument<string[]>("template")
        {
            Description = "SAM template file(s), YAML or JSON",
            Arity = ArgumentArity.OneOrMore,
        };
        var transform = new TransformOptionSet(localArtifactsByDefault: false);
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "yaml");
        var outFile = new Option<string?>("--output", "-o") { Description = "Write the template to FILE instead of stdout (- is stdout; a device or FIFO is written in place, a symbolic link's target replaced)" };
        var outDir = new Option<string?>("--out-dir") { Description = "Write DIR/NAME.json (or NAME.error.json) per template" };

        var command = new Command("transform", "Show the CloudFormation template SAM would produce from a SAM template")
        {
            templates, format, outFile, outDir,
        };
        transform.AddTo(command);

        command.SetAction(parse =>
        {
            var files = parse.GetValue(templates) ?? [];
            var overrides = parse.GetValue(transform.Parameters) ?? [];

            // A greedy --parameter-overrides may swallow a template path; give back what is not Key=Value.
            var (paramItems, extraFiles) = CommonOptions.SplitOverrides(overrides);
            if (!transform.TryResolve(parse, paramItems, output, out var options))
            {
                return ExitCodes.UsageOrIo;
            }

            var settings = new Settings(
                [.. extraFiles, .. files],
                options,
                parse.GetValue(format) ?? "json",
                parse.GetValue(outFile),
                parse.GetValue(outDir));
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

        if (s.OutputFile is not null && s.OutDir is not null)
        {
            output.Error("use either --output or --out-dir, not both");
            return ExitCodes.UsageOrIo;
        }

        if (s.Templates.Count > 1 && s.OutDir is null)
        {
            output.Error("several templates need --out-dir DIR");
            return ExitCodes.UsageOrIo;
        }

        if (s.OutDir is not null)
        {
            try
            {
                Directory.CreateDirectory(s.OutDir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                output.Error($"cannot create {s.OutDir}: {e.Message}");
                return ExitCodes.UsageOrIo;
            }
        }

        var options = s.Transform;
        int exit = ExitCodes.Ok;
        if (s.OutDir is null || s.Templates.Select(Path.GetFileNameWithoutExtension).Distinct(StringComparer.Ordinal).Count() < s.Templates.Count)
        {
            // One template, or outputs that overwrite each other (the last one wins): one at a time, in order.
            foreach (var path in s.Templates)
            {
                exit = Math.Max(exit, TransformOne(path, options, s, output));
            }

            return exit;
        }

        // A batch: templates on all cores; messages printed in the batch's order, as one at a time would.
        Pipeline.ParallelBatch.Run(
            s.Templates,
            path =>
            {
                var (stdout, stderr) = (new StringWriter(), new StringWriter());
                var code = TransformOne(path, options, s, new CliOutput(stdout, stderr));
                return (Code: code, Out: stdout.ToString(), Err: stderr.ToString());
            },
            (_, done) =>
            {
                output.Out.Write(done.Out);
                output.Err.Write(done.Err);
                exit = Math.Max(exit, done.Code);
            });
        return exit;
    }

    private static int TransformOne(string path, TransformOptions options, Settings s, CliOutput output)
    {
        var read = FileInput.Read(path);
        if (read.Bytes is not { } bytes)
        {
            output.Error(read.Error!);
            return ExitCodes.UsageOrIo;
        }

        Transformation run;
        try
        {
            run = Transformation.Run(bytes, options);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in SamPerms must not stop the other templates of a batch.
            output.Error($"{path}: internal error ({e.GetType().Name}): {e.Message}. Please report this with the template.");
            return ExitCodes.UsageOrIo;
        }

        var outcome = run.Outcome;
        output.Conceal(NoEchoParameters.Values(outcome.Input, options.ParameterOverrides), onStdout: false);
        foreach (var d in outcome.Diagnostics)
        {
            output.Diagnostic(d, path);
        }

        var name = Path.GetFileNameWithoutExtension(path);
        try
        {
            if (outcome.Succeeded)
            {
                var text = s.Format == "yaml" ? YamlText.Write(outcome.Template!) : JsonText.Pretty(outcome.Template!);
                if (s.OutDir is not null)
                {
                    AtomicFile.WriteAllText(Path.Combine(s.OutDir, name + (s.Format == "yaml" ? ".yaml" : ".json")), text);
                }
                else if (s.OutputFile is not null and not "-")
                {
                    AtomicFile.WriteAllText(s.OutputFile, text);
                }
                else
                {
                    output.Out.Write(text);
                }

                return ExitCodes.Ok;
            }

            if (run.NotPackaged)
            {
                output.Err.WriteLine(Transformation.NotPackagedHint(path));
            }

            if (s.OutDir is not null)
            {
                AtomicFile.WriteAllText(Path.Combine(s.OutDir, name + ".error.json"), ErrorReport.Write(outcome, path));
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
            output.Error($"cannot write output for {path}: {e.Message}");
            return ExitCodes.UsageOrIo;
        }
    }
}
