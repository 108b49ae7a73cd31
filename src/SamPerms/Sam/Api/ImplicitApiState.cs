using SamPerms.Model;

namespace SamPerms.Sam.Api;

/// <summary>What one run of an implicit API plugin collects about the APIs' methods.</summary>
public sealed class ImplicitApiState
{
    /// <summary>The author's own resource with the implicit API's logical id, if any.</summary>
    public Node? ExistingImplicitApi { get; set; }

    /// <summary>api id → path → method → the function's condition (null when it has none).</summary>
    public Dictionary<string, Dictionary<string, Dictionary<string, Node?>>> Conditions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<Node?>> DeletionPolicies { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<Node?>> UpdateReplacePolicies { get; } = new(StringComparer.Ordinal);
}
