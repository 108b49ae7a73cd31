using System.Diagnostics;
using SamPerms;
using SamPerms.Output;
using SamPerms.Sam.Core;

// make bench: transform every corpus input (three partitions) in one process, as the batch CLI does,
// and print the time per template: read + transform + JSON text. The reference needs about 55 ms.
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

long RunOnce()
{
    long bytes = 0;
    foreach (var region in regions)
    {
        var options = new TransformOptions { Region = region, ParameterOverrides = parameters };
        foreach (var input in inputs)
        {
            var outcome = TemplateTransformer.TransformBytes(input, options);
            bytes += outcome.Template is null ? 0 : JsonText.Pretty(outcome.Template).Length;
        }
    }

    return bytes;
}

// Warm up (JIT, tiered compilation), then measure several rounds and keep the best and the median.
for (int i = 0; i < 3; i++)
{
    RunOnce();
}

var rounds = new List<double>();
for (int i = 0; i < 7; i++)
{
    var sw = Stopwatch.StartNew();
    RunOnce();
    sw.Stop();
    rounds.Add(sw.Elapsed.TotalMilliseconds / (inputs.Length * regions.Length));
}

rounds.Sort();
int count = inputs.Length * regions.Length;
Console.WriteLine($"templates per round: {count}");
Console.WriteLine($"ms per template: median {rounds[rounds.Count / 2]:F3}, best {rounds[0]:F3}");
Console.WriteLine($"ratio to the reference translator (about 55 ms per template): {55.0 / rounds[rounds.Count / 2]:F0}x faster");
return 0;
