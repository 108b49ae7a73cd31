using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Events.Push;

/// <summary>
/// Cognito: the user pool (declared in the same template) gets the function as its trigger(s) in LambdaConfig,
/// and Cognito a permission scoped to the pool. The pool is edited in the SAM template, so triggers from several
/// events accumulate there; a trigger may be set only once.
/// </summary>
public sealed class CognitoEvent : PushEventSource
{
    private static readonly PropertyTable Table = new(
        ("UserPool", PropertySpec.Mandatory(V.Str)),
        ("Trigger", PropertySpec.Strict(V.OneOf(V.Str, V.ListOf(V.Str)), required: true)));

    private MapNode? _userPool;
    private string _userPoolId = "";

    public override string Type => "Cognito";

    protected override string Principal => "cognito-idp.amazonaws.com";

    protected override PropertyTable PropertyTypes => Table;

    /// <summary>UserPool must be a Ref to a resource of this template.</summary>
    public override void LinkResources(TransformContext ctx, SamResource owner)
    {
        if (Prop("UserPool") is MapNode pool && pool.TryGet("Ref", out var id))
        {
            if (id is not StringNode s)
            {
                // The reference names the event by its full logical id here.
                throw new InvalidEventException(LogicalId, "Ref in Userpool is not a string.").Locate(id);
            }

            if (ctx.SamResources.Get(s.Value) is MapNode resource)
            {
                _userPool = resource;
                _userPoolId = s.Value;
                return;
            }
        }

        throw Error("Cognito events must reference a Cognito UserPool in the same template.", Prop("UserPool"));
    }

    public override IList<CfnResource> ToCloudFormation(EventContext ectx)
    {
        if (_userPool is null)
        {
            LinkResources(ectx.Transform, ectx.Owner);
        }

        var function = ectx.Function;

        // One permission per function (not per event): every Cognito event of a function writes the same id.
        var permission = ConstructPermission(function, sourceArn: N.GetAtt(_userPoolId, "Arn"), prefix: function.LogicalId + "Cognito");
        InjectLambdaConfig(function, _userPool!);
        return [permission, DeclaredResourceType.CognitoUserPool.Read(_userPoolId, _userPool!)];
    }

    private void InjectLambdaConfig(FunctionTarget function, MapNode userPool)
    {
        var trigger = Prop("Trigger")!;
        var triggers = trigger is SeqNode list ? list.Items : [trigger];
        var properties = DeclaredResourceType.EditableProperties(_userPoolId, userPool);

        var config = properties.Get("LambdaConfig");
        if (config is null or NullNode)
        {
            config = new MapNode();
            properties.Set("LambdaConfig", config);
        }

        var configMap = Expect.That(config, _userPoolId, "LambdaConfig").ToBeMap();
        foreach (var t in triggers)
        {
            var name = ((StringNode)t).Value;
            if (configMap.ContainsKey(name))
            {
                throw Error($"Cognito trigger \"{Py.Str(trigger)}\" defined multiple times.", t);
            }

            configMap.Set(name, function.Arn());
        }
    }
}
