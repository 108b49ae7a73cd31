namespace SamPerms.Iam;

/// <summary>A yes/no question answered before deploy: yes, no, or it depends on values not known yet.</summary>
public enum Certainty
{
    No,
    Maybe,
    Yes,
}

public static class CertaintyExtensions
{
    public static Certainty And(this Certainty a, Certainty b) => (Certainty)Math.Min((int)a, (int)b);

    public static Certainty Or(this Certainty a, Certainty b) => (Certainty)Math.Max((int)a, (int)b);

    public static Certainty Not(this Certainty a) => a switch
    {
        Certainty.Yes => Certainty.No,
        Certainty.No => Certainty.Yes,
        _ => Certainty.Maybe,
    };

    public static Certainty From(bool value) => value ? Certainty.Yes : Certainty.No;
}
