using SamPerms.Model;

namespace SamPerms.Sam.Core;

/// <summary>What a template finisher (run once after every SAM resource is expanded) may touch: the context, the output Resources (with origins) and the error list.</summary>
public sealed class FinisherOutput(TransformContext context, MapNode resources, IDictionary<string, Origin> origins, ICollection<SamException> errors)
{
    public TransformContext Context { get; } = context;

    public MapNode Resources { get; } = resources;

    public IDictionary<string, Origin> Origins { get; } = origins;

    /// <summary>Errors the finisher reports without stopping (the reference collects them with the others).</summary>
    public ICollection<SamException> Errors { get; } = errors;

    /// <summary>Adds (or replaces, as the reference's dict update does) a generated resource.</summary>
    public void Add(CfnResource resource)
    {
        Resources.Set(resource.LogicalId, resource.ToNode());
        if (resource.Origin is { } origin)
        {
            Origins[resource.LogicalId] = origin;
        }
    }
}
