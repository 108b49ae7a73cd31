using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsCheck;
using SamPerms.Model;
using SamPerms.Output;
using SamPerms.Tests.Support;
using SamPerms.Yaml;
using Xunit.Abstractions;

namespace SamPerms.Tests.Yaml;

/// <summary>
/// `transform --format yaml` loses nothing: the YAML output read back (by the project's reader, and by PyYAML
/// when it is installed) is exactly the value the JSON output holds — same types, same strings, byte for byte.
/// </summary>
public sealed class YamlOutputRoundTripTests(ITestOutputHelper output)
{
    /// <summary>Strings that a careless writer turns into something else.</summary>
    private static readonly string[] Tricky =
    [
        "", " ", "a\n", "line one\nline two\n", "\n", "\n\n", " leading", "trailing ", "\ttab", "a\tb", "#comment", "a #b", "a# b",
        "key: value", "a:", ":a", "- item", "-", "? q", "!tag", "&anchor", "*alias", "|", ">", "%YAML", "@x", "`x", "{a}", "[a]", "a,b",
        "yes", "Yes", "YES", "no", "No", "on", "On", "off", "OFF", "y", "Y", "n", "N", "true", "False", "null", "Null", "~", "<<", "=",
        "1", "-1", "+1", "0777", "0o17", "0x1F", "0b101", "1_000", "1:20", "190:20:30", "1.5", "1e5", "1.0e+5", ".5", "5.", ".inf", "-.Inf",
        ".NaN", "2024-01-01", "2001-12-14t21:59:43.10-05:00", "---", "...", "'quoted'", "\"dq\"", "back\\slash", "é", "日本語", "😀 emoji",
        "nel\u0085x", "ls\u2028x", "ps\u2029x", "bom\uFEFFx", "del\u007Fx", "c1\u0080x", "bell\u0007", "nul\u0000", "cr\r\nlf", "\u00A0nbsp",
        "arn:aws:s3:::bucket/*", "${AWS::Region}", "Fn::Sub", "a  b", "a b ", "$ref", "/path", "_x", "n@ *", "a *b", "a @b",
    ];

    private static readonly Gen<string> AnyString = Gen.OneOf(
        Gen.Int[0, Tricky.Length - 1].Select(i => Tricky[i]),
        Gen.Char["ab :#-\t\n\r'\"\\{}[],&*!|>%@`?~.0123456789yYnNoO\u0085\u2028\u00E9"].Array[0, 12].Select(a => new string(a)),
        Gen.Char[(char)0, (char)0xD7FF].Array[0, 8].Select(a => new string(a)));

    [Fact]
    public void Generated_strings_read_back_exactly_as_keys_and_values()
    {
        Gen.Select(AnyString, AnyString).Sample((key, value) =>
        {
            var node = Document(key, value);
            var yaml = YamlText.Write(node);
            var back = TemplateReader.ReadText(yaml);
            return back.Succeeded && StrictEqual(node, back.Root) is null;
        }, iter: 3000);
    }

    [Fact]
    public void Tricky_strings_read_back_exactly()
    {
        foreach (var s in Tricky)
        {
            var node = Document(s, s);
            var yaml = YamlText.Write(node);
            var back = TemplateReader.ReadText(yaml);
            Assert.True(back.Succeeded, $"{Show(s)}: {string.Join("; ", back.Diagnostics.Select(d => d.Message))}\n{yaml}");
            Assert.True(StrictEqual(node, back.Root) is null, $"{Show(s)}: {StrictEqual(node, back.Root)}\n{yaml}");
        }
    }

    [Fact]
    public void Numbers_keep_their_type()
    {
        var node = new MapNode();
        node.Set("big", new FloatNode(1e16));
        node.Set("small", new FloatNode(1.5e-7));
        node.Set("negative", new FloatNode(-2.5e20));
        node.Set("int", new IntNode(42));
        node.Set("zero", new FloatNode(0.0));
        var yaml = YamlText.Write(node);
        var back = TemplateReader.ReadText(yaml);
        Assert.True(StrictEqual(node, back.Root) is null, StrictEqual(node, back.Root) + "\n" + yaml);
    }

    [SkippableFact]
    public void Every_corpus_template_and_output_reads_back_exactly()
    {
        var corpus = RepoPaths.Corpus;
        Skip.If(corpus is null, "the reference corpus is not here; the corpus part of the YAML round trip is not run");
        var failures = new List<string>();
        int count = 0;
        foreach (var (name, node) in CorpusDocuments(corpus!))
        {
            count++;
            var back = TemplateReader.ReadText(YamlText.Write(node));
            var problem = back.Succeeded ? StrictEqual(node, back.Root) : string.Join("; ", back.Diagnostics.Select(d => d.Message));
            if (problem is not null)
            {
                failures.Add($"{name}: {problem}");
            }
        }

        output.WriteLine($"{count} corpus documents written as YAML and read back");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [SkippableFact]
    public void PyYAML_reads_the_output_back_as_the_json_output()
    {
        Skip.IfNot(PythonYaml.Available, PythonYaml.WhyNot);
        var cases = new List<(string Name, string Yaml, string Json)>();
        var random = new Random(16);
        foreach (var s in Tricky)
        {
            var node = Document(s, s);
            cases.Add(("tricky " + Show(s), YamlText.Write(node), JsonText.Compact(node)));
        }

        for (int i = 0; i < 2000; i++)
        {
            var node = Document(RandomString(random), RandomString(random));
            cases.Add(("generated " + i, YamlText.Write(node), JsonText.Compact(node)));
        }

        var floats = new MapNode();
        floats.Set("big", new FloatNode(1e16));
        floats.Set("small", new FloatNode(1.5e-7));
        floats.Set("huge", new FloatNode(-1.2345e30));
        floats.Set("bigger", new FloatNode(2e17));
        cases.Add(("floats", YamlText.Write(floats), JsonText.Compact(floats)));
        if (RepoPaths.Corpus is { } corpus)
        {
            foreach (var (name, node) in CorpusDocuments(corpus))
            {
                cases.Add((name, YamlText.Write(node), JsonText.Compact(node)));
            }
        }
        else
        {
            output.WriteLine("the reference corpus is not here: PyYAML checked on generated strings only");
        }

        var failures = PythonYaml.Mismatches(cases);
        output.WriteLine($"{cases.Count} documents read back by PyYAML");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    private static MapNode Document(string key, string value)
    {
        var node = new MapNode();
        node.Set(key, new StringNode(value));
        var inner = new MapNode();
        inner.Set("k", new StringNode(value));
        node.Set(key + "\u0001list", new SeqNode([new StringNode(value), inner, new SeqNode([new StringNode(value)])]));
        return node;
    }

    private static string RandomString(Random random)
    {
        if (random.Next(4) == 0)
        {
            return Tricky[random.Next(Tricky.Length)];
        }

        const string alphabet = "ab :#-\t\n\r'\"\\{}[],&*!|>%@`?~.019yYnNoO\u0085\u2028\u00E9\u65E5";
        var sb = new StringBuilder();
        int length = random.Next(12);
        for (int i = 0; i < length; i++)
        {
            sb.Append(random.Next(5) == 0 ? (char)random.Next(0, 0xD7FF) : alphabet[random.Next(alphabet.Length)]);
        }

        return sb.ToString();
    }

    private static IEnumerable<(string Name, Node Node)> CorpusDocuments(string corpus)
    {
        var files = Directory.GetFiles(Path.Combine(corpus, "output"), "*.json", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(corpus, "input"), "*.yaml"))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (TemplateReader.Read(File.ReadAllBytes(file)).Root is { } root)
            {
                yield return (Path.GetRelativePath(corpus, file), root);
            }
        }
    }

    /// <summary>Null when equal (same kinds, same values, same key order); else where they differ.</summary>
    private static string? StrictEqual(Node? a, Node? b, string path = "")
    {
        switch (a, b)
        {
            case (MapNode ma, MapNode mb):
                if (!ma.Keys.SequenceEqual(mb.Keys))
                {
                    return $"{path}: keys [{string.Join(", ", ma.Keys.Select(Show))}] read back as [{string.Join(", ", mb.Keys.Select(Show))}]";
                }

                foreach (var e in ma.Entries)
                {
                    if (StrictEqual(e.Value, mb.Get(e.Key), path + "/" + e.Key) is { } p)
                    {
                        return p;
                    }
                }

                return null;
            case (SeqNode sa, SeqNode sb):
                if (sa.Count != sb.Count)
                {
                    return $"{path}: {sa.Count} items read back as {sb.Count}";
                }

                for (int i = 0; i < sa.Count; i++)
                {
                    if (StrictEqual(sa[i], sb[i], path + "/" + i.ToString(CultureInfo.InvariantCulture)) is { } p)
                    {
                        return p;
                    }
                }

                return null;
            case (StringNode x, StringNode y):
                return x.Value == y.Value ? null : $"{path}: {Show(x.Value)} read back as {Show(y.Value)}";
            case (IntNode x, IntNode y):
                return x.Text == y.Text ? null : $"{path}: {x.Text} read back as {y.Text}";
            case (FloatNode x, FloatNode y):
                return x.Value.Equals(y.Value) ? null : $"{path}: {x.PythonRepr} read back as {y.PythonRepr}";
            case (BoolNode x, BoolNode y):
                return x.Value == y.Value ? null : $"{path}: {x.Value} read back as {y.Value}";
            case (NullNode, NullNode):
                return null;
            default:
                return $"{path}: {a?.Kind.ToString() ?? "nothing"} read back as {b?.Kind.ToString() ?? "nothing"}";
        }
    }

    private static string Show(string s) => JsonText.Compact(new StringNode(s));

    /// <summary>PyYAML (the YAML reader of the SAM CLI and the AWS CLI), run once over a batch of documents.</summary>
    private static class PythonYaml
    {
        private const string Script = """
            import json, sys, yaml
            Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            def same(a, b):
                if type(a) is not type(b):
                    return False
                if isinstance(a, dict):
                    return list(a.keys()) == list(b.keys()) and all(same(a[k], b[k]) for k in a)
                if isinstance(a, list):
                    return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
                return a == b
            cases = json.load(open(sys.argv[1], encoding="utf-8"))
            for name, text, expected in cases:
                try:
                    got = yaml.load(text, Loader=Loader)
                except Exception as e:
                    print(name + ": " + str(e).replace("\n", " "))
                    continue
                if not same(got, json.loads(expected)):
                    print(name + ": read back as " + json.dumps(got)[:300])
            """;

        private static readonly Lazy<string?> Problem = new(Probe);

        public static bool Available => Problem.Value is null;

        public static string WhyNot => Problem.Value ?? "";

        public static List<string> Mismatches(List<(string Name, string Yaml, string Json)> cases)
        {
            using var dir = new TempDir();
            var data = new SeqNode(cases.Select(c => (Node)new SeqNode([new StringNode(c.Name), new StringNode(c.Yaml), new StringNode(c.Json)])).ToList());
            var input = dir.Write("cases.json", JsonText.Compact(data));
            var script = dir.Write("check.py", Script);
            var (code, stdout, stderr) = RunPython(script, input);
            Assert.True(code == 0, "python3 failed: " + stderr);
            return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        }

        private static string? Probe()
        {
            try
            {
                var (code, _, stderr) = RunPython("-c", "import yaml");
                return code == 0 ? null : "PyYAML is not installed (python3 -c 'import yaml' failed: " + stderr.Trim() + "); the PyYAML read-back is not run";
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                return "python3 is not on PATH (" + e.Message + "); the PyYAML read-back is not run";
            }
        }

        private static (int Code, string Out, string Err) RunPython(params string[] args)
        {
            var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
            foreach (var a in args)
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
