using System.Text;
using SamPerms.Model;
using SamPerms.Sam;
using SamPerms.Sam.Core;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Robustness;

/// <summary>
/// Property: whatever bytes a template file holds (truncated, lines lost or repeated, YAML punctuation, anchors,
/// tags, tabs or control characters dropped in), reading and transforming it gives a template or errors with a
/// line and column, and never throws.
/// </summary>
public sealed class TextMutationTests
{
    private const int MutantsPerSeed = 300;

    private static readonly string[] Insertions =
    [
        ":", "- ", "[", "]", "{", "}", "'", "\"", "&a ", "*a", "*missing", "!Ref ", "!GetAtt ", "!Unknown ", "!!python/object:x ",
        "!!binary ", "\t", "\0", "\u0007", "? ", "<<: *a", "%YAML 1.2\n", "\n---\n", "\n...\n", "#", "|", ">", "@", "`", "\\",
        "\uD800", "\u00e9", "0x1F", "1e999", "~", "null", "{}", "[]", "\n  ", "\n", "        ",
    ];

    [Theory]
    [MemberData(nameof(SeedMutationTests.Seeds), MemberType = typeof(SeedMutationTests))]
    public void Every_text_mutant_is_read_and_transformed_without_an_exception(string seed)
    {
        var text = File.ReadAllText(RepoPaths.InRepo("tests", "SamPerms.Tests", "Robustness", "Seeds", seed));
        AssertAllMutantsHandled(seed, text);
    }

    [Theory]
    [MemberData(nameof(SeedMutationTests.Seeds), MemberType = typeof(SeedMutationTests))]
    public void Every_text_mutant_of_the_json_form_is_read_and_transformed_without_an_exception(string seed)
    {
        var template = FuzzRun.Load(RepoPaths.InRepo("tests", "SamPerms.Tests", "Robustness", "Seeds", seed));
        AssertAllMutantsHandled(seed + ".json", JsonText.Pretty(template));
    }

    private static void AssertAllMutantsHandled(string seed, string text)
    {
        var failures = new List<string>();
        for (int i = 0; i < MutantsPerSeed * FuzzRun.Scale; i++)
        {
            var mutant = Mutate(text, new Random(TemplateMutator.SeedOf(seed, i)));
            if (Check(mutant) is { } failure)
            {
                failures.Add($"mutant {i}: {failure}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {MutantsPerSeed * FuzzRun.Scale} text mutants failed:\n" + string.Join("\n", failures.Take(10)));
    }

    private static string? Check(string text)
    {
        var options = new TransformOptions { Region = "us-east-1" };
        TransformOutcome outcome;
        try
        {
            var run = Task.Run(() => SamTranslator.TransformBytes(Encoding.UTF8.GetBytes(text), options));
            if (!run.Wait(FuzzHarness.TimeLimit))
            {
                return "no answer in time";
            }

            outcome = run.Result;
        }
        catch (AggregateException e)
        {
            return $"{FuzzHarness.SiteOf(e.InnerException!)}: {e.InnerException!.Message}";
        }

        if (outcome.Succeeded)
        {
            return null;
        }

        if (outcome.Diagnostics.Count == 0)
        {
            return "rejected without a diagnostic";
        }

        foreach (var d in outcome.Diagnostics)
        {
            if (!d.Span.IsKnown)
            {
                return $"diagnostic without a place: {d.Message}";
            }

            if (d.Message.Contains(Unreadable.Marker, StringComparison.Ordinal))
            {
                return d.Message;
            }
        }

        return null;
    }

    private static string Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        int edits = random.Next(1, 4);
        for (int k = 0; k < edits; k++)
        {
            int line = random.Next(lines.Count);
            switch (random.Next(6))
            {
                case 0:
                    var joined = string.Join('\n', lines);
                    return joined[..random.Next(joined.Length)];
                case 1:
                    lines.RemoveAt(line);
                    break;
                case 2:
                    lines.Insert(line, lines[line]);
                    break;
                case 3:
                    lines[line] = " " + lines[line];
                    break;
                default:
                    var at = random.Next(lines[line].Length + 1);
                    lines[line] = lines[line].Insert(at, Insertions[random.Next(Insertions.Length)]);
                    break;
            }

            if (lines.Count == 0)
            {
                break;
            }
        }

        return string.Join('\n', lines);
    }
}
