using System.Diagnostics;
using SamPerms;
using SamPerms.Model;
using SamPerms.Output;
using SamPerms.Permissions;
using SamPerms.Sam;
using SamPerms.Sam.Core;
using SamPerms.Validation;

// make bench: transform every corpus input (three partitions) in one process, as the batch CLI does,
// and print the time per template: read + transform + JSON text. The reference needs about 55 ms.
if (args is ["gen", var kind, var size, var file])
{
    // make bench's scaling inputs, written out for profiling: gen functions|functions-no-api|functions-http|statements|statements-json|<shape with - for spaces> N FILE
    var n = int.Parse(size, System.Globalization.CultureInfo.InvariantCulture);
    var shape = SamPerms.Bench.ScaleTemplates.Shapes.FirstOrDefault(x => x.Name.Replace(' ', '-') == kind);
    File.WriteAllText(file, shape.Make is not null ? shape.Make(n) : kind == "statements" ? SamPerms.Bench.ScaleTemplates.Statements(n) : kind == "statements-json" ? SamPerms.Bench.ScaleTemplates.StatementsOneLine(n) : kind == "functions-no-api" ? SamPerms.Bench.ScaleTemplates.Functions(n, apiEvents: false) : kind == "functions-http" ? SamPerms.Bench.ScaleTemplates.Functions(n, apiEventType: "HttpApi") : SamPerms.Bench.ScaleTemplates.Functions(n));
    return 0;
}

if (args is ["scale"])
{
    SamPerms.Bench.ScaleSeries.Run();
    return 0;
}

if (args is ["alloc", var allocated])
{
    // One template's transform: what its garbage is made of (allocation samples by type).
    var bytes = File.ReadAllBytes(allocated);
    SamTranslator.TransformBytes(bytes, new TransformOptions());
    long before = GC.GetAllocatedBytesForCurrentThread();
    using (var ticks = new SamPerms.Bench.AllocationTicks())
    {
        SamTranslator.TransformBytes(bytes, new TransformOptions());
        Console.WriteLine($"transform: {(GC.GetAllocatedBytesForCurrentThread() - before) / 1048576.0:F1} MiB allocated");
        ticks.Print(30);
    }

    return 0;
}

if (args is ["profile", var profiled, .. var query])
{
    return SamPerms.Bench.StageProfile.Run(profiled, query);
}

var corpus = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "sam-corpus");
var inputDir = Path.Combine(corpus, "input");
if (!Directory.Exists(inputDir))
{
    Console.Error.WriteLine($"bench: no corpus at {corpus}; pass its path as the first argument");
    return 2;
}

var inputs = Directory.GetFiles(inputDir, "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
var regions = new[] { "ap-southeast-1", "cn-north-1", "us-gov-west-1" };
var parameters = new Dictionary<string, string> { ["param1"] = "value1", ["param2"] = "value2" };

long Transform()
{
    long bytes = 0;
    foreach (var region in regions)
    {
        var options = new TransformOptions { Region = region, ParameterOverrides = parameters };
        foreach (var input in inputs)
        {
            var outcome = SamTranslator.TransformBytes(input, options);
            bytes += outcome.Template is null ? 0 : JsonText.Pretty(outcome.Template).Length;
        }
    }

    return bytes;
}

// samperms permissions: transform, then the permission map and its JSON.
long Permissions()
{
    long bytes = 0;
    foreach (var region in regions)
    {
        var options = new TransformOptions { Region = region, ParameterOverrides = parameters };
        foreach (var input in inputs)
        {
            var outcome = SamTranslator.TransformBytes(input, options);
            if (outcome.Template is not null)
            {
                bytes += PermissionsJson.Write(PermissionMapBuilder.Build(outcome, options), "template.yaml", region, options.EffectivePartition).Length;
            }
        }
    }

    return bytes;
}

// samperms validate: every rule on input and output.
long Validate()
{
    long findings = 0;
    foreach (var region in regions)
    {
        var options = new ValidationOptions { Transform = new TransformOptions { Region = region, ParameterOverrides = parameters } };
        foreach (var input in inputs)
        {
            findings += TemplateValidator.Validate(input, options).Diagnostics.Count;
        }
    }

    return findings;
}

// Warm up (JIT, tiered compilation), then measure several rounds and keep the best and the median.
(double Median, double Best) Measure(Func<long> run)
{
    for (int i = 0; i < 3; i++)
    {
        run();
    }

    var rounds = new List<double>();
    for (int i = 0; i < 7; i++)
    {
        var sw = Stopwatch.StartNew();
        run();
        sw.Stop();
        rounds.Add(sw.Elapsed.TotalMilliseconds / (inputs.Length * regions.Length));
    }

    rounds.Sort();
    return (rounds[rounds.Count / 2], rounds[0]);
}

if (args is [_, "alloc"])
{
    // Allocation only (no timing): what a change to the engine's garbage does, independent of the machine's load.
    Transform();
    long before = GC.GetAllocatedBytesForCurrentThread();
    int gcs = GC.CollectionCount(0);
    Transform();
    Console.WriteLine($"transform + JSON: {(GC.GetAllocatedBytesForCurrentThread() - before) / 1024.0 / (inputs.Length * regions.Length):F1} KiB allocated per template, {GC.CollectionCount(0) - gcs} gen0 collections per round");
    using var ticks = new SamPerms.Bench.AllocationTicks();
    Transform();
    ticks.Print(25);
    return 0;
}

int count = inputs.Length * regions.Length;
var transform = Measure(Transform);
Console.WriteLine($"templates per round: {count}");
Console.WriteLine($"ms per template: median {transform.Median:F3}, best {transform.Best:F3}");
Console.WriteLine($"ratio to the reference translator (about 55 ms per template): {55.0 / transform.Median:F0}x faster");
var permissions = Measure(Permissions);
Console.WriteLine($"permissions (transform + map + JSON) ms per template: median {permissions.Median:F3}, best {permissions.Best:F3} ({permissions.Median / transform.Median:F1}x the transform)");
var validate = Measure(Validate);
Console.WriteLine($"validate (every rule) ms per template: median {validate.Median:F3}, best {validate.Best:F3} ({validate.Median / transform.Median:F1}x the transform)");

// One large template: 200 functions with an API event each on the implicit API (SAM deep-copies the API's
// definition for every event, so this grows faster than linearly; it guards against a return of the cubic cost).
var large = new System.Text.StringBuilder("Transform: AWS::Serverless-2016-10-31\nResources:\n");
for (int i = 0; i < 200; i++)
{
    large.Append($"  Fn{i}:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: s3://b/k.zip\n      Handler: a.b\n      Runtime: python3.12\n")
        .Append($"      Events:\n        Get:\n          Type: Api\n          Properties: {{Path: '/items{i}/{{id}}', Method: get}}\n");
}

var largeBytes = System.Text.Encoding.UTF8.GetBytes(large.ToString());
SamTranslator.TransformBytes(largeBytes, new TransformOptions());
var largeWatch = Stopwatch.StartNew();
for (int i = 0; i < 5; i++)
{
    SamTranslator.TransformBytes(largeBytes, new TransformOptions());
}

Console.WriteLine($"large template (200 functions, 200 API events): {largeWatch.Elapsed.TotalMilliseconds / 5:F0} ms");
SamPerms.Bench.ScaleSeries.Run();
return 0;
