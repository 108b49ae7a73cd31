using SamPerms.Diagnostics;

namespace SamPerms.Validation.Iam;

/// <summary>Placing and describing findings about a statement of the output template.</summary>
public static class StatementFindings
{
    /// <summary>The item itself when it was written in the template, else the statement, the document, or the SAM property that generated it.</summary>
    public static Location Where(ValidationContext context, PolicyStatementAt statement, Model.Node? item = null) =>
        context.Locate(statement.Policy.ResourceId, item, statement.Statement.Node, statement.Policy.Document);

    /// <summary>" (policy P of R, generated from S)", for messages.</summary>
    public static string Describe(ValidationContext context, PolicyStatementAt statement)
    {
        var p = statement.Policy;
        var generated = context.GeneratedFrom(p.ResourceId) is { } sam ? $", generated from {sam}" : "";
        return $" ({p.Name} of {p.ResourceId}{generated})";
    }

    public static Diagnostic Make(ValidationContext context, DiagnosticDescriptor code, PolicyStatementAt statement, Model.Node? item, string message)
    {
        var at = Where(context, statement, item);
        return code.At(at.Span, message + Describe(context, statement), at.Path);
    }
}
