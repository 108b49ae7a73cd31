using SamPerms.Model;

namespace SamPerms.Sam.Core;

/// <summary>
/// Work done once after every SAM resource is expanded and before the after-template plugins, in the
/// reference's order (e.g. CodeDeploy resources shared by all functions with a DeploymentPreference).
/// Each receives the context, the output Resources, and the origins map to record what it adds.
/// </summary>
public static class TemplateFinishers
{
    public delegate void Finisher(TransformContext ctx, MapNode outputResources, Dictionary<string, Origin> origins);

    public static readonly List<Finisher> All = [];
}
