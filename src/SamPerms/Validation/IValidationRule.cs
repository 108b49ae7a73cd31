using SamPerms.Diagnostics;

namespace SamPerms.Validation;

/// <summary>One check of a template. Rules are small sealed classes under Rules/, registered in <see cref="RuleRegistry"/>.</summary>
public interface IValidationRule
{
    /// <summary>The codes this rule reports (each code belongs to exactly one rule).</summary>
    IReadOnlyList<DiagnosticDescriptor> Reports { get; }

    /// <summary>Adds this rule's findings about the template to <paramref name="findings"/>.</summary>
    void Check(ValidationContext context, List<Diagnostic> findings);
}
