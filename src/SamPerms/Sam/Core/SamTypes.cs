using SamPerms.Model;

namespace SamPerms.Sam.Core;

/// <summary>Which resources the reference's Globals and plugins treat as SAM resources (the expanders are registered in <c>Sam/SamResourceTypes</c>).</summary>
public static class SamTypes
{
    /// <summary>The types the reference's Globals and parser treat as SAM resources.</summary>
    public static readonly IReadOnlySet<string> GlobalsTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "AWS::Serverless::Api", "AWS::Serverless::Function", "AWS::Serverless::SimpleTable", "AWS::Serverless::Application",
        "AWS::Serverless::LayerVersion", "AWS::Serverless::HttpApi", "AWS::Serverless::WebSocketApi",
        "AWS::Serverless::StateMachine", "AWS::Serverless::CapacityProvider",
    };

    /// <summary>The reference's SamResource.valid(): a SAM type (after checking Condition is a string).</summary>
    public static bool IsSamResource(MapNode resource)
    {
        if (resource.Get("Condition") is { } c && Py.Truthy(c) && c is not StringNode)
        {
            throw new InvalidDocumentException([new InvalidTemplateException("Every Condition member must be a string.").Locate(c)]);
        }

        return resource.Get("Type") is StringNode t && GlobalsTypes.Contains(t.Value);
    }
}
