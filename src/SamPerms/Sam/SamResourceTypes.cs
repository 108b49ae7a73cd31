using SamPerms.Sam.Application;
using SamPerms.Sam.CapacityProvider;
using SamPerms.Sam.Connector;
using SamPerms.Sam.Core;
using SamPerms.Sam.Function;
using SamPerms.Sam.StateMachine;
using SamPerms.Sam.GraphQLApi;
using SamPerms.Sam.LayerVersion;
using SamPerms.Sam.SimpleTable;
using SamPerms.Sam.HttpApi;
using SamPerms.Sam.WebSocketApi;

namespace SamPerms.Sam;

/// <summary>The SAM resource types the transform expands, each with the class that does it.</summary>
public static class SamResourceTypes
{
    private static readonly Dictionary<string, Func<SamResource>> Factories = new(StringComparer.Ordinal)
    {
        ["AWS::Serverless::Function"] = () => new SamFunction(),
        ["AWS::Serverless::StateMachine"] = () => new SamStateMachine(),
        ["AWS::Serverless::SimpleTable"] = () => new SamSimpleTable(),
        ["AWS::Serverless::LayerVersion"] = () => new SamLayerVersion(),
        ["AWS::Serverless::Application"] = () => new SamApplication(),
        ["AWS::Serverless::Connector"] = () => new SamConnector(),
        ["AWS::Serverless::CapacityProvider"] = () => new SamCapacityProvider(),
        ["AWS::Serverless::GraphQLApi"] = () => new SamGraphQLApi(),
        [SamHttpApi.Type] = () => new SamHttpApi(),
        [SamWebSocketApi.Type] = () => new SamWebSocketApi(),
        [Api.Rest.SamApi.Type] = () => new Api.Rest.SamApi(),
    };

    /// <summary>Every SAM type the transform expands.</summary>
    public static IEnumerable<string> Names => Factories.Keys;

    public static bool CanResolve(string? type) => type is not null && Factories.ContainsKey(type);

    public static SamResource Create(string type) => Factories[type]();
}
