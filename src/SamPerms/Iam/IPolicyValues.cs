using SamPerms.Model;

namespace SamPerms.Iam;

/// <summary>
/// How the statement reader sees a template's values: renders a value, decides a template condition (null when it
/// cannot be decided before deploy: both Fn::If branches are read, each marked with its condition), and gives the
/// spelling evaluation compares resources in. The permission map reads with the template's known values
/// (Permissions' StaticValues); validation reads every branch as written (<see cref="AsWritten"/>).
/// </summary>
public interface IPolicyValues
{
    Rendered Render(Node? node);

    bool? Condition(string name);

    string Canonical(string text);
}

/// <summary>Values as written: strings as they are, intrinsics unresolved, no template condition decided.</summary>
public sealed class AsWritten : IPolicyValues
{
    public static readonly AsWritten Instance = new();

    private AsWritten()
    {
    }

    public Rendered Render(Node? node) => node switch
    {
        null or NullNode => new Rendered("", true),
        StringNode s => new Rendered(s.Value, true),
        _ => new Rendered(node.ToString(), false),
    };

    public bool? Condition(string name) => null;

    public string Canonical(string text) => text;
}
