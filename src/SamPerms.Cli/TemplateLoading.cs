using SamPerms.Model;
using SamPerms.Permissions;
using SamPerms.Pipeline;

namespace SamPerms.Cli;

/// <summary>Runs one template through the pipeline for the analysis commands, printing what went wrong.</summary>
public static class TemplateLoading
{
    /// <summary>The run, its map (when there is one) and the exit code when the command stops here.</summary>
    public sealed record Mapped(TemplateRun Run, int? Exit)
    {
        public PermissionMap? Map => Run.Map;

        public void Deconstruct(out TemplateRun run, out PermissionMap? map, out int? exit) => (run, map, exit) = (Run, Map, Exit);
    }

    /// <summary>Transforms the template (<c>-</c>: standard input) and computes its permission map.</summary>
    public static Mapped PermissionMap(string path, TransformOptions options, CliOutput output, Permissions.MapScope? scope = null)
    {
        if (path == Inputs.TemplateInputs.Stdin)
        {
            var read = Inputs.InputFile.Read(path, output);
            if (read.Bytes is null)
            {
                var unread = TemplateRun.Unread(read);
                return new Mapped(unread, Check(unread, output));
            }

            return PermissionMap(read.Path, read.Bytes, options, output, scope);
        }

        var run = TemplateRun.Mapped(path, options, scope);
        return new Mapped(run, Check(run, output));
    }

    /// <summary>
    /// The permission maps of several templates, computed on all cores (files only; standard input is read on this
    /// thread); messages are printed afterwards in the templates' order, so the output is as one at a time.
    /// </summary>
    public static IReadOnlyList<Mapped> PermissionMaps(IReadOnlyList<string> paths, TransformOptions options, CliOutput output)
    {
        if (paths.Contains(Inputs.TemplateInputs.Stdin))
        {
            return [.. paths.Select(p => PermissionMap(p, options, output))];
        }

        var mapped = new List<Mapped>(paths.Count);
        Pipeline.ParallelBatch.Run(paths, Io.BatchHeap.Collecting((string p) => TemplateRun.Mapped(p, options)), (_, run) => mapped.Add(new Mapped(run, Check(run, output))));
        return mapped;
    }

    /// <summary>Computes the permission map of a template given as bytes (named <paramref name="label"/> in messages).</summary>
    public static Mapped PermissionMap(string label, byte[] bytes, TransformOptions options, CliOutput output, Permissions.MapScope? scope = null)
    {
        var run = TemplateRun.MappedBytes(label, bytes, options, scope);
        return new Mapped(run, Check(run, output));
    }

    /// <summary>Prints the read error or the transform's diagnostics; the exit code when the run stops here.</summary>
    public static int? Check(TemplateRun run, CliOutput output)
    {
        if (run.ReadError is { } error)
        {
            output.Error(error);
            return ExitCodes.UsageOrIo;
        }

        output.Conceal(run.Secrets);
        foreach (var d in run.Outcome!.Diagnostics.Concat(run.Outcome.Assumptions))
        {
            output.Diagnostic(d, run.Path);
        }

        // A misspelled AWS::Serverless type: SAM passes it through and CloudFormation refuses it; say so here.
        foreach (var d in run.UnknownTypes)
        {
            output.Diagnostic(d, run.Path);
        }

        if (!run.Accepted)
        {
            return ExitCodes.Invalid;
        }

        // Nothing found is said (on stderr, the report still written), in every command that maps permissions.
        if (run.Map is { Subjects.Count: 0 })
        {
            output.Error($"no functions or state machines in {Inputs.InputFile.Shown(run.Path)}");
        }

        return null;
    }

    /// <summary>The function or state machine named <paramref name="id"/>; null (and the ones there are, said) when none is.</summary>
    public static Subject? FindSubject(PermissionMap map, string id, string path, CliOutput output)
    {
        if (map.Find(id) is { } subject)
        {
            return subject;
        }

        if (map.Subjects.Count == 0)
        {
            // Loading said there are none.
            return null;
        }

        var known = string.Join(", ", map.Subjects.Select(s => s.SamLogicalId).Distinct());
        output.Error($"no function or state machine '{id}' in {path}" + (known.Length > 0 ? $" (there are: {known})" : ""));
        return null;
    }
}
