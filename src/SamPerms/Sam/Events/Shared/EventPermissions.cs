using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;

namespace SamPerms.Sam.Events.Shared;

/// <summary>
/// The AWS::Lambda::Permission a push event source needs so that its service may invoke the function (the
/// reference's PushEventSource._construct_permission), shared by every push event type.
/// </summary>
public static class EventPermissions
{
    /// <summary>
    /// &lt;prefix&gt;Permission&lt;suffix&gt; when the suffix is alphanumeric; otherwise (e.g. an API path) the suffix is
    /// hashed into the id, as SAM's LogicalIdGenerator does, so the id stays valid and stable.
    /// </summary>
    public static string LogicalId(string prefix, string suffix = "")
    {
        // Python's str.isalnum() is false for "", which then hashes to nothing: both give prefix + "Permission".
        if (Py.IsAlnum(suffix))
        {
            return prefix + "Permission" + suffix;
        }

        return LogicalIds.Generate(prefix + "Permission", new StringNode(suffix));
    }

    /// <summary>A permission for <paramref name="principal"/> on the function (or alias), with the function's Condition etc.</summary>
    public static CfnResource Construct(
        string principal,
        FunctionTarget function,
        string prefix,
        Node? sourceArn = null,
        Node? sourceAccount = null,
        string suffix = "",
        Node? eventSourceToken = null)
    {
        var permission = new CfnResource(LogicalId(prefix, suffix), "AWS::Lambda::Permission")
            .WithAttributes(function.PassthroughAttributes());
        permission["Action"] = "lambda:InvokeFunction";
        permission["FunctionName"] = function.NameOrArn();
        permission["Principal"] = principal;
        permission["SourceArn"] = sourceArn;
        permission["SourceAccount"] = sourceAccount;
        permission["EventSourceToken"] = eventSourceToken;
        return permission;
    }
}
