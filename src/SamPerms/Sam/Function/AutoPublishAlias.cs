using System.Text.RegularExpressions;
using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Function;

/// <summary>
/// A function's AutoPublishAlias: an AWS::Lambda::Version whose logical id hashes the code (and, with
/// AutoPublishAliasAllProperties, every property), and an AWS::Lambda::Alias pointing at it. Reads the SAM
/// resource's AutoPublish*, Version*, ProvisionedConcurrencyConfig and capacity properties and the
/// AWS::Lambda::Function already built (whose Description AutoPublishCodeSha256 extends).
/// </summary>
internal sealed partial class AutoPublishAlias(SamResource owner)
{
    /// <summary>The version, the alias (in the order they are emitted) and the alias's name.</summary>
    public sealed record Result(CfnResource Version, CfnResource Alias, string AliasName);

    private string LogicalId => owner.LogicalId;

    private Node? Prop(string name) => owner.Prop(name);

    public Result Construct(CfnResource function, TransformContext ctx)
    {
        var aliasName = ResolvedAliasName("AutoPublishAlias", Prop("AutoPublishAlias")!, ctx);
        string? codeSha256 = null;
        if (Py.Truthy(Prop("AutoPublishCodeSha256")))
        {
            var sha = ctx.Intrinsics.ResolveParameterRefs(Prop("AutoPublishCodeSha256"));
            if (sha is not StringNode s)
            {
                throw new InvalidResourceException(LogicalId, "AutoPublishCodeSha256 must be a string").Locate(Prop("AutoPublishCodeSha256"));
            }

            codeSha256 = s.Value;
            var description = ctx.Intrinsics.ResolveParameterRefs(Prop("Description"));
            if (!Py.Truthy(description) || description is StringNode)
            {
                function["Description"] = Py.Truthy(description) ? $"{((StringNode)description!).Value} {codeSha256}" : codeSha256;
            }
            else
            {
                function["Description"] = N.Map(("Fn::Join", N.Seq(" ", N.Seq(description!, codeSha256))));
            }
        }

        var version = ConstructVersion(function, ctx, codeSha256);
        var alias = ConstructAlias(aliasName, function, version);
        return new Result(version, alias, aliasName);
    }

    /// <summary>An alias name given as a string or a Ref to a parameter; anything else is refused.</summary>
    private string ResolvedAliasName(string propertyName, Node value, TransformContext ctx)
    {
        var resolved = ctx.Intrinsics.ResolveParameterRefs(value);
        if (resolved is not StringNode s)
        {
            throw new InvalidResourceException(LogicalId, $"'{propertyName}' must be a string or a Ref to a template parameter").Locate(value);
        }

        return s.Value;
    }

    private CfnResource ConstructVersion(CfnResource function, TransformContext ctx, string? codeSha256)
    {
        var resolvedCode = ctx.Intrinsics.ResolveParameterRefs(function["Code"]);

        // A local path (local artifacts accepted) is hashed as the code: the version changes when the path does.
        var code = resolvedCode is StringNode localPath ? N.Map(("LocalPath", localPath)) : resolvedCode as MapNode;
        if (code is null || code.Count == 0)
        {
            throw new InvalidResourceException(LogicalId, "Lambda function code must be a valid non-empty dictionary");
        }

        var prefix = LogicalId + "Version";
        MapNode hashed;
        if (Prop("AutoPublishAliasAllProperties") is BoolNode { Value: true })
        {
            hashed = function.Properties.ShallowCopy();
            if (function["Layers"] is SeqNode layers)
            {
                foreach (var layer in layers)
                {
                    var layerId = Intrinsics.LogicalIdOf(layer);
                    if (layerId is null || ctx.OutputResources.Get(layerId) is not MapNode layerResource)
                    {
                        continue;
                    }

                    var layerProps = layerResource.Get("Properties") as MapNode ?? new MapNode();
                    if (Py.Truthy(layerProps.Get("PublishLambdaVersion")))
                    {
                        hashed.Set(layerId, layerProps);
                    }
                }
            }
        }
        else
        {
            hashed = code.ShallowCopy();
            if (function["Environment"] is MapNode env)
            {
                foreach (var e in env.Entries)
                {
                    hashed.Set(e.Key, e.Value);
                }
            }

            if (Py.Truthy(function["MemorySize"]))
            {
                hashed.Set("MemorySize", function["MemorySize"]!);
            }

            if (function["SnapStart"] is MapNode snap && Py.Truthy(snap) && snap.Get("ApplyOn") is not StringNode { Value: "None" } && snap.ContainsKey("ApplyOn"))
            {
                hashed.Set("SnapStart", snap);
            }
        }

        var logicalId = LogicalIds.Generate(prefix, hashed, codeSha256);
        var attributes = owner.PassthroughAttributes();
        if (!attributes.ContainsKey("DeletionPolicy"))
        {
            attributes.Set("DeletionPolicy", Prop("VersionDeletionPolicy") ?? (Prop("CapacityProviderConfig") is not null ? "Delete" : "Retain"));
        }

        var version = new CfnResource(logicalId, "AWS::Lambda::Version") { Origin = owner.OriginOf("AutoPublishAlias") }.WithAttributes(attributes);
        version["FunctionName"] = function.Ref();
        version["Description"] = Prop("VersionDescription");
        if (Prop("CapacityProviderConfig") is not null && Prop("FunctionScalingConfig") is { } scaling)
        {
            version["FunctionScalingConfig"] = scaling;
        }

        return version;
    }

    private CfnResource ConstructAlias(string name, CfnResource function, CfnResource version)
    {
        if (name.Length == 0)
        {
            throw new InvalidResourceException(LogicalId, "Alias name is required to create an alias");
        }

        if (!AliasNameRegex().IsMatch(name))
        {
            throw new InvalidResourceException(LogicalId, $"AutoPublishAlias name ('{name}') must contain only alphanumeric characters, hyphens, or underscores matching (?!^[0-9]+$)([a-zA-Z0-9-_]+) pattern.").Locate(Prop("AutoPublishAlias"));
        }

        var idName = name.Replace("-", "D", StringComparison.Ordinal).Replace("_", "U", StringComparison.Ordinal);
        var alias = new CfnResource($"{function.LogicalId}Alias{idName}", "AWS::Lambda::Alias") { Origin = owner.OriginOf("AutoPublishAlias") }
            .WithAttributes(owner.PassthroughAttributes());
        alias["Name"] = name;
        alias["FunctionName"] = function.Ref();
        alias["FunctionVersion"] = version.GetAtt("Version");
        if (Py.Truthy(Prop("ProvisionedConcurrencyConfig")))
        {
            alias["ProvisionedConcurrencyConfig"] = Prop("ProvisionedConcurrencyConfig");
        }

        return alias;
    }

    // re.match with "$": anchored at the start, the whole name of allowed characters, not only digits.
    [GeneratedRegex(@"^(?!^[0-9]+$)([a-zA-Z0-9\-_]+)$")]
    private static partial Regex AliasNameRegex();
}
