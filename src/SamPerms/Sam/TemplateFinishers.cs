using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Deployment;

namespace SamPerms.Sam;

/// <summary>
/// Work done once after every SAM resource is expanded and before the after-template plugins, in the
/// reference's order (e.g. CodeDeploy resources shared by all functions with a DeploymentPreference).
/// The list is fixed: a feature that needs such a step adds a named entry here.
/// </summary>
public static class TemplateFinishers
{
    public sealed record Finisher(string Name, Action<FinisherOutput> Run);

    public static readonly IReadOnlyList<Finisher> All =
    [
        new("CodeDeploy", CodeDeployFinisher.Finish),
    ];
}
