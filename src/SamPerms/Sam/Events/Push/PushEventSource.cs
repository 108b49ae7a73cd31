using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Events.Push;

/// <summary>
/// An event source whose service calls Lambda's Invoke API (S3, SNS, EventBridge, ...): each needs a
/// permission for the service principal, usually scoped by SourceArn to the one resource that triggers.
/// </summary>
public abstract class PushEventSource : EventSource
{
    /// <summary>The service principal that invokes the function.</summary>
    protected abstract string Principal { get; }

    protected CfnResource ConstructPermission(
        FunctionTarget function,
        Node? sourceArn = null,
        Node? sourceAccount = null,
        string suffix = "",
        Node? eventSourceToken = null,
        string? prefix = null) =>
        EventPermissions.Construct(Principal, function, prefix ?? LogicalId, sourceArn, sourceAccount, suffix, eventSourceToken);
}
