namespace SamPerms.Permissions.Effective;

/// <summary>
/// Every effective-access check that notes something about a subject. A new check is one class and one line here.
/// </summary>
internal static class SubjectNotes
{
    private static readonly IReadOnlyList<Func<AnalysisContext, Subject, IEnumerable<SubjectNote>>> Checks =
    [
        IgnoredPolicies.For,
        FunctionNeeds.For,
        DeliveryNeeds.For,
        KeyNeeds.For,
        KeyUseNeeds.For,
        Workflows.WorkflowNeeds.For,
    ];

    public static IReadOnlyList<SubjectNote> For(AnalysisContext ctx, Subject subject) =>
        Checks.SelectMany(check => check(ctx, subject)).ToList();
}
