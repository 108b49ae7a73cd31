namespace SamPerms.Model;

/// <summary>A value rendered for people: the text, and whether it is fully known or holds symbolic parts.</summary>
public readonly record struct Rendered(string Text, bool Exact)
{
    public override string ToString() => Text;
}
