using SamPerms.Model;
using SamPerms.Sam.Connector;
using SamPerms.Sam.Core;

namespace SamPerms.Sam;

/// <summary>
/// The reference turns each resource's embedded <c>Connectors</c> attribute into AWS::Serverless::Connector
/// resources (id = resource id + connector id, Source = the resource) before expanding anything, then removes
/// the attribute from every resource. Bad entries are reported and skipped; the transform goes on.
/// </summary>
internal static class EmbeddedConnectors
{
    private const string Attribute = "Connectors";

    public static IReadOnlyList<SamException> Expand(TransformContext ctx)
    {
        var errors = new List<SamException>();
        var resources = ctx.SamResources;
        var generated = new List<(string Id, MapNode Resource)>();
        foreach (var e in resources.Entries)
        {
            if (e.Value is not MapNode resource || !resource.ContainsKey(Attribute))
            {
                continue;
            }

            var sourceId = e.Key;
            MapNode connectors;
            try
            {
                connectors = Expect.That(resource.Get(Attribute), sourceId, $"{sourceId}.{Attribute}", isAttribute: true).ToBeMap();
            }
            catch (InvalidResourceException ex)
            {
                errors.Add(ex);
                continue;
            }

            foreach (var c in connectors.Entries)
            {
                var fullId = sourceId + c.Key;
                try
                {
                    if (c.Value is not MapNode connectorDict)
                    {
                        throw new InvalidResourceException(fullId, $"{sourceId}.{fullId} should be a map.").Locate(c.Value);
                    }

                    var connector = Generate(sourceId, fullId, c.Key, connectorDict);
                    if (resources.ContainsKey(fullId))
                    {
                        throw new DuplicateLogicalIdException(sourceId, fullId, SamConnector.Type).Locate(connectorDict);
                    }

                    generated.Add((fullId, connector.ToSamDict()));
                }
                catch (SamException ex) when (ex is InvalidResourceException or DuplicateLogicalIdException)
                {
                    // Errors about the generated connector (its id, a made-up map) point at the entry that declares it.
                    if (ex.At is null || !ex.At.Span.IsKnown)
                    {
                        ex.At = c.Value;
                    }

                    errors.Add(ex);
                }
            }
        }

        foreach (var (id, connector) in generated)
        {
            resources.Set(id, connector);
        }

        foreach (var e in resources.Entries)
        {
            (e.Value as MapNode)?.Remove(Attribute);
        }

        return errors;
    }

    /// <summary>The connector as a resource of its own: Source is the resource, extended by SourceReference.</summary>
    private static SamConnector Generate(string sourceId, string fullId, string connectorId, MapNode connectorDict)
    {
        var connector = (MapNode)connectorDict.Clone();
        connector.Set("Type", SamConnector.Type);
        var properties = Expect.That(connector.Get("Properties"), sourceId, $"Connectors.{connectorId}.Properties", isAttribute: true, near: connectorDict).ToBeMap();
        var source = N.Map(("Id", sourceId));
        source.Span = properties.Span;
        properties.Set("Source", source);
        if (properties.ContainsKey("SourceReference"))
        {
            var reference = Expect.That(properties.Get("SourceReference"), sourceId, $"Connectors.{connectorId}.Properties.SourceReference").ToBeMap();
            if (reference.ContainsKey("Id"))
            {
                throw new InvalidResourceException(connectorId, "'Id' shouldn't be defined in 'SourceReference'.").Locate(reference);
            }

            foreach (var r in reference.Entries)
            {
                source.Set(r.Key, r.Value);
            }

            properties.Remove("SourceReference");
        }

        var resource = new SamConnector();
        resource.Load(fullId, connector, null);
        return resource;
    }
}
