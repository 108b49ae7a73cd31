using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Sam;
using SamPerms.Sam.Core;
using SamPerms.Validation.Rules;
using SamPerms.Validation.Schema;

namespace SamPerms.Validation;

/// <summary>
/// Resources whose type starts with <c>AWS::Serverless::</c> but that SAM does not define
/// (<c>AWS::Serverless::Funtion</c>): SAM passes them through untouched and CloudFormation rejects them at deploy, so
/// every command reports them (SP2101, with the closest type) instead of showing a template without that resource.
/// The first look asks the transform's own registry of types (the schema knows the same ones, a test checks), so a
/// template without such a type costs no reading of the schema.
/// </summary>
public static class UnknownSamTypes
{
    private const string Prefix = "AWS::Serverless::";

    public static IReadOnlyList<Diagnostic> Find(MapNode? input, TransformOptions options, string? file = null)
    {
        if (input?.Get("Resources") is not MapNode resources
            || !resources.Values.Any(r => (r as MapNode)?.Get("Type")?.Str is { } t && t.StartsWith(Prefix, StringComparison.Ordinal) && !SamResourceTypes.CanResolve(t)))
        {
            return [];
        }

        var findings = new List<Diagnostic>();
        new SamSchemaRule().Check(new ValidationContext(input, [], null, options), findings);
        return [.. findings.Where(d => d.Code == DiagnosticCatalog.UnknownSamType).Select(d => d.WithFile(file))];
    }
}
