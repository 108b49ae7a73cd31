using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Function;

/// <summary>
/// A function's URL (FunctionUrlConfig): checked as the reference checks it, and expanded with the origin and
/// resource attributes of the function that declares it.
/// </summary>
internal sealed class FunctionUrl(string logicalId, Origin origin, Func<MapNode> passthroughAttributes)
{
    /// <summary>
    /// FunctionUrlConfig → AWS::Lambda::Url, and for AuthType NONE the two public permissions
    /// (lambda:InvokeFunctionUrl and lambda:InvokeFunction via the URL).
    /// </summary>
    public List<CfnResource> Construct(CfnResource function, CfnResource? alias, MapNode config)
    {
        ValidateAuthType(config);
        ValidateCors(config);
        var target = alias is not null ? alias.Ref() : function.Ref();
        var url = new CfnResource($"{function.LogicalId}Url", "AWS::Lambda::Url") { Origin = origin }.WithAttributes(passthroughAttributes());
        if (Py.Truthy(config.Get("Cors")))
        {
            url["Cors"] = config.Get("Cors");
        }

        url["AuthType"] = config.Get("AuthType");
        url["TargetFunctionArn"] = target;
        url["InvokeMode"] = config.Get("InvokeMode");
        var result = new List<CfnResource> { url };

        if (config.Get("AuthType") is StringNode { Value: "NONE" } && !Intrinsics.IsIntrinsic(config))
        {
            var urlPermission = new CfnResource($"{function.LogicalId}UrlPublicPermissions", "AWS::Lambda::Permission") { Origin = origin }
                .WithAttributes(passthroughAttributes());
            urlPermission["Action"] = "lambda:InvokeFunctionUrl";
            urlPermission["FunctionName"] = target;
            urlPermission["Principal"] = "*";
            urlPermission["FunctionUrlAuthType"] = "NONE";

            var invokePermission = new CfnResource($"{function.LogicalId}URLInvokeAllowPublicAccess", "AWS::Lambda::Permission") { Origin = origin }
                .WithAttributes(passthroughAttributes());
            invokePermission["Action"] = "lambda:InvokeFunction";
            invokePermission["Principal"] = "*";
            invokePermission["FunctionName"] = target;
            invokePermission["InvokedViaFunctionUrl"] = true;
            result.Add(urlPermission);
            result.Add(invokePermission);
        }

        return result;
    }

    private void ValidateAuthType(MapNode config)
    {
        if (Intrinsics.IsIntrinsic(config))
        {
            return;
        }

        var authType = config.Get("AuthType");
        if (Py.Truthy(authType) && Intrinsics.IsIntrinsic(authType))
        {
            return;
        }

        if (authType is not StringNode { Value: "AWS_IAM" or "NONE" })
        {
            throw new InvalidResourceException(logicalId, "AuthType is required to configure function property `FunctionUrlConfig`. Please provide either AWS_IAM or NONE.").Locate(authType ?? config);
        }
    }

    private void ValidateCors(MapNode config)
    {
        if (Intrinsics.IsIntrinsic(config))
        {
            return;
        }

        var cors = config.Get("Cors");
        if (!Py.Truthy(cors) || Intrinsics.IsIntrinsic(cors))
        {
            return;
        }

        var corsMap = Expect.That(cors, logicalId, "FunctionUrlConfig.Cors").ToBeMap();
        foreach (var e in corsMap.Entries)
        {
            (Func<Node, bool> Check, string Name)? type = e.Key switch
            {
                "AllowOrigins" or "AllowMethods" or "AllowHeaders" or "ExposeHeaders" => (n => n is SeqNode, "list"),
                "AllowCredentials" => (n => n is BoolNode, "bool"),
                "MaxAge" => (n => n is IntNode or BoolNode, "int"),
                _ => null,
            };
            if (type is null)
            {
                throw new InvalidResourceException(logicalId, $"{e.Key} is not a valid property for configuring Cors.").Locate(e.Value);
            }

            if (!Intrinsics.IsIntrinsic(e.Value) && !type.Value.Check(e.Value))
            {
                throw new InvalidResourceException(logicalId, $"{e.Key} must be of type {type.Value.Name}.").Locate(e.Value);
            }
        }
    }
}
