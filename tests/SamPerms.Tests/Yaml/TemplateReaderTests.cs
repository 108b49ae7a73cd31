using System.Text;
using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Validation;
using SamPerms.Yaml;

namespace SamPerms.Tests.Yaml;

public sealed class TemplateReaderTests
{
    private static MapNode Read(string yaml)
    {
        var r = TemplateReader.ReadText(yaml);
        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics.Select(d => d.Format())));
        return (MapNode)r.Root!;
    }

    private static Diagnostic Fails(string yaml, string code)
    {
        var r = TemplateReader.ReadText(yaml);
        Assert.False(r.Succeeded);
        return Assert.Single(r.Diagnostics, d => d.Code == code);
    }

    [Theory]
    [InlineData("!Ref X", "{\"Ref\":\"X\"}")]
    [InlineData("!Condition C", "{\"Condition\":\"C\"}")]
    [InlineData("!Sub 'a-${X}'", "{\"Fn::Sub\":\"a-${X}\"}")]
    [InlineData("!Sub [ 'a-${v}', { v: !Ref X } ]", "{\"Fn::Sub\":[\"a-${v}\",{\"v\":{\"Ref\":\"X\"}}]}")]
    [InlineData("!GetAtt Fn.Arn", "{\"Fn::GetAtt\":[\"Fn\",\"Arn\"]}")]
    [InlineData("!GetAtt Api.Stage.Name", "{\"Fn::GetAtt\":[\"Api\",\"Stage.Name\"]}")]
    [InlineData("!GetAtt [Fn, Arn]", "{\"Fn::GetAtt\":[\"Fn\",\"Arn\"]}")]
    [InlineData("!If [C, 1, !Ref AWS::NoValue]", "{\"Fn::If\":[\"C\",1,{\"Ref\":\"AWS::NoValue\"}]}")]
    [InlineData("!Equals [a, b]", "{\"Fn::Equals\":[\"a\",\"b\"]}")]
    [InlineData("!And [!Condition A, !Condition B]", "{\"Fn::And\":[{\"Condition\":\"A\"},{\"Condition\":\"B\"}]}")]
    [InlineData("!Or [!Condition A, !Condition B]", "{\"Fn::Or\":[{\"Condition\":\"A\"},{\"Condition\":\"B\"}]}")]
    [InlineData("!Not [!Condition A]", "{\"Fn::Not\":[{\"Condition\":\"A\"}]}")]
    [InlineData("!FindInMap [M, k, v]", "{\"Fn::FindInMap\":[\"M\",\"k\",\"v\"]}")]
    [InlineData("!Join ['-', [a, b]]", "{\"Fn::Join\":[\"-\",[\"a\",\"b\"]]}")]
    [InlineData("!Select [0, !GetAZs '']", "{\"Fn::Select\":[0,{\"Fn::GetAZs\":\"\"}]}")]
    [InlineData("!Split [',', 'a,b']", "{\"Fn::Split\":[\",\",\"a,b\"]}")]
    [InlineData("!Base64 hello", "{\"Fn::Base64\":\"hello\"}")]
    [InlineData("!Cidr [10.0.0.0/16, 4, 8]", "{\"Fn::Cidr\":[\"10.0.0.0/16\",4,8]}")]
    [InlineData("!ImportValue Shared", "{\"Fn::ImportValue\":\"Shared\"}")]
    [InlineData("!Transform { Name: M }", "{\"Fn::Transform\":{\"Name\":\"M\"}}")]
    [InlineData("!ToJsonString { a: 1 }", "{\"Fn::ToJsonString\":{\"a\":1}}")]
    [InlineData("!Length [a, b]", "{\"Fn::Length\":[\"a\",\"b\"]}")]
    public void Short_forms_become_long_forms(string value, string json)
    {
        var root = Read("V: " + value);
        Assert.Equal(json, root.Get("V")!.ToString());
    }

    [Theory]
    [InlineData("yes", "true")]
    [InlineData("Off", "false")]
    [InlineData("TRUE", "true")]
    [InlineData("~", "null")]
    [InlineData("0777", "511")]
    [InlineData("0x1F", "31")]
    [InlineData("1_000", "1000")]
    [InlineData("-12", "-12")]
    [InlineData("1:30", "90")]
    [InlineData("1.5", "1.5")]
    [InlineData("10.0", "10.0")]
    [InlineData("1e5", "\"1e5\"")]
    [InlineData("09", "\"09\"")]
    [InlineData("2012-10-17", "\"2012-10-17\"")]
    [InlineData("'yes'", "\"yes\"")]
    [InlineData("\"10\"", "\"10\"")]
    [InlineData("!!str 10", "\"10\"")]
    [InlineData("y", "\"y\"")]
    public void Scalars_are_typed_like_the_reference_reads_them(string value, string json)
    {
        Assert.Equal(json, Read("V: " + value).Get("V")!.ToString());
    }

    [Fact]
    public void Every_node_keeps_its_line_and_column()
    {
        var root = Read("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n");
        var handler = ((MapNode)((MapNode)((MapNode)root.Get("Resources")!).Get("Fn")!).Get("Properties")!).Get("Handler")!;
        Assert.Equal(5, handler.Span.Line);
        Assert.Equal(16, handler.Span.Column);
        Assert.Equal(2, ((MapNode)root.Get("Resources")!).KeySpanOf("Fn").Line);
    }

    [Fact]
    public void A_single_pair_in_a_flow_sequence_is_placed_at_its_pair()
    {
        // Policies: [S3CrudPolicy: {...}] — each item is a one-pair mapping the YAML parser gives no place of its own.
        var root = Read("Resources:\n  Fn:\n    Properties:\n      Policies: [S3CrudPolicy: {BucketName: b}, SQSPollerPolicy: {QueueName: q}]\n");
        var policies = (SeqNode)((MapNode)((MapNode)((MapNode)root.Get("Resources")!).Get("Fn")!).Get("Properties")!).Get("Policies")!;
        var first = policies.Items[0].Span;
        var second = policies.Items[1].Span;
        Assert.Equal((4, 18), (first.Line, first.Column));
        Assert.Equal((4, 49), (second.Line, second.Column));
        Assert.True(first.EndColumn > first.Column && second.EndColumn > second.Column);
    }

    [Fact]
    public void Duplicate_keys_keep_the_last_value_in_the_first_place_with_a_warning_at_the_second_key()
    {
        var r = TemplateReader.ReadText("A: 1\nB: 2\nA: 3\n");
        Assert.True(r.Succeeded);
        var d = Assert.Single(r.Diagnostics, d => d.Code == DiagnosticCatalog.DuplicateKey);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(3, d.Span.Line);
        Assert.Equal(1, d.Span.Column);
        Assert.Contains("'A'", d.Message);
        Assert.Contains("line 1", d.Message);
        var root = (MapNode)r.Root!;
        Assert.Equal(["A", "B"], root.Entries.Select(e => e.Key));
        Assert.Equal(3L, ((IntNode)root.Get("A")!).Value);
    }

    [Fact]
    public void Duplicate_keys_in_json_keep_the_last_value_with_a_warning()
    {
        var r = TemplateReader.ReadText("{\"A\": 1,\n \"A\": 2}");
        Assert.True(r.Succeeded);
        Assert.Equal(2, Assert.Single(r.Diagnostics).Span.Line);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void A_literal_block_whose_first_line_is_blank_but_holds_spaces_reads_as_pyyaml_reads_it(int spaces)
    {
        var yaml = "A:\n  B: |\n" + new string(' ', spaces) + "\n    def handler():\n      return 1\n  C: x\n";
        var root = Read(yaml);
        var a = (MapNode)root.Get("A")!;
        Assert.Equal("\ndef handler():\n  return 1\n", ((StringNode)a.Get("B")!).Value);
        Assert.Equal(6, a.KeySpanOf("C").Line);
    }

    [Fact]
    public void A_blank_first_line_wider_than_the_block_is_refused_as_pyyaml_refuses_it()
    {
        Fails("A:\n  B: |\n" + new string(' ', 6) + "\n    x\n", DiagnosticCatalog.YamlSyntax);
    }

    [Fact]
    public void Spaces_on_blank_lines_inside_a_block_are_kept()
    {
        var root = Read("A: |\n  x\n    \n  y\n");
        Assert.Equal("x\n  \ny\n", ((StringNode)root.Get("A")!).Value);
    }

    [Fact]
    public void Tabs_used_for_indentation_are_a_syntax_error_at_their_place()
    {
        var d = Fails("A:\n\tB: 1\n", DiagnosticCatalog.YamlSyntax);
        Assert.Equal(2, d.Span.Line);
    }

    [Fact]
    public void Bad_indentation_is_a_syntax_error()
    {
        var d = Fails("A:\n    B: 1\n  C: 2\n", DiagnosticCatalog.YamlSyntax);
        Assert.Equal(3, d.Span.Line);
    }

    [Fact]
    public void An_unclosed_bracket_is_reported_where_it_opens_not_where_the_reader_gave_up()
    {
        var seq = Fails("Resources:\n  A:\n    Type: AWS::SNS::Topic\n    Properties:\n      Tags: [x\n", DiagnosticCatalog.YamlSyntax);
        Assert.Equal((5, 13), (seq.Span.Line, seq.Span.Column));
        Assert.StartsWith("the flow sequence opened here is not closed with ']'", seq.Message, StringComparison.Ordinal);

        var map = Fails("A: {b: 1, c: 2\nD: 3\n", DiagnosticCatalog.YamlSyntax);
        Assert.Equal((1, 4), (map.Span.Line, map.Span.Column));
        Assert.Contains("not closed with '}'", map.Message, StringComparison.Ordinal);

        // An error of its own inside brackets (an unterminated quote) stays where it is.
        var quote = Fails("A: [a, \"b\n", DiagnosticCatalog.YamlSyntax);
        Assert.Equal((1, 8), (quote.Span.Line, quote.Span.Column));
    }

    [Fact]
    public void Unknown_tags_are_refused_with_their_name()
    {
        var d = Fails("A: !Reff X\n", DiagnosticCatalog.UnknownTag);
        Assert.Contains("!Reff", d.Message);
        Assert.Equal(1, d.Span.Line);
        Assert.Equal(4, d.Span.Column);
    }

    [Fact]
    public void Non_utf8_bytes_are_refused_at_their_line_and_column()
    {
        var bytes = Encoding.UTF8.GetBytes("A: 1\nB: x").Concat(new byte[] { 0xFF, 0x0A }).ToArray();
        var r = TemplateReader.Read(bytes);
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal(DiagnosticCatalog.InvalidEncoding, d.Code);
        Assert.Equal(2, d.Span.Line);
        Assert.Equal(5, d.Span.Column);
    }

    [Fact]
    public void Alias_bombs_are_refused_quickly_in_bounded_memory()
    {
        var sb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++)
        {
            var prev = (char)('a' + i - 1);
            var cur = (char)('a' + i);
            sb.Append($"{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n");
        }

        var d = Fails(sb.ToString(), DiagnosticCatalog.DocumentTooLarge);
        Assert.Contains("alias", d.Message);
    }

    [Fact]
    public void Deep_nesting_is_refused()
    {
        var deep = new string('[', 5000) + new string(']', 5000);
        Fails("A: " + deep + "\n", DiagnosticCatalog.NestingTooDeep);
        Fails("{\"A\": " + deep + "}", DiagnosticCatalog.NestingTooDeep);
    }

    [Fact]
    public void Aliases_and_merge_keys_expand_to_copies()
    {
        var root = Read("base: &b { x: 1, y: 2 }\nuse:\n  <<: *b\n  y: 3\n");
        Assert.Equal("{\"x\":1,\"y\":3}", root.Get("use")!.ToString());
    }

    [Fact]
    public void Json_templates_keep_positions_and_json_number_types()
    {
        var r = TemplateReader.ReadText("{\n  \"A\": 1e5,\n  \"B\": \"yes\",\n  \"C\": [1, 2.5, true, null]\n}");
        Assert.True(r.Succeeded);
        var root = (MapNode)r.Root!;
        Assert.IsType<FloatNode>(root.Get("A"));
        Assert.IsType<StringNode>(root.Get("B"));
        Assert.Equal(4, root.Get("C")!.Span.Line);
        Assert.Equal(8, root.Get("C")!.Span.Column);
    }

    [Fact]
    public void Json_duplicate_keys_and_syntax_errors_are_located()
    {
        var dup = TemplateReader.ReadText("{\"A\": 1,\n \"A\": 2}");
        Assert.Equal(2, Assert.Single(dup.Diagnostics).Span.Line);
        var bad = TemplateReader.ReadText("{\"A\": 1,\n \"B\" 2}");
        Assert.False(bad.Succeeded);
        Assert.Equal(2, bad.Diagnostics[0].Span.Line);
    }

    [Fact]
    public void Several_documents_are_refused()
    {
        Fails("A: 1\n---\nB: 2\n", DiagnosticCatalog.YamlSyntax);
    }
}
