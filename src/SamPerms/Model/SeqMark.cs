namespace SamPerms.Model;

/// <summary>
/// Where a list stood when last seen: its length and its last item. A list that code only appends to and finds as
/// it left it (<see cref="Matches"/>) was changed by no one else in between.
/// </summary>
public readonly record struct SeqMark(int Count, Node? Last)
{
    public static SeqMark Of(SeqNode list) => new(list.Count, list.Count == 0 ? null : list[list.Count - 1]);

    public bool Matches(SeqNode list) => list.Count == Count && (Count == 0 || ReferenceEquals(list[Count - 1], Last));
}
