using SamPerms.Model;
using SamPerms.Model.Py27;
using SamPerms.Sam.Api.OpenApi;
using SamPerms.Sam.Api.Plugins;
using SamPerms.Sam.Api.Rest;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.StateMachine;

/// <summary>
/// Api: a method of a REST API that starts the state machine. SAM creates a role trusted by
/// apigateway.amazonaws.com and, when SAM manages the API's swagger, adds an "aws" integration calling
/// states:StartExecution with that role and a request template passing the body as the execution input
/// (the REST API's <see cref="StateMachineApiIntegration"/>).
/// </summary>
public sealed class StateMachineApiEvent : StateMachineEventSource
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
        _link = RestApiLink.Resolve(ctx.SamResources, RelativeId, Prop("RestApiId"));

    public override IList<CfnResource> ToCloudFormation(StateMachineEventContext ectx)
    {
        var ctx = ectx.Transform;
        _link ??= RestApiLink.Resolve(ctx.SamResources, RelativeId, Prop("RestApiId"));

        // The method is matched case-insensitively: GET and get are the same (a unicode name stays unicode).
        var method = PyName.Of(Prop("Method")).Lower();
        var role = ConstructRole(ectx);

        // The reference reads the API's properties unconditionally; an API id that is not a name fails here.
        var api = _link.ExplicitApi ?? throw new InvalidEventException(RelativeId, "'NoneType' object has no attribute 'get'");
        if (Py.Truthy(api.Get(DefaultDefinitionBodyPlugin.ManageSwagger)))
        {
            StateMachineApiIntegration.Add(
                api,
                Py.Str(_link.ApiId),
                RelativeId,
                PyName.Of(Prop("Path")),
                method,
                Prop("Auth"),
                ectx.Target.Attributes.Get("Condition"),
                role.GetAtt("Arn"),
                RequestTemplates(ectx.Target.LogicalId),
                Prop("Stage"),
                ctx.Intrinsics,
                ctx.State<DefinitionEdits>());
        }

        return [role];
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
            template = PyJson.Dumps(body, sortKeys: false, compact: false);
        }

        return N.Map(("application/json", N.Sub(template)));
    }
}
