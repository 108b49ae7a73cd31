using System.Text.Json.Nodes;
using SamPerms.Validation.Schema;
using SamPerms.Yaml;

namespace SamPerms.Tests.Validation;

/// <summary>
/// The schema check that replaced a JSON Schema library: each keyword the project's schemas use, where it reports,
/// and that a keyword it does not know is refused when the schema is compiled (never checked only in part).
/// </summary>
public sealed class SchemaCheckTests
{
    private const string Schema = """
        {
          "$defs": {
            "intrinsic": { "type": "object", "minProperties": 1, "maxProperties": 1, "propertyNames": { "pattern": "^(Ref|Fn::.+)$" } },
            "event": { "type": "object", "properties": { "Type": { "enum": ["Api", "SQS"] } }, "required": ["Type"] }
          },
          "type": "object",
          "allOf": [
            { "if": { "properties": { "Kind": { "const": "strict" } }, "required": ["Kind"] },
              "then": { "properties": { "Props": { "$ref": "#/$defs/props" } } } }
          ],
          "properties": {
            "Kind": { "type": "string" },
            "Flag": { "anyOf": [{ "type": "boolean" }, { "$ref": "#/$defs/intrinsic" }] },
            "Events": { "type": "object", "additionalProperties": { "$ref": "#/$defs/event" } }
          }
        }
        """;

    private static readonly SchemaCheck Check = CompileWithProps();

    private static SchemaCheck CompileWithProps()
    {
        var root = JsonNode.Parse(Schema)!;
        root["$defs"]!["props"] = JsonNode.Parse("""{ "type": "object", "properties": { "Name": { "type": ["string", "object"] } }, "additionalProperties": false }""");
        return SchemaCheck.Compile(root);
    }

    private static List<string> Errors(string yaml) =>
        [.. Check.Evaluate(TemplateReader.ReadText(yaml).Root!).Select(v => $"{string.Join("/", v.Segments)}:{string.Join(",", v.Keywords)}")];

    [Fact]
    public void A_valid_value_has_no_errors() =>
        Assert.Empty(Errors("Kind: strict\nFlag: {Ref: X}\nEvents: {A: {Type: Api}}\nProps: {Name: n}\n"));

    [Fact]
    public void Then_applies_only_when_if_holds()
    {
        Assert.Equal(["Props/Extra:additionalProperties"], Errors("Kind: strict\nProps: {Name: n, Extra: 1}\n"));
        Assert.Empty(Errors("Kind: loose\nProps: {Name: n, Extra: 1}\n"));
    }

    [Fact]
    public void Each_extra_property_and_each_wrong_type_is_reported_at_its_value() =>
        Assert.Equal(
            ["Props/Name:type", "Props/A:additionalProperties", "Props/B:additionalProperties"],
            Errors("Kind: strict\nProps: {Name: [1], A: 1, B: 2}\n"));

    [Fact]
    public void AnyOf_fails_at_the_value_when_no_branch_holds_even_one_failing_inside_a_mapping()
    {
        // {Foo: 1} is a mapping of one key, failing only the intrinsic's propertyNames: the map check must count.
        Assert.Equal(["Flag:anyOf"], Errors("Flag: {Foo: 1}\n"));
        Assert.Equal(["Flag:anyOf"], Errors("Flag: {Ref: a, Fn::If: b}\n"));
        Assert.Empty(Errors("Flag: true\n"));
    }

    [Fact]
    public void Events_are_checked_through_additionalProperties_and_a_reference() =>
        Assert.Equal(
            ["Events/A/Type:enum", "Events/B:required", "Events/C:type"],
            Errors("Events: {A: {Type: Nope}, B: {}, C: 5, D: {Type: SQS}}\n"));

    [Fact]
    public void A_keyword_the_check_does_not_know_is_refused_when_compiled()
    {
        var e = Assert.Throws<InvalidOperationException>(() => SchemaCheck.Compile(JsonNode.Parse("""{ "properties": { "A": { "oneOf": [true] } } }""")!));
        Assert.Contains("'oneOf'", e.Message);
    }

    [Fact]
    public void The_embedded_sam_schema_compiles_and_checks_serverless_resources_only()
    {
        var resources = (Model.MapNode)TemplateReader.ReadText(
            "Fn: {Type: AWS::Serverless::Function, Properties: {Handlr: x}}\nQ: {Type: AWS::SQS::Queue, Properties: {Handlr: x}}\n").Root!;
        var errors = SamResourceSchema.Evaluate(resources);
        Assert.Equal(["Resources/Fn/Properties/Handlr"], errors.Select(v => string.Join("/", v.Segments)));
    }
}
