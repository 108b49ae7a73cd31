using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.SimpleTable;

/// <summary>
/// AWS::Serverless::SimpleTable → one AWS::DynamoDB::Table with a single hash key (default <c>id</c>, a string),
/// on-demand billing unless throughput is given. Every resource attribute (not only the pass-through ones)
/// is carried over, as the reference does for this type.
/// </summary>
public sealed class SamSimpleTable : SamResource
{
    public const string Type = "AWS::Serverless::SimpleTable";

    private static readonly PropertyTable Table = new(
        ("PointInTimeRecoverySpecification", PropertySpec.PassThrough),
        ("PrimaryKey", PropertySpec.Optional(V.DictOf(V.Str, V.Str))),
        ("ProvisionedThroughput", PropertySpec.Optional(V.DictOf(V.Str, V.OneOf(V.Int, V.Dict)))),
        ("TableName", PropertySpec.Optional(V.OneOf(V.Str, V.Dict))),
        ("Tags", PropertySpec.Optional(V.Dict)),
        ("SSESpecification", PropertySpec.Optional(V.Dict)));

    /// <summary>The friendly attribute type names SimpleTable accepts and DynamoDB's letters for them.</summary>
    private static readonly Dictionary<string, string> AttributeTypes = new(StringComparer.Ordinal)
    {
        ["String"] = "S",
        ["Number"] = "N",
        ["Binary"] = "B",
    };

    public override string ResourceType => Type;

    protected override PropertyTable PropertyTypes => Table;

    public override IList<CfnResource> ToCloudFormation(TransformContext ctx)
    {
        var table = new CfnResource(LogicalId, "AWS::DynamoDB::Table") { DependsOn = DependsOn, Origin = OriginOf() }
            .WithAttributes(ResourceAttributes);

        MapNode primaryKey;
        if (Py.Truthy(Prop("PrimaryKey")) && Prop("PrimaryKey") is MapNode pk)
        {
            var name = Expect.That(pk.Get("Name"), LogicalId, "PrimaryKey.Name").ToNotBeNone();
            var type = Expect.That(pk.Get("Type"), LogicalId, "PrimaryKey.Type").ToNotBeNone();
            primaryKey = N.Map(("AttributeName", name), ("AttributeType", ConvertAttributeType(type)));
        }
        else
        {
            primaryKey = N.Map(("AttributeName", "id"), ("AttributeType", "S"));
        }

        table["AttributeDefinitions"] = N.Seq(primaryKey);
        table["KeySchema"] = N.Seq(N.Map(("AttributeName", primaryKey.Get("AttributeName")), ("KeyType", "HASH")));
        if (Py.Truthy(Prop("PointInTimeRecoverySpecification")))
        {
            table["PointInTimeRecoverySpecification"] = Prop("PointInTimeRecoverySpecification");
        }

        if (Py.Truthy(Prop("ProvisionedThroughput")))
        {
            table["ProvisionedThroughput"] = Prop("ProvisionedThroughput");
        }
        else
        {
            table["BillingMode"] = "PAY_PER_REQUEST";
        }

        if (Py.Truthy(Prop("SSESpecification")))
        {
            table["SSESpecification"] = Prop("SSESpecification");
        }

        if (Py.Truthy(Prop("TableName")))
        {
            table["TableName"] = Prop("TableName");
        }

        if (Py.Truthy(Prop("Tags")))
        {
            table["Tags"] = TagList(Prop("Tags") as MapNode);
        }

        return [table];
    }

    private string ConvertAttributeType(Node type)
    {
        if (type is StringNode s && AttributeTypes.TryGetValue(s.Value, out var letter))
        {
            return letter;
        }

        throw new InvalidResourceException(LogicalId, $"Invalid 'Type' \"{Py.Str(type)}\".").Locate(type);
    }
}
