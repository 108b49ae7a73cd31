using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Events;

/// <summary>
/// What an event source attaches to: the Lambda function, or its alias when AutoPublishAlias is set
/// ("connect all event sources to the alias and not the function").
/// </summary>
public sealed class FunctionTarget(CfnResource resource)
{
    public CfnResource Resource { get; } = resource;

    public bool IsAlias => Resource.Type == "AWS::Lambda::Alias";

    public string LogicalId => Resource.LogicalId;

    /// <summary>Condition, DeletionPolicy and UpdateReplacePolicy of the function (or alias).</summary>
    public MapNode PassthroughAttributes() => Resource.PassthroughAttributes();

    /// <summary>The function's name (Ref), or the alias ARN (Ref) — what a permission's FunctionName takes.</summary>
    public Node NameOrArn() => N.Ref(LogicalId);

    /// <summary>The ARN: GetAtt Arn of a function, Ref of an alias.</summary>
    public Node Arn() => IsAlias ? N.Ref(LogicalId) : N.GetAtt(LogicalId, "Arn");
}
