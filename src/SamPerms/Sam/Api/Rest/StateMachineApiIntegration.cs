using SamPerms.Model;
using SamPerms.Sam.Api.OpenApi;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.Rest;

/// <summary>
/// A state machine's Api event written into a SAM-managed REST API definition (the reference's
/// stepfunctions Api._add_swagger_integration): a StartExecution integration with the event's role as
/// credentials, then the event's Auth. For the state machine's event source to call.
/// </summary>
public static class StateMachineApiIntegration
{
    /// <param name="api">The API's Properties in the SAM template (<see cref="RestApiLink.ExplicitApi"/>).</param>
    /// <param name="path">The event's Path (keep its unicode flag: <see cref="PyName.Of"/>).</param>
    /// <param name="method">The event's Method, lower-cased.</param>
    /// <param name="credentials">The role's ARN (GetAtt of the generated role).</param>
    /// <param name="requestTemplates">{"application/json": Fn::Sub of the mapping template}.</param>
    /// <param name="stage">The event's own Stage property (usually absent), as the reference passes it.</param>
    public static void Add(MapNode api, string apiId, string eventId, PyName path, PyName method, Node? auth, Node? condition,
        Node credentials, Node? requestTemplates, Node? stage, IntrinsicsResolver resolver, DefinitionEdits edits)
    {
        var body = api.Get("DefinitionBody");
        if (body is null or NullNode)
        {
            return;
        }

        var uri = N.Sub("arn:${AWS::Partition}:apigateway:${AWS::Region}:states:action/StartExecution");
        edits.Run(() =>
        {
            var editor = new SwaggerEditor(body, edits.InPlace);
            if (editor.HasIntegration(path, method))
            {
                throw new InvalidEventException(eventId, $"API method \"{method}\" defined multiple times for path \"{path}\".");
            }

            editor.AddStateMachineIntegration(path, method, uri, credentials, requestTemplates, condition);
            if (auth is MapNode authMap && Py.Truthy(authMap))
            {
                ApiEventAuth.AddAuthToSwagger(authMap, api, apiId, eventId, method, path, stage, editor, resolver);
            }

            api.Set("DefinitionBody", editor.Document);
        });
    }
}
