using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.StateMachine;

/// <summary>
/// What a state machine's Api event needs from the REST API support (the reference's push.Api helpers and
/// SwaggerEditor). The REST API work implements it; <see cref="RestApiIntegration.Current"/> is where it is
/// plugged in. Without it, Api events still create their role but leave the API's swagger alone.
/// </summary>
public interface IRestApiIntegration
{
    /// <summary>
    /// The reference's Api.resources_to_link_for_rest_api: the explicit API's Properties map in the SAM template
    /// (the one to edit), its logical id, and the stage suffix. Throws the reference's errors for a bad RestApiId.
    /// </summary>
    RestApiLink LinkRestApi(MapNode samResources, string relativeId, Node? restApiId);

    /// <summary>SwaggerEditor(definition_body): throws the reference's errors when the document is not valid.</summary>
    IStateMachineSwaggerEditor OpenSwagger(Node definitionBody);

    /// <summary>
    /// The reference's Api.add_auth_to_swagger: checks the event's Auth against the API's Auth and writes the
    /// method's security, API key requirement and resource policy into the editor.
    /// </summary>
    void AddAuthToSwagger(MapNode eventAuth, MapNode api, string? apiId, string eventId, string method, string path, Node? stage, IStateMachineSwaggerEditor editor, TransformContext ctx);
}

/// <summary>The part of SwaggerEditor a state machine's Api event uses.</summary>
public interface IStateMachineSwaggerEditor
{
    /// <summary>The reference's has_integration(path, method).</summary>
    bool HasIntegration(string path, string method);

    /// <summary>
    /// The reference's add_state_machine_integration: an "aws" integration (POST to <paramref name="integrationUri"/>,
    /// with <paramref name="credentials"/>, 200/400 responses, the request templates), wrapped in the condition if any.
    /// </summary>
    void AddStateMachineIntegration(string path, string method, Node integrationUri, Node credentials, MapNode requestTemplates, Node? condition);

    /// <summary>The edited document (the reference's editor.swagger).</summary>
    Node Swagger { get; }
}

/// <summary>What resources_to_link_for_rest_api returns: explicit_api, api_id, explicit_api_stage.suffix.</summary>
public sealed record RestApiLink(MapNode? ExplicitApi, string? ApiId, string StageSuffix);

/// <summary>Where the REST API support plugs into state machine Api events.</summary>
public static class RestApiIntegration
{
    /// <summary>Set once at start-up by the REST API support; null until it exists.</summary>
    public static IRestApiIntegration? Current { get; set; }
}
