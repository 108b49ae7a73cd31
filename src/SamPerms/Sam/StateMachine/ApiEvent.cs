using SamPerms.Model;
using SamPerms.Output;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.StateMachine;

/// <summary>
/// Api: a method of a REST API that starts the state machine. SAM creates a role trusted by
/// apigateway.amazonaws.com and, when SAM manages the API's swagger, adds an "aws" integration calling
/// states:StartExecution with that role and a request template passing the body as the execution input.
/// </summary>
public sealed class ApiEvent : StateMachineEventSource
{
    private static readonly PropertyTable Table = new(
        ("Path", PropertySpec.Mandatory(V.Str)),
        ("Method", PropertySpec.Mandatory(V.Str)),
        ("RestApiId", PropertySpec.Mandatory(V.Str)),
        ("Stage", PropertySpec.Optional(V.Str)),
        ("Auth", PropertySpec.Optional(V.Dict)),
        ("UnescapeMappingTemplate", PropertySpec.Strict(V.Bool)));

    private RestApiLink? _link;

    public override string Type => "Api";

    protected override PropertyTable PropertyTypes => Table;

    protected override string Principal => "apigateway.amazonaws.com";

    public override void LinkResources(TransformContext ctx, SamResource owner) =>
        _link = RestApiIntegration.Current?.LinkRestApi(ctx.SamResources, RelativeId, Prop("RestApiId"));

    public override IList<CfnResource> ToCloudFormation(StateMachineEventContext ectx)
    {
        // The method is matched case-insensitively: GET and get are the same.
        var method = Prop("Method") is StringNode m ? m.Value.ToLowerInvariant() : Py.Str(Prop("Method"));
        var role = ConstructRole(ectx);
        var integration = RestApiIntegration.Current;
        if (integration is not null && _link?.ExplicitApi is { } api && Py.Truthy(api.Get("__MANAGE_SWAGGER")))
        {
            AddSwaggerIntegration(integration, api, _link.ApiId, method, ectx, role);
        }

        return [role];
    }

    private void AddSwaggerIntegration(IRestApiIntegration integration, MapNode api, string? apiId, string method, StateMachineEventContext ectx, CfnResource role)
    {
        if (api.Get("DefinitionBody") is not { } body || body is NullNode)
        {
            return;
        }

        var path = Py.Str(Prop("Path"));
        var editor = integration.OpenSwagger(body);
        if (editor.HasIntegration(path, method))
        {
            throw Error($"API method \"{method}\" defined multiple times for path \"{path}\".", Prop("Method"));
        }

        var uri = N.Sub("arn:${AWS::Partition}:apigateway:${AWS::Region}:states:action/StartExecution");
        var condition = ectx.Target.Attributes.Get("Condition");
        editor.AddStateMachineIntegration(path, method, uri, role.GetAtt("Arn"), RequestTemplates(ectx.Target.LogicalId), condition);

        if (Py.Truthy(Prop("Auth")))
        {
            integration.AddAuthToSwagger((MapNode)Prop("Auth")!, api, apiId, RelativeId, method, path, Prop("Stage"), editor, ectx.Transform);
        }

        api.Set("DefinitionBody", editor.Swagger);
    }

    /// <summary>
    /// The body mapping template: the request JSON as the execution input, and the target's ARN. With
    /// UnescapeMappingTemplate, the single quotes escapeJavaScript escapes are put back so the input is valid JSON.
    /// </summary>
    private MapNode RequestTemplates(string targetLogicalId)
    {
        string template;
        if (Py.Truthy(Prop("UnescapeMappingTemplate")))
        {
            template = "{\"input\": \"$util.escapeJavaScript($input.json('$')).replaceAll(\"\\\\'\",\"'\")\", \"stateMachineArn\": \"${"
                + targetLogicalId + "}\"}";
        }
        else
        {
            var body = N.Map(("input", "$util.escapeJavaScript($input.json('$'))"), ("stateMachineArn", "${" + targetLogicalId + "}"));
            template = JsonText.PyDumps(body, sortKeys: false, compact: false);
        }

        return N.Map(("application/json", N.Sub(template)));
    }
}
