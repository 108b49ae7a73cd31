using System.Text.RegularExpressions;
using SamPerms.Model;
using SamPerms.Model.Py27;
using SamPerms.Sam.Api.OpenApi;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Api.Rest;

/// <summary>
/// A function's Api event (the reference's push.Api): a Lambda permission for API Gateway on the method's ARN,
/// and, when SAM manages the API's definition, the aws_proxy integration with the event's auth, timeout,
/// request model and parameters written into it.
/// </summary>
public sealed partial class ApiEvent : EventSource
{
    public const string EventType = "Api";
    private const string Principal = "apigateway.amazonaws.com";

    private static readonly PropertyTable Table = new(
        ("Path", PropertySpec.Mandatory(V.Str)),
        ("Method", PropertySpec.Mandatory(V.Str)),
        ("RestApiId", PropertySpec.Mandatory(V.Str)),
        ("Stage", PropertySpec.Optional(V.Str)),
        ("Auth", PropertySpec.Optional(V.Dict)),
        ("RequestModel", PropertySpec.Optional(V.Dict)),
        ("RequestParameters", PropertySpec.Optional(V.List)),
        ("TimeoutInMillis", PropertySpec.Optional(V.Int)),
        ("ResponseTransferMode", PropertySpec.Optional(V.Str)));

    private RestApiLink? _link;

    public override string Type => EventType;

    protected override PropertyTable PropertyTypes => Table;

    private PyName Path => PyName.Of(Prop("Path"));

    /// <summary>The method, lower-cased (a unicode name stays unicode).</summary>
    private PyName Method { get; set; }

    public override void LinkResources(TransformContext ctx, SamResource owner)
    {
        _link = RestApiLink.Resolve(ctx.SamResources, RelativeId, Prop("RestApiId"));
    }

    public override IList<CfnResource> ToCloudFormation(EventContext ectx)
    {
        var ctx = ectx.Transform;
        _link ??= RestApiLink.Resolve(ctx.SamResources, RelativeId, Prop("RestApiId"));
        Method = PyName.Of(Prop("Method")).Lower();
        var resources = new List<CfnResource> { Permission(ectx, _link.StageSuffix) };

        // The reference reads the API's properties unconditionally; an API id that is not a name fails here.
        var api = _link.ExplicitApi ?? throw new InvalidEventException(RelativeId, "'NoneType' object has no attribute 'get'");
        var apiId = Py.Str(_link.ApiId);
        if (Py.Truthy(api.Get(Plugins.DefaultDefinitionBodyPlugin.ManageSwagger)) || Py.Truthy(api.Get("MergeDefinitions")))
        {
            AddSwaggerIntegration(api, apiId, ectx);
        }

        var body = api.Get("DefinitionBody");
        if (Py.Truthy(body) && Prop("Auth") is MapNode auth && Py.Truthy(auth) && Py.Truthy(auth.Get("OverrideApiAuth")))
        {
            if (!(Py.Truthy(auth.Get("Authorizer")) || Py.Truthy(auth.Get("ApiKeyRequired")) || Py.Truthy(auth.Get("ResourcePolicy"))))
            {
                throw new InvalidEventException(RelativeId, "Must define one of: Authorizer, ApiKeyRequired or ResourcePolicy when using the OverrideApiAuth property.");
            }

            var edits = ctx.State<DefinitionEdits>();
            edits.Run(() =>
            {
                var editor = new SwaggerEditor(body, edits.InPlace);
                ApiEventAuth.AddAuthToSwagger(auth, api, apiId, RelativeId, Method, Path, _link.Stage, editor, ctx.Intrinsics);
                api.Set("DefinitionBody", editor.Document);
            });
        }

        return resources;
    }

    /// <summary>lambda:InvokeFunction for API Gateway from this method on any stage of the API.</summary>
    private CfnResource Permission(EventContext ectx, string suffix)
    {
        var path = Regex.Replace(Path.Value, "^(.+)/$", "$1");
        path = SwaggerEditor.PathWithoutTrailingSlash(PyName.Plain(path)).Value;
        var method = Method.Value == "any" ? "*" : Method.Value.ToUpperInvariant();
        var resource = $"${{__ApiId__}}/${{__Stage__}}/{method}{path}";
        var sourceArn = N.Sub(
            $"arn:{ectx.Transform.Partition}:execute-api:${{AWS::Region}}:${{AWS::AccountId}}:{resource}",
            N.Map(("__ApiId__", Prop("RestApiId")), ("__Stage__", "*")));
        return EventPermissions.Construct(Principal, ectx.Function, LogicalId, sourceArn, suffix: suffix);
    }
}
