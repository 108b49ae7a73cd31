using SamPerms.Tests.Support;

namespace SamPerms.Tests.Robustness;

/// <summary>
/// Inputs on which the reference translator fails with a Python error (AttributeError, TypeError): SamPerms
/// refuses them with a message in the reference's style naming the resource and the property, instead of
/// crashing or quietly dropping the value. And odd inputs the reference accepts, which SamPerms must accept too.
/// </summary>
public sealed class ReferenceFailureTests
{
    private const string Head = """
        Parameters:
          Word:
            Type: String
            Default: flat
          Count:
            Type: Number
            Default: 5
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: a.h
              CodeUri: s3://b/k.zip

        """;

    [Fact]
    public void Event_invoke_config_that_resolves_to_a_string()
    {
        Transform.AssertErrorEndsWith(Head.Replace("s3://b/k.zip", "s3://b/k.zip\n      EventInvokeConfig: !Ref Word", StringComparison.Ordinal), "Resource with id [Fn] is invalid. Property 'EventInvokeConfig' should be a map.");
    }

    [Theory]
    [InlineData("Auth: !Ref Count", "Property 'Auth' should be a map.")]
    [InlineData("Domain: !Ref Word", "Property 'Domain' should be a map.")]
    [InlineData("Routes: {$connect: just-a-string}", "Property 'Routes.$connect' should be a map.")]
    public void Web_socket_api_values_that_are_not_maps(string property, string message)
    {
        var routes = property.StartsWith("Routes", StringComparison.Ordinal) ? "" : "Routes: {$connect: {FunctionArn: !GetAtt Fn.Arn}}";
        var template = Head + $"""
              Chat:
                Type: AWS::Serverless::WebSocketApi
                Properties:
                  RouteSelectionExpression: $request.body.action
                  {routes}
                  {property}
            """;
        Transform.AssertErrorEndsWith(template, $"Resource with id [Chat] is invalid. {message}");
    }

    [Fact]
    public void Http_api_domain_that_resolves_to_a_string()
    {
        Transform.AssertErrorEndsWith(Head + """
              Gateway:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Domain: !Ref Word
            """, "Resource with id [Gateway] is invalid. Property 'Domain' should be a map.");
    }

    [Fact]
    public void State_machine_deployment_preference_that_is_not_a_map()
    {
        Transform.AssertErrorEndsWith("""
            Resources:
              Flow:
                Type: AWS::Serverless::StateMachine
                Properties:
                  Definition: {StartAt: A, States: {A: {Type: Pass, End: true}}}
                  Role: arn:aws:iam::123456789012:role/flow
                  AutoPublishAlias: live
                  DeploymentPreference: "true"
            """, "Resource with id [Flow] is invalid. Property 'DeploymentPreference' should be a map.");
    }

    [Fact]
    public void GraphQL_api_ignores_properties_it_does_not_define_as_the_reference_does()
    {
        var resources = Transform.Resources("""
            Resources:
              Graph:
                Type: AWS::Serverless::GraphQLApi
                Properties:
                  SchemaInline: "type Query { a: String }"
                  Auth: {Type: AWS_IAM}
                  NotAProperty: 1
            """);
        Assert.Equal("AWS::AppSync::GraphQLApi", resources.Resource("Graph").Get("Type")!.Str);
        Assert.DoesNotContain("NotAProperty", Transform.JsonOf(resources), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_string_is_an_empty_dict_for_pydantic_models()
    {
        var resources = Transform.Resources("""
            Resources:
              Fleet:
                Type: AWS::Serverless::CapacityProvider
                Properties:
                  VpcConfig:
                    SecurityGroupIds: [sg-1]
                    SubnetIds: [subnet-1]
                  ScalingConfig:
                    AverageCPUUtilization: ""
            """);
        Assert.Contains("\"TargetValue\":{}", Transform.JsonOf(resources.Resource("Fleet")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_generated_id_that_is_not_alphanumeric_is_refused_like_the_reference()
    {
        Transform.AssertErrorEndsWith("""
            Resources:
              Flow:
                Type: AWS::Serverless::StateMachine
                Properties:
                  Definition: {StartAt: A, States: {A: {Type: Pass, End: true}}}
                  Role: arn:aws:iam::123456789012:role/flow
                  AutoPublishAlias: [live]
            """, "Resource with id [FlowAlias['live']] is invalid. Logical ids must be alphanumeric.");
    }

    [Fact]
    public void An_empty_dead_letter_queue_is_ignored_like_the_reference()
    {
        var resources = Transform.Resources(Head.Replace("s3://b/k.zip", "s3://b/k.zip\n      DeadLetterQueue: {}", StringComparison.Ordinal));
        Assert.Null(resources.Resource("Fn").Props().Get("DeadLetterConfig"));
    }

    [Fact]
    public void Layer_architectures_given_as_a_map_are_checked_by_key_like_the_reference()
    {
        var error = Transform.Error("""
            Resources:
              Deps:
                Type: AWS::Serverless::LayerVersion
                Properties:
                  ContentUri: s3://b/layer.zip
                  CompatibleArchitectures: {Key: Value}
            """);
        Assert.Contains("is invalid. CompatibleArchitectures needs to be a list of 'x86_64' or 'arm64'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stage_name_python_calls_alphanumeric_but_no_logical_id_allows_is_refused_like_the_reference()
    {
        // "½" is a number to Python's isalnum, so the reference names the stage and the permission with it and
        // then refuses both ids.
        var outcome = Transform.Run(Head + """
                  Events:
                    Get:
                      Type: Api
                      Properties: {RestApiId: !Ref Gateway, Path: /a, Method: get}
              Gateway:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: Prod½
            """);
        Assert.Equal(
            ["Resource with id [FnGetPermissionProd½] is invalid. Logical ids must be alphanumeric.", "Resource with id [GatewayProd½Stage] is invalid. Logical ids must be alphanumeric."],
            outcome.Diagnostics.Select(d => d.Message));
    }

    [Fact]
    public void Web_socket_route_keys_are_checked_before_the_route_itself()
    {
        Transform.AssertErrorEndsWith(Head + """
              Chat:
                Type: AWS::Serverless::WebSocketApi
                Properties:
                  RouteSelectionExpression: $request.body.action
                  Routes:
                    $connect: {FunctionArn: !GetAtt Fn.Arn}
                    not-alphanumeric: x
            """, "Route key 'not-alphanumeric' must be alphanumeric. Only $connect, $disconnect, and $default special routes are supported.");
    }

    [Fact]
    public void Connector_to_a_rule_whose_targets_are_not_maps()
    {
        Transform.AssertErrorEndsWith("""
            Resources:
              Topic:
                Type: AWS::SNS::Topic
              Rule:
                Type: AWS::Events::Rule
                Properties:
                  EventPattern: {source: [x]}
                  Targets:
                    - [{Arn: !Ref Topic, Id: T}]
              Link:
                Type: AWS::Serverless::Connector
                Properties:
                  Source: {Id: Rule}
                  Destination: {Id: Topic}
                  Permissions: [Write]
            """, "Resource with id [Link] is invalid. The 'Targets' of the connected AWS::Events::Rule should be a list of maps.");
    }

    [Fact]
    public void A_parameter_whose_value_refers_to_itself_is_refused_at_the_reference()
    {
        // The reference resolves the Ref inside the value again and again until Python's RecursionError.
        var outcome = Transform.Run("""
            Parameters:
              Stage:
                Type: String
                Default: [!Ref Stage]
            Resources:
              Gateway:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  Auth: {Authorizers: !Ref Stage}
            """);
        Assert.False(outcome.Succeeded);
        var d = Assert.Single(outcome.Diagnostics);
        Assert.Equal("Structure of the SAM template is invalid. Unable to resolve {'Ref': 'Stage'}: its value refers back to itself.", d.Message);
        Assert.Equal(4, d.Span.Line);
    }

    [Fact]
    public void Merged_definitions_need_a_definition_that_is_a_map()
    {
        Transform.AssertErrorEndsWith(Head + """
                  Events:
                    Web:
                      Type: Api
                      Properties: {RestApiId: !Ref Gateway, Path: /a, Method: get}
              Gateway:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  MergeDefinitions: true
                  DefinitionBody: swagger.yaml
            """, "Resource with id [Gateway] is invalid. Property 'DefinitionBody' should be a map.");
    }

    [Fact]
    public void Open_api_components_that_are_not_a_map()
    {
        Transform.AssertErrorEndsWith("""
            Resources:
              Gateway:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  DefinitionBody:
                    openapi: 3.0.1
                    paths: {}
                    securityDefinitions: {key: {type: apiKey, name: x-api-key, in: header}}
                    components: [schemas]
            """, "Structure of the SAM template is invalid. Value of 'components' must be a dictionary according to Swagger spec.");
    }
}
