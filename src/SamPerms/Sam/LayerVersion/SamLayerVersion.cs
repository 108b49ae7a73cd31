using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.LayerVersion;

/// <summary>
/// AWS::Serverless::LayerVersion → AWS::Lambda::LayerVersion under a new logical id: the old id plus a hash of
/// the resource, so that every change publishes a new version while the old one is kept (DeletionPolicy
/// defaults to Retain). The layer keeps its name (the old id when none is given), so its ARN only changes
/// in the version number. References to the old id are rewritten by the translator.
/// </summary>
public sealed class SamLayerVersion : SamResource
{
    public const string Type = "AWS::Serverless::LayerVersion";

    private const string Retain = "Retain";
    private const string Delete = "Delete";
    private const string RetentionOptions = "['Retain', 'Delete']";

    private static readonly Validator StrOrDict = V.OneOf(V.Str, V.Dict);

    private static readonly PropertyTable Table = new(
        ("LayerName", PropertySpec.Optional(StrOrDict)),
        ("Description", PropertySpec.Optional(V.Str)),
        ("PublishLambdaVersion", PropertySpec.Optional(V.Bool)),
        ("ContentUri", PropertySpec.Mandatory(StrOrDict)),
        ("CompatibleArchitectures", PropertySpec.Optional(V.ListOf(StrOrDict))),
        ("CompatibleRuntimes", PropertySpec.Optional(V.ListOf(StrOrDict))),
        ("LicenseInfo", PropertySpec.Optional(V.Str)),
        ("RetentionPolicy", PropertySpec.Optional(V.Str)));

    /// <summary>Attributes that do not change the layer's content, so they stay out of the hash.</summary>
    private static readonly string[] UnhashedAttributes = ["DeletionPolicy", "UpdateReplacePolicy", "Metadata"];

    public override string ResourceType => Type;

    protected override PropertyTable PropertyTypes => Table;

    public override IList<CfnResource> ToCloudFormation(TransformContext ctx)
    {
        // The resolved values replace the written ones, both in the output and in the hashed form.
        var resolved = new Dictionary<string, Node?>(StringComparer.Ordinal);
        foreach (var name in new[] { "LayerName", "LicenseInfo", "Description", "RetentionPolicy" })
        {
            resolved[name] = ResolveStringParameter(ctx, Prop(name), name);
        }

        var retention = RetentionPolicyValue(resolved["RetentionPolicy"]);
        var attributes = PassthroughAttributes();
        if (!attributes.ContainsKey("DeletionPolicy"))
        {
            attributes.Set("DeletionPolicy", Retain);
        }

        if (retention is not null)
        {
            attributes.Set("DeletionPolicy", retention);
        }

        var oldId = LogicalId;
        LogicalId = LogicalIds.Generate(oldId, HashedForm(oldId, resolved));

        var layer = new CfnResource(LogicalId, "AWS::Lambda::LayerVersion") { DependsOn = DependsOn, Origin = OriginOf() }
            .WithAttributes(attributes);

        // A published layer's ARN ends in its name; keeping the old id as the name keeps the ARN stable.
        var layerName = resolved["LayerName"];
        layer["LayerName"] = Py.Truthy(layerName) ? layerName : new StringNode(oldId);
        layer["Description"] = resolved["Description"];
        layer["Content"] = (Node?)S3Locations.LocalPath(ctx, Prop("ContentUri")) ?? S3Locations.ToCodeLocation(Prop("ContentUri"), LogicalId, "ContentUri");
        layer["CompatibleArchitectures"] = Prop("CompatibleArchitectures");
        ValidateArchitectures(Prop("CompatibleArchitectures"));
        layer["CompatibleRuntimes"] = Prop("CompatibleRuntimes");
        layer["LicenseInfo"] = resolved["LicenseInfo"];
        return [layer];
    }

    /// <summary>The resource as the reference's to_dict shows it, less the attributes that do not affect content.</summary>
    private MapNode HashedForm(string logicalId, Dictionary<string, Node?> resolved)
    {
        var body = new MapNode();
        body.Set("Type", Type);
        if (DependsOn is not null && Py.Truthy(DependsOn))
        {
            body.Set("DependsOn", DependsOn);
        }

        foreach (var e in ResourceAttributes.Entries)
        {
            if (!UnhashedAttributes.Contains(e.Key))
            {
                body.Set(e.Key, e.Value);
            }
        }

        var props = new MapNode();
        foreach (var name in Table.Names)
        {
            var value = resolved.TryGetValue(name, out var r) ? r : Prop(name);
            if (value is not null and not NullNode)
            {
                props.Set(name, value);
            }
        }

        body.Set("Properties", props);
        return N.Map((logicalId, body));
    }

    /// <summary>The reference's resolve_string_parameter_in_resource: parameters inlined, a string or map must remain.</summary>
    private Node? ResolveStringParameter(TransformContext ctx, Node? value, string name)
    {
        if (!Py.Truthy(value))
        {
            return value;
        }

        var resolved = ctx.Intrinsics.ResolveParameterRefs(value);
        if (resolved is not StringNode and not MapNode)
        {
            throw new InvalidResourceException(LogicalId, $"Could not resolve parameter for '{name}' or parameter is not a String.").Locate(value);
        }

        return resolved;
    }

    /// <summary>RetentionPolicy sets DeletionPolicy, which takes no intrinsics; matched case-insensitively.</summary>
    private string? RetentionPolicyValue(Node? policy)
    {
        if (Intrinsics.IsIntrinsic(policy))
        {
            throw new InvalidResourceException(LogicalId, $"'RetentionPolicy' does not accept intrinsic functions, please use one of the following options: {RetentionOptions}").Locate(policy);
        }

        if (policy is null or NullNode)
        {
            return null;
        }

        if (policy is not StringNode s)
        {
            throw new InvalidResourceException(LogicalId, $"Invalid 'RetentionPolicy' type, please use one of the following options: {RetentionOptions}").Locate(policy);
        }

        foreach (var option in new[] { Retain, Delete })
        {
            if (string.Equals(s.Value.ToLowerInvariant(), option.ToLowerInvariant(), StringComparison.Ordinal))
            {
                return option;
            }
        }

        throw new InvalidResourceException(LogicalId, $"'RetentionPolicy' must be one of the following options: {RetentionOptions}.").Locate(policy);
    }

    private void ValidateArchitectures(Node? architectures)
    {
        // A one-key map passes the property check as an intrinsic; the reference then iterates a map that is not
        // really one by its keys.
        IEnumerable<Node> items = architectures switch
        {
            SeqNode list => list.Items,
            MapNode map when !Intrinsics.IsIntrinsic(map) => map.Keys.Select(k => (Node)new StringNode(k) { Span = map.Span }),
            _ => [],
        };
        foreach (var a in items)
        {
            if (!Intrinsics.IsIntrinsic(a) && !(a is StringNode s && s.Value is "x86_64" or "arm64"))
            {
                throw new InvalidResourceException(LogicalId, "CompatibleArchitectures needs to be a list of 'x86_64' or 'arm64'").Locate(a);
            }
        }
    }
}
