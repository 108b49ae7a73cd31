using SamPerms.Data;
using SamPerms.Model;

namespace SamPerms.Validation.CloudFormation;

/// <summary>A CloudFormation resource to check against its type's schema: its logical id, node, type and schema.</summary>
public sealed record PlainResource(string LogicalId, MapNode Node, string Type, CfnResourceType? Schema);

/// <summary>
/// The CloudFormation resources of a template as CloudFormation receives them: those of SAM's output when SAM
/// accepts the template (the author's own and those SAM generates), else the author's own non-SAM resources.
/// </summary>
public static class PlainResources
{
    public static IEnumerable<PlainResource> Of(ValidationContext context)
    {
        var resources = context.Output is not null ? context.OutputResources : context.InputResources;
        foreach (var e in resources.Entries)
        {
            if (e.Value is MapNode r && r.Get("Type") is StringNode { Value: var type } && !type.StartsWith("AWS::Serverless::", StringComparison.Ordinal))
            {
                yield return new PlainResource(e.Key, r, type, CfnResourceTypes.Find(type));
            }
        }
    }

    /// <summary>Whether the namespace of a type is CloudFormation's own (its registry's other types are not checked).</summary>
    public static bool IsAwsNamespace(string type) =>
        (type.StartsWith("AWS::", StringComparison.Ordinal) || type.StartsWith("Alexa::", StringComparison.Ordinal))
        && !type.EndsWith("::MODULE", StringComparison.Ordinal);
}
