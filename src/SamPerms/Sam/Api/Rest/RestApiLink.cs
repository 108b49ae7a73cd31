using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.Rest;

/// <summary>
/// What an Api event learns about the REST API it names (the reference's resources_to_link_for_rest_api): the
/// API's Properties in the SAM template (which the event edits), its id, and the permission suffix (its
/// StageName, "Stage" when that is an intrinsic, "AllStages" when the API is not in the template).
/// </summary>
public sealed record RestApiLink(MapNode? ExplicitApi, Node? ApiId, StringNode Stage)
{
    public string StageSuffix => Stage.Value;

    /// <summary>A {"Ref": X} gives X; anything else is returned as is.</summary>
    public static Node? RestApiIdString(Node? restApiId) =>
        restApiId is MapNode m && m.TryGet("Ref", out var r) ? r : restApiId;

    public static RestApiLink Resolve(MapNode samResources, string relativeId, Node? rawRestApiId)
    {
        var suffix = new StringNode("AllStages");
        MapNode? properties = null;
        var apiId = RestApiIdString(rawRestApiId);
        if (apiId is StringNode id)
        {
            var resource = Expect.That(samResources.Get(id.Value), relativeId, "RestApiId", isEvent: true)
                .ToBeMap("RestApiId property of Api event must reference a valid resource in the same template.");
            properties = Expect.That(resource.Get("Properties") ?? new MapNode(), id.Value, "Properties", isAttribute: true).ToBeMap();
            var stage = properties.Get("StageName");
            if (stage is StringNode s)
            {
                if (s.Value.Length == 0)
                {
                    throw new InvalidResourceException(id.Value, "StageName cannot be empty.");
                }

                suffix = s;
            }
            else
            {
                suffix = new StringNode("Stage");
            }
        }

        return new RestApiLink(properties, apiId, suffix);
    }
}
