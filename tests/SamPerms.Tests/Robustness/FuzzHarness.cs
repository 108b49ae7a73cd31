using System.Diagnostics;
using SamPerms.Model;
using SamPerms.Output;
using SamPerms.Output.Diagnostics;
using SamPerms.Tests.Support;
using SamPerms.Permissions;
using SamPerms.Sam;
using SamPerms.Sam.Core;
using SamPerms.Yaml;

namespace SamPerms.Tests.Robustness;

/// <summary>
/// Runs one template through the engine and says what went wrong, if anything: an exception that escaped,
/// an error caught only by the translator's last-resort net (a crash site still to fix), an error without a
/// source location, or a run that took too long.
/// </summary>
public static class FuzzHarness
{
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(10);

    /// <summary>The corpus's settings, and two other partitions (their ARNs and service principals differ).</summary>
    private static readonly TransformOptions[] Settings =
    [
        new() { Region = "ap-southeast-1", ParameterOverrides = new Dictionary<string, string> { ["param1"] = "value1", ["param2"] = "value2" } },
        new() { Region = "cn-north-1" },
        new() { Region = "us-gov-west-1", ParameterOverrides = new Dictionary<string, string> { ["Stage"] = "prod" } },
    ];

    /// <summary>A problem found: its kind, where in SamPerms it happened (to group findings), and a description.</summary>
    public sealed record Finding(string Kind, string Site, string Detail, string Template);

    /// <summary>
    /// Writes the mutant as JSON and reads it back, so that every node has a line and column as a user's file
    /// would, then transforms it (and, when it succeeds, writes the output and builds the permission map).
    /// </summary>
    public static Finding? Check(MapNode mutant, int settings = 0)
    {
        var options = Settings[settings % Settings.Length];
        var text = JsonText.Pretty(mutant);
        var read = TemplateReader.ReadText(text);
        if (!read.Succeeded || read.Root is not MapNode root)
        {
            return new Finding("unreadable", "reader", string.Join("; ", read.Diagnostics.Select(d => d.Message)), text);
        }

        var watch = Stopwatch.StartNew();
        var run = Task.Run(() => Run(root, options));
        if (!run.Wait(TimeLimit))
        {
            return new Finding("hang", "timeout", $"no answer after {TimeLimit.TotalSeconds} s", text);
        }

        var finding = run.Result;
        if (finding is null && watch.Elapsed > TimeLimit)
        {
            finding = new Finding("slow", "timeout", $"took {watch.Elapsed.TotalSeconds:F1} s", "");
        }

        return finding is null ? null : finding with { Template = text };
    }

    private static Finding? Run(MapNode root, TransformOptions options)
    {
        Translation result;
        try
        {
            result = SamTranslator.Translate(root, options);
        }
        catch (Exception e)
        {
            return new Finding("exception", SiteOf(e), $"{e.GetType().Name}: {e.Message}", "");
        }

        if (!result.Succeeded)
        {
            foreach (var cause in result.Error!.Causes)
            {
                if (cause.Message.Contains(Unreadable.Marker, StringComparison.Ordinal))
                {
                    var inner = cause switch
                    {
                        UnreadableResourceException r => r.Cause,
                        UnreadableTemplateException t => t.Cause,
                        _ => null,
                    };
                    return new Finding("net", inner is null ? "net" : SiteOf(inner), cause.Message + " " + inner, "");
                }
            }

            foreach (var cause in result.Error.Causes)
            {
                if (cause.At is null || !cause.At.Span.IsKnown)
                {
                    return new Finding("unlocated", MessageShape(cause.Message), cause.Message, "");
                }
            }

            // The errors as the command line prints them (stderr, validate's text): input text shown, never obeyed.
            foreach (var d in SamTranslator.DiagnosticsOf(result.Error, root))
            {
                if (OutputInvariants.Violation(DiagnosticsText.Line(d, "template.json")) is { } bad)
                {
                    return new Finding("escaping", "diagnostic", bad, "");
                }
            }

            return null;
        }

        try
        {
            _ = JsonText.Pretty(result.Template!);
            _ = YamlText.Write(result.Template!);
            var outcome = new TransformOutcome(root, result.Template, result.Origins, [], null);
            var map = PermissionMapBuilder.Build(outcome, options);

            // Every rendering of the map keeps the escaping invariant, whatever strings the mutant holds.
            foreach (var (format, text, markdown) in new[]
            {
                ("text", PermissionsText.Write(map, "template.json"), false),
                ("markdown", PermissionsMarkdown.Write(map, "template.json"), true),
                ("mermaid", PermissionsMermaid.Write(map), false),
                ("json", PermissionsJson.Write(map, "template.json", options.Region, options.EffectivePartition), false),
            })
            {
                if (OutputInvariants.Violation(text, markdown: markdown) is { } bad)
                {
                    return new Finding("escaping", format, bad, "");
                }
            }
        }
        catch (Exception e)
        {
            return new Finding("after-transform", SiteOf(e), $"{e.GetType().Name}: {e.Message}", "");
        }

        return null;
    }

    /// <summary>The exception type and the first SamPerms frame that is not a generic helper.</summary>
    public static string SiteOf(Exception e)
    {
        var frames = new StackTrace(e, fNeedFileInfo: true).GetFrames();
        foreach (var f in frames)
        {
            var method = f.GetMethod();
            var type = method?.DeclaringType?.FullName ?? "";
            if (type.StartsWith("SamPerms.", StringComparison.Ordinal) && !type.StartsWith("SamPerms.Tests", StringComparison.Ordinal))
            {
                var file = Path.GetFileName(f.GetFileName() ?? "");
                return $"{e.GetType().Name} at {type}.{method!.Name} ({file}:{f.GetFileLineNumber()})";
            }
        }

        return e.GetType().Name + " at " + (frames.FirstOrDefault()?.GetMethod()?.Name ?? "?");
    }

    /// <summary>A message with the ids taken out, so that findings of one kind group together.</summary>
    private static string MessageShape(string message) =>
        System.Text.RegularExpressions.Regex.Replace(message, @"\[[^\]]*\]|'[^']*'", "_");
}
