using SamPerms.Data;
using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Connector;

/// <summary>
/// AWS::Serverless::Connector: grants a Source access to one or more Destinations (Read and/or Write) with the
/// resource the connector profile for that pair of types prescribes — a managed policy on the role of one end,
/// Lambda permissions, or a queue or topic policy. Connectors are expanded last, so Id references see the
/// CloudFormation resources the other SAM resources became.
/// </summary>
public sealed partial class SamConnector : SamResource
{
    public const string Type = "AWS::Serverless::Connector";

    private static readonly Validator Reference = V.DictOf(V.Str, V.Any);

    private static readonly PropertyTable Table = new(
        ("Source", PropertySpec.Mandatory(Reference)),
        ("Destination", PropertySpec.Mandatory(V.OneOf(Reference, V.ListOf(Reference)))),
        ("Permissions", PropertySpec.Mandatory(V.ListOf(V.Str))));

    public override string ResourceType => Type;

    protected override PropertyTable PropertyTypes => Table;

    /// <summary>The permissions asked for, without repeats (a map, which skipped validation as an intrinsic, gives its keys).</summary>
    private HashSet<string> Permissions => Prop("Permissions") switch
    {
        SeqNode s => s.Items.Select(Py.Str).ToHashSet(StringComparer.Ordinal),
        MapNode m => m.Keys.ToHashSet(StringComparer.Ordinal),
        _ => [],
    };

    /// <summary>The connector as a template resource (the reference's to_dict), for embedded connectors.</summary>
    internal MapNode ToSamDict()
    {
        var dict = new MapNode { Span = ResourceDict.Span };
        dict.Set("Type", Type);
        if (DependsOn is not null && Py.Truthy(DependsOn))
        {
            dict.Set("DependsOn", DependsOn);
        }

        foreach (var e in ResourceAttributes.Entries)
        {
            dict.Set(e.Key, e.Value);
        }

        var props = new MapNode { Span = Properties.Span };
        foreach (var name in Table.Names)
        {
            if (Prop(name) is { } v)
            {
                props.Set(name, v);
            }
        }

        dict.Set("Properties", props);
        return dict;
    }

    public override IList<CfnResource> ToCloudFormation(TransformContext ctx)
    {
        var outputResources = ctx.OutputResources;
        var source = (MapNode)Prop("Source")!;
        bool multiDestination = Prop("Destination") is SeqNode;
        var destinations = Prop("Destination") is SeqNode list ? list.Items : [Prop("Destination")!];

        var generated = new List<CfnResource>();
        for (int index = 0; index < destinations.Count; index++)
        {
            var destinationObj = (MapNode)destinations[index];
            ConnectorEndpoint destination;
            ConnectorEndpoint sourceEnd;
            try
            {
                destination = ConnectorEndpoint.Read(destinationObj, outputResources, source);
                sourceEnd = ConnectorEndpoint.Read(source, outputResources, destinationObj);
            }
            catch (ConnectorEndpointException e)
            {
                throw new InvalidResourceException(LogicalId, e.Message).Locate(destinationObj);
            }

            var resources = GenerateResources(sourceEnd, destination, index, multiDestination, outputResources);
            AddConnectorMetadata(resources, ctx.SamResources, sourceEnd, destination);
            generated.AddRange(resources);
        }

        if (ctx.State<DependsOnMentions>().Mentions(ctx.SamResources, LogicalId))
        {
            ConnectorDependencies.ReplaceConnector(outputResources, LogicalId, generated.Select(r => r.LogicalId).ToList());
        }
        if (generated.Count == 0)
        {
            throw new InvalidResourceException(LogicalId, "'Destination' is an empty list").Locate(Prop("Destination"));
        }

        return generated;
    }

    private List<CfnResource> GenerateResources(ConnectorEndpoint source, ConnectorEndpoint destination, int index, bool multiDestination, MapNode outputResources)
    {
        var profile = ConnectorProfileTable.Get(source.ResourceType, destination.ResourceType)
            ?? throw new InvalidResourceException(LogicalId, $"Unable to create connector from {source.ResourceType} to {destination.ResourceType}; it's not supported or the template is invalid.").Locate(ResourceDict);

        CheckPermissions(profile, source, destination);
        MapNode categories;
        try
        {
            categories = (MapNode)ProfileVariables.Replace(profile.Categories,
            [
                ("Source.Arn", source.Arn), ("Destination.Arn", destination.Arn),
                ("Source.ResourceId", source.ResourceId), ("Destination.ResourceId", destination.ResourceId),
                ("Source.Name", source.Name), ("Destination.Name", destination.Name),
                ("Source.Qualifier", source.Qualifier), ("Destination.Qualifier", destination.Qualifier),
            ]);
        }
        catch (ProfileVariableMissingException e)
        {
            throw new InvalidResourceException(LogicalId, e.Message).Locate(ResourceDict);
        }

        var filled = profile with { Categories = categories };
        return profile.Kind switch
        {
            "ManagedPolicy" => [ManagedPolicy(source, destination, filled, outputResources, index, multiDestination)],
            "QueuePolicy" => [QueuePolicy(source, destination, filled, index, multiDestination)],
            "TopicPolicy" => [TopicPolicy(source, destination, filled, index, multiDestination)],
            "LambdaPermission" => LambdaPermissions(source, destination, filled, index, multiDestination),
            _ => throw new InvalidOperationException($"connector profile kind {profile.Kind} is not supported"),
        };
    }

    /// <summary>Permissions must be named by the profile (and, when it says so, come in a valid combination).</summary>
    private void CheckPermissions(ConnectorProfile profile, ConnectorEndpoint source, ConnectorEndpoint destination)
    {
        var permissions = Permissions;
        var valid = profile.Categories.Keys.ToList();
        var validText = string.Join(", ", valid);
        var at = Prop("Permissions");
        if (permissions.Count == 0)
        {
            throw new InvalidResourceException(LogicalId, $"'Permissions' cannot be empty; valid values are: {validText}.").Locate(at);
        }

        if (permissions.Any(p => !valid.Contains(p)))
        {
            throw new InvalidResourceException(LogicalId, $"Unsupported 'Permissions' provided for connector from {source.ResourceType} to {destination.ResourceType}; valid values are: {validText}.").Locate(at);
        }

        if (profile.ValidCombinations is { Count: > 0 } combinations)
        {
            var sortedCombinations = combinations.Select(c => c.Order(StringComparer.Ordinal).ToList()).ToList();
            var asked = permissions.Order(StringComparer.Ordinal).ToList();
            if (!sortedCombinations.Any(c => c.SequenceEqual(asked)))
            {
                var text = string.Join(", ", sortedCombinations.Select(c => string.Join(" + ", c)));
                throw new InvalidResourceException(LogicalId, $"Unsupported 'Permissions' provided for connector from {source.ResourceType} to {destination.ResourceType}; valid combinations are: {text}.").Locate(at);
            }
        }
    }
}
