using SamPerms.Model;
using SamPerms.Permissions;
using SamPerms.Permissions.Explain;

namespace SamPerms.Pipeline;

/// <summary>
/// <c>explain</c>'s front door: the template read, transformed and mapped, then every SAM resource (or the ones
/// named) explained. <see cref="Unknown"/> lists named ids that are not SAM resources of the template. A resource
/// type SAM does not know (<c>AWS::Serverless::Funtion</c>) is an error (the run's UnknownTypes), nothing explained.
/// </summary>
public sealed record Explanation(TemplateRun Run, ExplainReport? Report, IReadOnlyList<string> Unknown, IReadOnlyList<string> Known)
{
    public static Explanation Of(string path, TransformOptions options, IReadOnlyCollection<string> only)
    {
        var run = TemplateRun.Mapped(path, options);
        if (!run.Succeeded)
        {
            return new Explanation(run, null, [], []);
        }

        if (!run.Accepted)
        {
            return new Explanation(run, null, [], []);
        }

        var all = ExplainBuilder.Build(run.Outcome!, run.Map!.Values!, null, run.Map);
        var known = all.Resources.Select(r => r.LogicalId).ToList();
        var unknown = only.Where(id => !known.Contains(id, StringComparer.Ordinal)).ToList();
        var report = only.Count == 0 ? all : all with { Resources = all.Resources.Where(r => only.Contains(r.LogicalId)).ToList() };
        return new Explanation(run, report, unknown, known);
    }
}
