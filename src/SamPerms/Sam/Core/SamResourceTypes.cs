using SamPerms.Sam.Function;

namespace SamPerms.Sam.Core;

/// <summary>The SAM resource types the transform expands, each with the class that does it.</summary>
public static class SamResourceTypes
{
    private static readonly Dictionary<string, Func<SamResource>> Factories = new(StringComparer.Ordinal)
    {
        ["AWS::Serverless::Function"] = () => new SamFunction(),
        [Api.Rest.SamApi.Type] = () => new Api.Rest.SamApi(),
    };

    /// <summary>The types the reference's Globals and parser treat as SAM resources.</summary>
    public static readonly IReadOnlySet<string> GlobalsTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "AWS::Serverless::Api", "AWS::Serverless::Function", "AWS::Serverless::SimpleTable", "AWS::Serverless::Application",
        "AWS::Serverless::LayerVersion", "AWS::Serverless::HttpApi", "AWS::Serverless::WebSocketApi",
        "AWS::Serverless::StateMachine", "AWS::Serverless::CapacityProvider",
    };

    public static bool CanResolve(string? type) => type is not null && Factories.ContainsKey(type);

    public static SamResource Create(string type) => Factories[type]();
}
