using System.Diagnostics;
using System.Text;
using SamPerms.Model;
using SamPerms.Output;
using SamPerms.Permissions;
using SamPerms.Sam;
using SamPerms.Validation;

namespace SamPerms.Bench;

/// <summary>
/// The scaling series of issue 14, in process: N functions (two policy templates, an Api and a Schedule event each)
/// for N = 100 … 1,600, each command's time and the ratio N=1,600 / N=400 (linear cost gives about 4); then one
/// role of 10,000 statements; then the transform on other shapes of big templates (<see cref="ScaleTemplates.Shapes"/>).
/// </summary>
public static class ScaleSeries
{
    private static readonly TransformOptions Options = new() { Region = "us-east-1" };

    public static void Run()
    {
        Measure(Encoding.UTF8.GetBytes(ScaleTemplates.Functions(50)), "Fn0"); // warm-up
        Console.WriteLine();
        Console.WriteLine("scaling, in process (best of 3, ms): N functions, each with two policy templates, an Api and a Schedule event");
        Console.WriteLine($"{"N",6} {"transform",10} {"permissions",12} {"validate",10} {"can",8}");
        var rows = new Dictionary<int, double[]>();
        foreach (var n in new[] { 100, 200, 400, 800, 1600 })
        {
            var row = Measure(Encoding.UTF8.GetBytes(ScaleTemplates.Functions(n)), $"Fn{n / 2}");
            rows[n] = row;
            Console.WriteLine($"{n,6} {row[0],10:F0} {row[1],12:F0} {row[2],10:F0} {row[3],8:F0}");
        }

        Console.WriteLine($"{"1600/400",6} {rows[1600][0] / rows[400][0],10:F1} {rows[1600][1] / rows[400][1],12:F1} {rows[1600][2] / rows[400][2],10:F1} {rows[1600][3] / rows[400][3],8:F1}   (linear: 4)");
        var statements = Measure(Encoding.UTF8.GetBytes(ScaleTemplates.Statements(10_000)), "Fn");
        Console.WriteLine($"10,000 statements (ms): transform {statements[0]:F0}, permissions {statements[1]:F0}, validate {statements[2]:F0}, can {statements[3]:F0}");
        Console.WriteLine();
        Console.WriteLine("other shapes, transform in process (best of 3, ms): N=400, N=1,600 and the ratio (linear: 4)");
        foreach (var (name, make) in ScaleTemplates.Shapes)
        {
            double small = Transform(make(400)), big = Transform(make(1600));
            Console.WriteLine($"{name,-16} {small,8:F0} {big,8:F0} {big / small,6:F1}");
        }
    }

    private static double Transform(string template)
    {
        var bytes = Encoding.UTF8.GetBytes(template);
        double best = double.MaxValue;
        for (int i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            var outcome = SamTranslator.TransformBytes(bytes, Options);
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException("bench shape does not transform: " + outcome.ErrorMessage);
            }

            JsonText.Pretty(outcome.Template!);
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }

        return best;
    }

    /// <summary>transform (with its JSON), permissions (transform + map + JSON), validate (every rule), can (transform + map + question).</summary>
    private static double[] Measure(byte[] template, string function)
    {
        double Best(Action run)
        {
            double best = double.MaxValue;
            for (int i = 0; i < 3; i++)
            {
                var watch = Stopwatch.StartNew();
                run();
                best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            }

            return best;
        }

        return
        [
            Best(() => JsonText.Pretty(SamTranslator.TransformBytes(template, Options).Template!)),
            Best(() => PermissionsJson.Write(PermissionMapBuilder.Build(SamTranslator.TransformBytes(template, Options), Options), "t.yaml", "us-east-1", Options.EffectivePartition)),
            Best(() => TemplateValidator.Validate(template, new ValidationOptions { Transform = Options })),
            Best(() =>
            {
                var map = PermissionMapBuilder.Build(SamTranslator.TransformBytes(template, Options), Options);
                AccessQuery.Ask(map, map.Find(function)!, "s3:DeleteObject", "arn:aws:s3:::nothing/x");
            }),
        ];
    }
}
