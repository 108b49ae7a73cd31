using SamPerms.Diagnostics;
using SamPerms.Permissions.Effective;

namespace SamPerms.Validation.Rules;

/// <summary>
/// SP3201: a grant of a function's or state machine's role that its permissions boundary blocks, in whole or in
/// part, reported at the grant (the line whose permission will not work), naming the boundary's line. A boundary
/// not known before deploy is no finding (nothing certain to say).
/// </summary>
public sealed class OutsideBoundaryRule : IValidationRule
{
    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.OutsideBoundaryDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        if (context.PermissionMap is not { Values: { } values } map)
        {
            return;
        }

        var seen = new HashSet<(Text.SourceSpan, string)>();
        foreach (var subject in map.Subjects)
        {
            if (subject.Boundary is not { Known: true } boundary)
            {
                continue;
            }

            foreach (var grant in subject.MayDo)
            {
                var verdict = BoundaryCheck.Of(subject, grant, values);
                if (verdict.Standing is not (GrantStanding.Outside or GrantStanding.PartlyOutside) || !seen.Add((grant.Source.Span, subject.LogicalId)))
                {
                    continue;
                }

                var path = context.Index.At(grant.Source.Span)?.Path;
                var at = grant.Source.Span.IsKnown ? grant.Source.Span : subject.Source.Span;
                var what = grant.Template is { } t ? "policy template " + t.Name
                    : grant.ManagedPolicyArn is not null ? "managed policy " + grant.PolicyName : grant.Source.Description;
                var message = verdict.Standing == GrantStanding.Outside
                    ? $"{what} of {subject.SamLogicalId} grants nothing: the permission boundary {boundary.Name}{Line(boundary)} allows none of it"
                    : $"{what} of {subject.SamLogicalId} grants only part of what it lists: the permission boundary {boundary.Name}{Line(boundary)} does not allow {string.Join(", ", verdict.Outside.Take(6))}{(verdict.Outside.Count > 6 ? $" and {verdict.Outside.Count - 6} more" : "")}";
                findings.Add(DiagnosticCatalog.OutsideBoundaryDescriptor.At(at, message, path));
            }
        }
    }

    private static string Line(PermissionBoundary boundary) =>
        boundary.Source.Span.IsKnown ? $" (line {boundary.Source.Span.Line})" : "";
}
