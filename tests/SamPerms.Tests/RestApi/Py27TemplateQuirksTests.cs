using SamPerms.Model;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.RestApi;

/// <summary>
/// In templates with APIs the reference works on Python 2.7 style values (py27hash_fix): this shows in the order
/// events are expanded in, and in how values print in messages (u'...' for unicode strings that are not plain
/// words, an L after ints beyond Python 2's maxint, Py27Dict / Py27UniStr as type names).
/// </summary>
public sealed class Py27TemplateQuirksTests
{
    private const string HttpApiWithAuth = """
        Resources:
          Gateway:
            Type: AWS::Serverless::HttpApi
            Properties:
              Auth:
                DefaultAuthorizer: Jwt
                Authorizers:
                  Jwt:
                    IdentitySource: $request.header.Authorization
                    JwtConfiguration: {issuer: https://issuer.example.com, audience: [a]}
          Items:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: a.h
              CodeUri: s3://b/k.zip
              Events:

        """;

    [Fact]
    public void Writing_the_events_back_regrows_their_table_and_changes_the_expansion_order()
    {
        // Both events are the $default route; the one expanded second is blamed. The plugin's update() of the
        // events regrows the Python 2.7 table, so Anything (last in the file) is expanded before List.
        Transform.AssertErrorEndsWith(HttpApiWithAuth + """
                    List:
                      Type: HttpApi
                      Properties: {}
                    Create:
                      Type: HttpApi
                      Properties: {Path: /items, Method: POST}
                    Anything:
                      Type: HttpApi
            """, "Event with id [List] is invalid. API method 'x-amazon-apigateway-any-method' defined multiple times for path '$default'.");
    }

    [Theory]
    [InlineData("{Fn::Sub: x}", "{u'Fn::Sub': 'x'}")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890L")]
    public void Event_types_print_as_python_27_values(string type, string printed)
    {
        Transform.AssertErrorEndsWith(HttpApiWithAuth + $$"""
                    Odd:
                      Type: {{type}}
            """, $"Event with id [Odd] is invalid. Resource dict has missing or invalid value for key Type. Event Type is: {printed}.");
    }

    private const string RestApiWithPolicy = """
        Resources:
          Gateway:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              Auth:
                ResourcePolicy:
                  IntrinsicVpceBlacklist: vpce
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: s3://bucket/key.zip
              Handler: index.handler
              Runtime: python3.12
              Events:
                Web:
                  Type: Api
                  Properties: {RestApiId: !Ref Gateway, Path: /a, Method: get}
        """;

    [Fact]
    public void Intrinsic_vpc_lists_are_extended_like_python_lists()
    {
        // list.extend("vpce") adds the characters, as the reference does.
        var body = (MapNode)Transform.Properties(Transform.Run(RestApiWithPolicy), "Gateway").Get("Body")!;
        var json = Transform.JsonOf(body.Get("x-amazon-apigateway-policy")!);
        Assert.Contains("\"aws:SourceVpce\":[\"v\",\"p\",\"c\",\"e\"]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void An_intrinsic_vpc_list_that_python_cannot_iterate_is_refused()
    {
        Transform.AssertErrorEndsWith(RestApiWithPolicy.Replace("IntrinsicVpceBlacklist: vpce", "IntrinsicVpceBlacklist: 5", StringComparison.Ordinal), "Structure of the SAM template is invalid. IntrinsicVpceBlacklist must be a list.");
    }

    [Fact]
    public void A_policy_in_the_definition_that_is_not_a_map_is_refused()
    {
        Transform.AssertErrorEndsWith(RestApiWithPolicy.Replace("StageName: prod", "StageName: prod\n      DefinitionBody: {swagger: '2.0', paths: {}, x-amazon-apigateway-policy: open}", StringComparison.Ordinal)
            .Replace("IntrinsicVpceBlacklist: vpce", "CustomStatements: [{Effect: Allow, Action: execute-api:Invoke}]", StringComparison.Ordinal), "Structure of the SAM template is invalid. Value of 'x-amazon-apigateway-policy' must be a dictionary according to Swagger spec.");
    }

    [Fact]
    public void Security_schemes_that_are_not_a_map_are_refused()
    {
        Transform.AssertErrorEndsWith(HttpApiWithAuth.Replace(
            "      Auth:",
            "      DefinitionBody: {openapi: 3.0.1, paths: {}, components: {securitySchemes: none}}\n      Auth:",
            StringComparison.Ordinal) + """
                    Get:
                      Type: HttpApi
                      Properties: {ApiId: !Ref Gateway, Path: /a, Method: get}
            """, "Structure of the SAM template is invalid. securitySchemes must be a dictionary.");
    }

    [Fact]
    public void Servers_given_as_a_map_are_looped_over_by_key()
    {
        // DisableExecuteApiEndpoint writes into each server; the reference loops over a map's keys (strings).
        Transform.AssertErrorEndsWith("""
            Resources:
              Gateway:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  DisableExecuteApiEndpoint: true
                  DefinitionBody:
                    openapi: 3.0.1
                    paths: {}
                    servers: {Fn::If: x}
            """, "Structure of the SAM template is invalid. Invalid OpenAPI definition of 'servers[0]': It should be a map.");
    }

    [Fact]
    public void A_vpc_list_python_cannot_loop_over_is_not_a_list_of_strings()
    {
        Transform.AssertErrorEndsWith(RestApiWithPolicy.Replace("IntrinsicVpceBlacklist: vpce", "SourceVpcWhitelist: 5", StringComparison.Ordinal), "Structure of the SAM template is invalid. SourceVpcWhitelist must be a list of strings. Use IntrinsicVpcWhitelist instead for values that use Intrinsic Functions");
    }

    [Fact]
    public void Open_api_tags_that_are_not_maps_are_refused()
    {
        Transform.AssertErrorEndsWith("""
            Resources:
              Gateway:
                Type: AWS::Serverless::HttpApi
                Properties:
                  Tags: {team: web}
                  DefinitionBody:
                    openapi: 3.0.1
                    paths: {}
                    tags: [web]
            """, "Structure of the SAM template is invalid. Every tag in OpenApi DefinitionBody needs to be a map. web is a str not a map.");
    }
}
