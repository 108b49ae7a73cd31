using SamPerms.Model;
using SamPerms.Sam.Connector;
using SamPerms.Sam.Core;
using SamPerms.Sam.Core.Schema;
using SamPerms.Sam.Iam;

namespace SamPerms.Sam.GraphQLApi;

/// <summary>The AWS::AppSync::GraphQLApi itself: name, tags, authorization and logging.</summary>
public sealed partial class SamGraphQLApi
{
    private static readonly string[] OptionalApiProperties = ["Visibility", "OwnerContact"];
    private static readonly string[] OptionalLimitProperties = ["IntrospectionConfig", "QueryDepthLimit", "ResolverCountLimit"];

    private (CfnResource Api, CfnResource? CloudWatchRole, List<Node> LambdaAuthorizerArns) ConstructApi(MapNode model)
    {
        var api = NewResource(LogicalId, "AWS::AppSync::GraphQLApi");
        var name = Value(model, "Name");
        api["Name"] = Py.Truthy(name) ? name : new StringNode(LogicalId);
        foreach (var p in OptionalApiProperties)
        {
            if (Py.Truthy(Value(model, p)))
            {
                api[p] = Value(model, p);
            }
        }

        api["XrayEnabled"] = Value(model, "XrayEnabled");
        foreach (var p in OptionalLimitProperties)
        {
            if (Py.Truthy(Value(model, p)))
            {
                api[p] = Value(model, p);
            }
        }

        var lambdaAuthorizerArns = SetAuthProperties(api, (MapNode)model.Get("Auth")!);

        var tags = Value(model, "Tags") is MapNode t && t.Count > 0 ? t.ShallowCopy() : new MapNode();
        tags.Set("graphqlapi:createdBy", "SAM");
        api["Tags"] = TagList(tags);

        // Logging is on unless turned off with `false`; without a role of its own it gets one.
        var logging = Value(model, "Logging");
        if (logging is BoolNode { Value: false })
        {
            return (api, null, lambdaAuthorizerArns);
        }

        var (logConfig, role) = LoggingConfig(logging as MapNode);
        api["LogConfig"] = logConfig;
        return (api, role, lambdaAuthorizerArns);
    }

    private (MapNode LogConfig, CfnResource? Role) LoggingConfig(MapNode? logging)
    {
        var config = new MapNode();
        if (logging is not null && Py.Truthy(Value(logging, "ExcludeVerboseContent")))
        {
            config.Set("ExcludeVerboseContent", Value(logging, "ExcludeVerboseContent")!);
        }

        var level = Value(logging, "FieldLogLevel");
        config.Set("FieldLogLevel", Py.Truthy(level) ? level! : new StringNode("ALL"));
        var roleArn = Value(logging, "CloudWatchLogsRoleArn");
        if (Py.Truthy(roleArn))
        {
            config.Set("CloudWatchLogsRoleArn", roleArn!);
            return (config, null);
        }

        var role = NewResource($"{LogicalId}CloudWatchRole", "AWS::IAM::Role", "Logging");
        role["AssumeRolePolicyDocument"] = IamPolicies.AssumeRoleForService("appsync.amazonaws.com");
        role["ManagedPolicyArns"] = N.Seq(N.Sub("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSAppSyncPushToCloudWatchLogs"));
        config.Set("CloudWatchLogsRoleArn", role.GetAtt("Arn"));
        return (config, role);
    }

    /// <summary>The default authorizer and the additional ones; returns the ARNs of Lambda authorizers.</summary>
    private List<Node> SetAuthProperties(CfnResource api, MapNode auth)
    {
        var lambdaArns = new List<Node>();
        var defaultAuth = auth.ShallowCopy();
        defaultAuth.Remove("Additional");
        var (name, config) = AuthorizerConfig(defaultAuth, null);
        api["AuthenticationType"] = auth.Get("Type");
        if (name is not null && Py.Truthy(config))
        {
            api[name] = config;
            if (name == "LambdaAuthorizerConfig")
            {
                lambdaArns.Add(config!.Get("AuthorizerUri")!);
            }
        }

        var additional = new SeqNode();
        if (auth.Get("Additional") is SeqNode { Count: > 0 } list)
        {
            for (int i = 0; i < list.Count; i++)
            {
                var authorizer = (MapNode)list[i];
                var (additionalName, additionalConfig) = AuthorizerConfig(authorizer, i);
                var provider = N.Map(("AuthenticationType", authorizer.Get("Type")));
                if (additionalName is not null && Py.Truthy(additionalConfig))
                {
                    provider.Set(additionalName, additionalConfig!);
                    if (additionalName == "LambdaAuthorizerConfig")
                    {
                        lambdaArns.Add(additionalConfig!.Get("AuthorizerUri")!);
                    }
                }

                additional.Add(provider);
            }
        }

        if (additional.Count > 0)
        {
            api["AdditionalAuthenticationProviders"] = additional;
        }

        return lambdaArns;
    }

    /// <summary>
    /// The configuration property an authorizer type needs, and its value. An authorizer holds its Type and at
    /// most one configuration. (Like the reference, the first additional authorizer, index 0, is named 'Auth'.)
    /// </summary>
    private (string? Name, MapNode? Config) AuthorizerConfig(MapNode authorizer, int? index)
    {
        bool indexed = index is > 0;
        if (authorizer.Count > 2)
        {
            var keyPath = indexed ? $"'Auth.Additional.{index}'" : "'Auth'";
            throw new InvalidResourceException(LogicalId, $"{keyPath} has more than one authentication configuration defined.").Locate(Prop("Auth"));
        }

        string? property = null;
        string? configName = null;
        switch (authorizer.Get("Type")?.Str)
        {
            case "AWS_LAMBDA":
                (property, configName) = ("LambdaAuthorizer", "LambdaAuthorizerConfig");
                break;
            case "OPENID_CONNECT":
                (property, configName) = ("OpenIDConnect", "OpenIDConnectConfig");
                break;
            case "AMAZON_COGNITO_USER_POOLS":
                (property, configName) = ("UserPool", "UserPoolConfig");
                break;
        }

        if (property is null)
        {
            return (null, null);
        }

        var type = authorizer.Get("Type")!.Str;
        var keyPathOfConfig = indexed ? $"Auth.Additional.{index}.{property}" : $"Auth.{property}";
        var config = (MapNode)Expect.That(Value(authorizer, property), LogicalId, keyPathOfConfig)
            .ToNotBeNone($"'{property}' must be defined if type is '{type}'.");
        config = config.ShallowCopy();

        // Only the default authorizer's user pool has a DefaultAction.
        if (property == "UserPool" && index is not null)
        {
            config.Remove("DefaultAction");
        }

        return (configName, config);
    }

    /// <summary>AppSync may invoke each Lambda authorizer: a connector from the API to the function.</summary>
    private IList<CfnResource> LambdaAuthorizerConnector(CfnResource api, Node lambdaArn, int number, TransformContext ctx)
    {
        var connector = N.Map(
            ("Type", SamConnector.Type),
            ("Properties", N.Map(
                ("Source", N.Map(("Type", "AWS::AppSync::GraphQLApi"), ("Arn", api.Ref()), ("ResourceId", api.GetAtt("ApiId")))),
                ("Destination", N.Map(("Type", "AWS::Lambda::Function"), ("Arn", lambdaArn))),
                ("Permissions", N.Seq("Write")))));
        return RunConnector($"{api.LogicalId}ToLambdaAuthConnector{number}", connector, ctx, "Auth");
    }

    /// <summary>Expand a connector the API defines for itself, as the reference does inside this resource.</summary>
    private IList<CfnResource> RunConnector(string logicalId, MapNode connectorDict, TransformContext ctx, string propertyPath)
    {
        var connector = new SamConnector();
        connector.Load(logicalId, connectorDict, null);
        var resources = connector.ToCloudFormation(ctx);
        foreach (var r in resources)
        {
            r.Origin = OriginOf(propertyPath);
        }

        return resources;
    }
}
