using SamPerms.Diagnostics;
using SamPerms.Model;

namespace SamPerms.Validation.Rules;

/// <summary>
/// The fixed shapes of a CloudFormation template: sections that must be mappings, and resource attributes that
/// must be strings, lists or mappings. Each wrong value is reported at the value, naming the type expected.
/// </summary>
public sealed class StructureTypesRule : IValidationRule
{
    private static readonly string[] MapSections = ["Parameters", "Mappings", "Conditions", "Resources", "Outputs", "Metadata", "Globals", "Rules"];
    private static readonly string[] StringSections = ["AWSTemplateFormatVersion", "Description"];

    public IReadOnlyList<DiagnosticDescriptor> Reports { get; } = [DiagnosticCatalog.WrongTypeDescriptor];

    public void Check(ValidationContext context, List<Diagnostic> findings)
    {
        if (context.Input is not { } template)
        {
            return;
        }

        foreach (var name in MapSections)
        {
            Expect(context, template, name, "", "a mapping", v => v is MapNode, findings);
        }

        foreach (var name in StringSections)
        {
            Expect(context, template, name, "", "a string", v => v is StringNode, findings);
        }

        Expect(context, template, "Transform", "", "a string or a list", v => v is StringNode or SeqNode or MapNode, findings);
        EachEntry(context, template, "Parameters", "a mapping with a Type", findings);
        EachEntry(context, template, "Outputs", "a mapping with a Value", findings);
        if (template.Get("Resources") is not MapNode resources)
        {
            return;
        }

        foreach (var e in resources.Entries)
        {
            if (e.Value is not MapNode r)
            {
                continue; // SAM itself reports a resource that is not a mapping.
            }

            var what = $"resource {e.Key}";
            if (!r.ContainsKey("Type"))
            {
                var at = context.WhereKey(resources, e.Key);
                findings.Add(DiagnosticCatalog.WrongTypeDescriptor.At(at.Span, $"{what} has no Type", at.Path));
            }

            Expect(context, r, "Type", what, "a string", v => v is StringNode, findings);
            Expect(context, r, "Properties", what, "a mapping", v => v is MapNode, findings);
            Expect(context, r, "Condition", what, "a string (the name of a condition)", v => v is StringNode, findings);
            Expect(context, r, "DependsOn", what, "a logical id or a list of logical ids", v => v is StringNode || (v is SeqNode s && s.Items.All(i => i is StringNode)), findings);
            Expect(context, r, "Metadata", what, "a mapping", v => v is MapNode, findings);
            Expect(context, r, "DeletionPolicy", what, "a string", v => v is StringNode || Intrinsics.IsIntrinsic(v), findings);
            Expect(context, r, "UpdateReplacePolicy", what, "a string", v => v is StringNode || Intrinsics.IsIntrinsic(v), findings);
        }
    }

    private static void EachEntry(ValidationContext context, MapNode template, string section, string expected, List<Diagnostic> findings)
    {
        if (template.Get(section) is not MapNode entries)
        {
            return;
        }

        foreach (var e in entries.Entries)
        {
            if (e.Value is not MapNode)
            {
                var at = context.Where(e.Value);
                findings.Add(DiagnosticCatalog.WrongTypeDescriptor.At(at.Span, $"{section} entry '{e.Key}' should be {expected}, not {Describe(e.Value)}", at.Path));
            }
        }
    }

    private static void Expect(ValidationContext context, MapNode owner, string key, string what, string expected, Func<Node, bool> ok, List<Diagnostic> findings)
    {
        if (owner.Get(key) is not { } value || value is NullNode && what.Length > 0 || ok(value))
        {
            return;
        }

        var at = context.Where(value);
        var subject = what.Length == 0 ? $"section '{key}'" : $"'{key}' of {what}";
        findings.Add(DiagnosticCatalog.WrongTypeDescriptor.At(at.Span, $"{subject} should be {expected}, not {Describe(value)}", at.Path));
    }

    /// <summary>A value's kind in words, for messages.</summary>
    public static string Describe(Node value) => value switch
    {
        MapNode m when Intrinsics.IsIntrinsic(m) => $"an intrinsic function ({m.Entries[0].Key})",
        MapNode => "a mapping",
        SeqNode => "a list",
        StringNode => "a string",
        IntNode or FloatNode => "a number",
        BoolNode => "a boolean",
        _ => "null",
    };
}
