using SamPerms.Tests.Support;
using SamPerms.Yaml;

namespace SamPerms.Tests.Yaml;

/// <summary>
/// The fast YAML reader against YamlDotNet's parser: whenever the fast reader takes a text, its events (kinds, values,
/// tags, styles and places) are exactly YamlDotNet's. Checked on the templates of the repository, the corpus and
/// mutations of them (characters deleted, doubled or replaced), where it must give up rather than differ.
/// </summary>
public sealed class FastYamlReaderTests
{
    [Theory]
    [InlineData("A: x\nB:\n  C: [a, \"b\", !Ref c, {d: e}]\n  D:\n  - 1\n  - k: v\n    l: |\n      text\n\n      more\n")]
    [InlineData("# c\nA: !If\n  - cond\n  - !Sub '${x}'\n  - >-\n    folded\n    text\n\nB: plain\n  continued\n\n  again # c\n")]
    [InlineData("A:\n  - - x\n    - y\n  -\n  - \"esc \\\" \\n \\u00e9\"\nB: 'it''s'\nC: !GetAtt R.Arn\nD: !!str 1\nE: |+\n  keep\n\n")]
    [InlineData("{\"A\": [1, 2], B: {c: d}}\n")]
    [InlineData("A:\r\n  B: |\r\n    x\r\n\r\n    y\r\n  C: [a,\r\n    b]\r\n  D: p\r\n    q # c\r\n")]
    [InlineData("---\nA: x")]
    [InlineData("%YAML 1.1\n# c\n---\nA: x\n")]
    [InlineData("# c\n---\nA: x\n")]
    [InlineData("A: !If\n- a\n- !Ref b\nB : 1\n'C' : [x]\n")]
    [InlineData("A: [a,\n  b,\n  ]\nB: {c: [1,\n    2]}\n")]
    public void Takes_the_usual_shapes_and_gives_YamlDotNets_events(string text)
    {
        var fast = FastYamlReader.Read(text);
        Assert.NotNull(fast);
        AssertSame(text, fast!, "inline");
    }

    [Theory]
    [InlineData("A: &a x\nB: *a\n")]          // anchors and aliases
    [InlineData("? A\n: x\n")]                // explicit keys
    [InlineData("A: x\n---\nB: y\n")]         // several documents
    [InlineData("A: x\rB: y\n")]             // a CR line break of its own
    [InlineData("A:\n\tB: x\n")]              // tabs
    [InlineData("A: \"two\n  lines\"\n")]     // a quoted scalar over lines
    [InlineData("A: |2\n    x\n")]            // an indentation indicator
    [InlineData("A: [a,\nb]\n")]              // a flow collection going on at the block's indentation
    [InlineData("A: x\n B: y\n")]             // bad indentation: YamlDotNet reports it
    [InlineData("A: b: c\n")]                 // a key where a value was
    [InlineData("- a\n- b\n")]                // a root that is not a mapping
    public void Leaves_what_it_does_not_read_with_certainty_to_YamlDotNet(string text)
    {
        Assert.Null(FastYamlReader.Read(text));
    }

    [Fact]
    public void Leaves_very_long_texts_to_YamlDotNet_which_streams_them()
    {
        var text = string.Concat(Enumerable.Range(0, 1_000_000).Select(i => $"K{i}: v\n"));
        Assert.True(text.Length > 8 << 20);
        Assert.Null(FastYamlReader.Read(text));
        Assert.NotNull(FastYamlReader.Read(text[..(text.IndexOf("K100:", StringComparison.Ordinal))]));
    }

    [Fact]
    public void Reads_the_repositorys_templates_as_YamlDotNet_does()
    {
        var sep = Path.DirectorySeparatorChar;
        var files = Directory.EnumerateFiles(RepoPaths.Root, "*.yaml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{sep}bin{sep}", StringComparison.Ordinal) && !f.Contains($"{sep}obj{sep}", StringComparison.Ordinal)
                && !f.Contains($"{sep}artifacts{sep}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        CheckAll(files.Select(f => (f, File.ReadAllText(f))));
    }

    [SkippableFact]
    public void Reads_the_corpus_as_YamlDotNet_does_and_takes_most_of_it()
    {
        var files = CorpusFiles();
        int taken = CheckAll(files.Select(f => (f, File.ReadAllText(f))));
        var left = files.Select(f => FastYamlReader.WhyNot(BlockScalarBlankLines.Normalize(File.ReadAllText(f))) is { } why ? $"{Path.GetFileName(f)}: {why}" : null)
            .Where(w => w is not null).Take(10);
        Assert.True(taken >= files.Count * 9 / 10, $"the fast reader took {taken} of {files.Count} corpus templates; left, e.g.:\n{string.Join("\n", left)}");
    }

    [SkippableFact]
    public void Reads_the_corpus_with_CR_LF_line_breaks_as_YamlDotNet_does()
    {
        var files = CorpusFiles();
        int taken = CheckAll(files.Select(f => (f + " (CR LF)", File.ReadAllText(f).Replace("\n", "\r\n", StringComparison.Ordinal))));
        Assert.True(taken >= files.Count * 9 / 10, $"the fast reader took {taken} of {files.Count} corpus templates with CR LF");
    }

    [SkippableFact]
    public void Mutated_templates_are_read_as_YamlDotNet_does_or_left_to_it()
    {
        var random = new Random(20261206);
        const string inserted = " :-#\n\r'\"[]{},!|>&*?\\";
        var mutants = new List<(string, string)>();
        foreach (var file in CorpusFiles())
        {
            var text = File.ReadAllText(file);
            for (int k = 0; k < 6; k++)
            {
                // One or two edits: a character deleted, doubled or replaced by one that matters to YAML.
                var mutated = text;
                for (int edits = 1 + (k % 2); edits > 0 && mutated.Length > 0; edits--)
                {
                    int at = random.Next(mutated.Length);
                    mutated = random.Next(3) switch
                    {
                        0 => mutated.Remove(at, 1),
                        1 => mutated.Insert(at, mutated[at].ToString()),
                        _ => mutated.Remove(at, 1).Insert(at, inserted[random.Next(inserted.Length)].ToString()),
                    };
                }

                mutants.Add(($"{file} (mutant {k})", mutated));
            }
        }

        CheckAll(mutants);
    }

    private static List<string> CorpusFiles()
    {
        var corpus = RepoPaths.Corpus;
        Skip.If(corpus is null, "the reference corpus is not here (set SAM_CORPUS or put it at ../shared/sam-corpus)");
        return [.. Directory.GetFiles(Path.Combine(corpus!, "input"), "*.yaml").Order(StringComparer.Ordinal)];
    }

    /// <summary>Checks every text the fast reader takes; returns how many it took.</summary>
    private static int CheckAll(IEnumerable<(string Name, string Text)> texts)
    {
        int taken = 0;
        foreach (var (name, raw) in texts)
        {
            var text = BlockScalarBlankLines.Normalize(raw);
            if (FastYamlReader.Read(text) is { } fast)
            {
                AssertSame(text, fast, name);
                taken++;
            }
        }

        return taken;
    }

    private static void AssertSame(string text, IEnumerable<YamlEvent> fastEvents, string name)
    {
        var fast = fastEvents.ToList();
        List<YamlEvent> slow;
        try
        {
            slow = [.. YamlDotNetEvents.Read(text)];
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            int from = Math.Max(0, (int)e.Start.Index - 200);
            Assert.Fail($"{name}: the fast reader took a text YamlDotNet refuses ({e.Message})\n{text[from..Math.Min(text.Length, (int)e.Start.Index + 100)]}");
            return;
        }

        slow = WithSizes(slow);
        for (int i = 0; i < Math.Max(fast.Count, slow.Count); i++)
        {
            var f = i < fast.Count ? fast[i].ToString() : "(none)";
            var s = i < slow.Count ? slow[i].ToString() : "(none)";
            Assert.True(f == s, $"{name}: event {i} differs\n fast: {f}\n YamlDotNet: {s}");
        }
    }

    /// <summary>
    /// YamlDotNet's events with the size the fast reader gives each collection start: its entries (a mapping) or
    /// items (a sequence), counted here from the events between the start and its end.
    /// </summary>
    private static List<YamlEvent> WithSizes(List<YamlEvent> events)
    {
        var sized = new List<YamlEvent>(events);
        var open = new Stack<(int At, int Children)>();
        for (int i = 0; i < events.Count; i++)
        {
            var kind = events[i].Kind;
            if (kind is YamlEventKind.MappingEnd or YamlEventKind.SequenceEnd)
            {
                var (at, children) = open.Pop();
                sized[at] = events[at] with { Size = kind == YamlEventKind.MappingEnd ? children / 2 : children };
            }

            if (kind is not (YamlEventKind.DocumentStart or YamlEventKind.MappingEnd or YamlEventKind.SequenceEnd) && open.Count > 0)
            {
                var (at, children) = open.Pop();
                open.Push((at, children + 1));
            }

            if (kind is YamlEventKind.MappingStart or YamlEventKind.SequenceStart)
            {
                open.Push((i, 0));
            }
        }

        return sized;
    }
}
