using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events;

namespace SamPerms.Sam.Api.Rest;

/// <summary>The Lambda permission an API Gateway event adds (the reference's _construct_permission).</summary>
public static class Permissions
{
    public static CfnResource ForApiGateway(string prefix, FunctionTarget function, string suffix, Node sourceArn, string principal)
    {
        var id = suffix.Length > 0 && suffix.All(char.IsLetterOrDigit)
            ? prefix + "Permission" + suffix
            : LogicalIds.Generate(prefix + "Permission", new StringNode(suffix));
        var permission = new CfnResource(id, "AWS::Lambda::Permission").WithAttributes(function.PassthroughAttributes());
        permission["Action"] = "lambda:InvokeFunction";
        permission["FunctionName"] = function.NameOrArn();
        permission["Principal"] = principal;
        permission["SourceArn"] = sourceArn;
        return permission;
    }
}
