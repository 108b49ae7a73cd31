using System.Diagnostics;
using SamPerms.Model;
using SamPerms.Output;
using SamPerms.Permissions;
using SamPerms.Sam;
using SamPerms.Sam.Core;
using SamPerms.Validation;

namespace SamPerms.Bench;

/// <summary>
/// <c>SamPerms.Bench profile FILE [FUNCTION ACTION [RESOURCE]]</c>: where one template's time goes, stage by stage
/// and rule by rule, in process (for finding what grows faster than the template).
/// </summary>
public static class StageProfile
{
    public static int Run(string file, string[] can)
    {
        var bytes = File.ReadAllBytes(file);
        var options = new TransformOptions { Region = "us-east-1" };
        Time("warm-up transform", () => SamTranslator.TransformBytes(bytes, options));
        var outcome = Time("transform", () => SamTranslator.TransformBytes(bytes, options));
        Time("transform JSON", () => JsonText.Pretty(outcome.Template!));
        Time("warm-up map", () => PermissionMapBuilder.Build(outcome, options));
        var map = Time("permission map", () => PermissionMapBuilder.Build(outcome, options));
        Time("permissions JSON", () => PermissionsJson.Write(map, file, "us-east-1", options.EffectivePartition));
        Time("permissions text", () => PermissionsText.Write(map, file));
        if (can.Length >= 2)
        {
            var subject = map.Find(can[0])!;
            Time("can", () => AccessQuery.Ask(map, subject, can[1], can.Length > 2 ? can[2] : null));
        }

        var validation = new ValidationOptions { Transform = options };
        Time("validate, no rules", () => TemplateValidator.Validate(bytes, validation with { Rules = [] }));
        foreach (var rule in Environment.GetEnvironmentVariable("SAMPERMS_PROFILE_RULES") == "1" ? RuleRegistry.All : [])
        {
            Time("  rule " + rule.GetType().Name, () => TemplateValidator.Validate(bytes, validation with { Rules = [rule] }));
        }

        var report = Time("validate, all rules", () => TemplateValidator.Validate(bytes, validation));
        Console.WriteLine($"findings: {report.Diagnostics.Count}");
        return 0;
    }

    private static T Time<T>(string what, Func<T> run)
    {
        // CPU time, not wall time: on a shared machine it is what stays comparable between runs.
        // Allocation and collections too: garbage that grows faster than the template shows here first.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        long allocated = GC.GetTotalAllocatedBytes();
        int collections = GC.CollectionCount(0);
        var watch = Stopwatch.StartNew();
        var result = run();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        double mib = (GC.GetTotalAllocatedBytes() - allocated) / 1048576.0;
        Console.WriteLine($"{used.TotalMilliseconds,10:F1} ms cpu {watch.Elapsed.TotalMilliseconds,10:F1} ms wall {mib,8:F1} MiB {GC.CollectionCount(0) - collections,4} gc  {what}");
        return result;
    }
}
