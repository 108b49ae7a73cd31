using SamPerms.Model;
using SamPerms.Yaml;

namespace SamPerms.Data;

/// <summary>
/// What a connector from one resource type to another generates: the kind of resource (a managed policy on a
/// role, a queue or topic policy, Lambda permissions), whether the source or the destination carries it, the
/// access categories (Read, Write) with their statements, and optional rules (valid combinations, a DependsOn).
/// Strings may hold <c>%{Source.Arn}</c>-style variables the connector replaces.
/// </summary>
public sealed record ConnectorProfile(
    string Kind,
    bool SourcePolicy,
    string? DependedBy,
    IReadOnlyList<IReadOnlyList<string>>? ValidCombinations,
    MapNode Categories);

/// <summary>The connector profiles, derived from SAM's connector profiles (see regenerate.py).</summary>
public static class ConnectorProfileTable
{
    private static readonly Lazy<(MapNode Connections, MapNode Endpoints)> Table = new(Load);

    /// <summary>The profile for a connection, a fresh copy the caller may edit; null when unsupported.</summary>
    public static ConnectorProfile? Get(string sourceType, string destinationType)
    {
        if ((Table.Value.Connections.Get(sourceType) as MapNode)?.Get(destinationType) is not MapNode p)
        {
            return null;
        }

        var combinations = (p.Get("ValidCombinations") as SeqNode)?.Items
            .Select(c => (IReadOnlyList<string>)((SeqNode)c).Items.Select(i => i.Str!).ToArray())
            .ToArray();
        return new ConnectorProfile(
            p.Get("Kind")!.Str!,
            p.Get("SourcePolicy") is BoolNode { Value: true },
            p.Get("DependedBy")?.Str,
            combinations,
            (MapNode)p.Get("Categories")!.Clone());
    }

    /// <summary>
    /// How a resource type is seen by connectors: <c>Inputs</c> (where its role is) and <c>Outputs</c> (its ARN,
    /// URL, id, name, qualifier, with <c>%{logicalId}</c> to fill in). A fresh copy; empty for unknown types.
    /// </summary>
    public static MapNode Endpoint(string resourceType) =>
        Table.Value.Endpoints.Get(resourceType)?.Clone() as MapNode ?? new MapNode();

    private static (MapNode, MapNode) Load()
    {
        var root = (MapNode)TemplateReader.ReadText(EmbeddedData.ReadText("connector-profiles.json")).Root!;
        return ((MapNode)root.Get("Connections")!, (MapNode)root.Get("Endpoints")!);
    }
}
