using SamPerms.Model;
using SamPerms.Sam.Deployment;

namespace SamPerms.Sam.Core;

/// <summary>
/// Work done once after every SAM resource is expanded and before the after-template plugins, in the
/// reference's order (e.g. CodeDeploy resources shared by all functions with a DeploymentPreference).
/// The list is fixed: a feature that needs such a step adds a named entry here.
/// </summary>
public static class TemplateFinishers
{
    /// <summary>What a finisher may touch: the context, the output Resources (with origins) and the error list.</summary>
    public sealed class Output(TransformContext context, MapNode resources, IDictionary<string, Origin> origins, ICollection<SamException> errors)
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

    public sealed record Finisher(string Name, Action<Output> Run);

    public static readonly IReadOnlyList<Finisher> All =
    [
        new("CodeDeploy", CodeDeployFinisher.Finish),
    ];
}
