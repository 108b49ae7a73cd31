using SamPerms.Model;
using SamPerms.Text;

namespace SamPerms.Iam;

/// <summary>One value of a statement element (an action, a resource): as shown, whether fully known, the
/// spelling evaluation compares (<see cref="Canonical"/>), and the node it was read from (null when built).</summary>
public sealed record PolicyValue(string Text, bool Exact, string Canonical, Node? Node)
{
    /// <summary>A literal value (intent, a question), compared as written.</summary>
    public static PolicyValue Literal(string text) => new(text, true, text, null);

    public override string ToString() => Text;
}

/// <summary>
/// The one model of an IAM policy statement, for every policy the template holds (identity, resource, trust):
/// effect, actions or not-actions, resources or not-resources, principal, IAM condition, the template condition
/// under which the statement exists at all (<see cref="Conditional"/>, from an Fn::If that cannot be decided), and
/// the node it was read from (its source span). Read by <see cref="StatementReader"/>; evaluated by
/// <see cref="PolicyEvaluator"/>. <see cref="Id"/> is a handle for the caller (the index of what it built the
/// statement from), kept by <c>with</c>.
/// </summary>
public sealed record Statement
{
    /// <summary>The effect as rendered: "Allow", "Deny", or whatever was written (validation reports the rest).</summary>
    public string Effect { get; init; } = "";

    /// <summary>The Action (or NotAction) values, following Fn::If.</summary>
    public IReadOnlyList<PolicyValue> ActionValues
    {
        get => _actionValues;
        init
        {
            _actionValues = value;
            _actions = null; // a copy made `with` other actions forgets what it knew of the old ones
            _lowerActions = null;
        }
    }

    private readonly IReadOnlyList<PolicyValue> _actionValues = [];

    public bool NotAction { get; init; }

    /// <summary>The Resource (or NotResource) values, following Fn::If.</summary>
    public IReadOnlyList<PolicyValue> Resources { get; init; } = [];

    public bool NotResource { get; init; }

    /// <summary>The Principal (or NotPrincipal) element as written; null in identity policies.</summary>
    public Node? Principal { get; init; }

    public bool NotPrincipal { get; init; }

    /// <summary>The IAM Condition element as written, or null.</summary>
    public Node? Condition { get; init; }

    /// <summary>The template condition the statement depends on ("IsProd", "!IsProd && Other"), or null.</summary>
    public string? Conditional { get; init; }

    /// <summary>The statement as read; null for statements built from something else (intent, tests).</summary>
    public MapNode? Node { get; init; }

    public int Id { get; init; }

    /// <summary>
    /// Why IAM rejects the policy document this statement belongs to (a malformed action in any of its statements),
    /// or null. A rejected document is never deployed: its statements allow and deny nothing.
    /// </summary>
    public string? Rejected { get; init; }

    /// <summary>The action patterns as text.</summary>
    public IReadOnlyList<string> Actions => _actions ??= ActionValues.Select(a => a.Text).ToList();

    private IReadOnlyList<string>? _actions;

    /// <summary>The action patterns in lower case (IAM compares actions case-insensitively), made once per statement.</summary>
    internal IReadOnlyList<string> LowerActions => _lowerActions ??= Actions.Select(a => a.ToLowerInvariant()).ToArray();

    private IReadOnlyList<string>? _lowerActions;

    public bool IsAllow => string.Equals(Effect, "Allow", StringComparison.Ordinal);

    /// <summary>Holds only under a condition: an IAM Condition, or a template condition not decided before deploy.</summary>
    public bool IsConditional => Condition is not null || Conditional is not null;

    /// <summary>The Effect element as written (null when missing or when built).</summary>
    public Node? EffectNode => Node?.Get("Effect");

    /// <summary>A non-empty Condition map.</summary>
    public bool HasConditionBlock => Condition is MapNode { Count: > 0 };

    public SourceSpan Span => Node?.Span ?? SourceSpan.None;

    /// <summary>An Allow or Deny of actions on resources, for evaluation and tests.</summary>
    public static Statement Of(bool allow, IEnumerable<string> actions, IEnumerable<string> resources, bool notAction = false, bool notResource = false, bool conditional = false, int id = 0) => new()
    {
        Effect = allow ? "Allow" : "Deny",
        ActionValues = actions.Select(PolicyValue.Literal).ToList(),
        NotAction = notAction,
        Resources = resources.Select(PolicyValue.Literal).ToList(),
        NotResource = notResource,
        Conditional = conditional ? "condition" : null,
        Id = id,
    };

    /// <summary>The same statement evaluated as unconditional (its condition is the one asked about).</summary>
    public Statement Unconditional() => this with { Condition = null, Conditional = null };
}
