using SamPerms.Model;

namespace SamPerms.Sam.Events.Push;

/// <summary>
/// The lists the S3 events of one transform grow on their buckets: a bucket's DependsOn (a set of names in the
/// reference, made again for each event) and its LambdaConfigurations (each new mapping appended unless <c>in</c>
/// the list), each indexed by Python equality; and its Tags (made again, one more for each conditional function). A bucket shared by many functions then costs each event what it
/// adds, not a pass over what every other function added before it (the square of the functions on one bucket).
/// </summary>
internal sealed class S3BucketLists
{
    private readonly Dictionary<SeqNode, PyListIndex> _dependsOn = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SeqNode, PyListIndex> _notifications = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<SeqNode, SeqMark> _tags = new(ReferenceEqualityComparer.Instance);

    /// <summary>A Tags list an earlier event made (the bucket's tags and the conditional dependencies so far), while no one else changed it.</summary>
    public bool MadeTags(SeqNode list) => _tags.TryGetValue(list, out var seen) && seen.Matches(list);

    /// <summary>A Tags list an event made or grew.</summary>
    public void TagsMade(SeqNode list) => _tags[list] = SeqMark.Of(list);

    /// <summary>The index of a DependsOn list an earlier event made (its items distinct and hashable), while no one else changed it.</summary>
    public PyListIndex? MadeDependsOn(SeqNode list) =>
        _dependsOn.TryGetValue(list, out var index) && index.Follows(list) ? index : null;

    /// <summary>A DependsOn list an event made: Python's set of the bucket's names, in their order.</summary>
    public void MadeDependsOnList(SeqNode list) => _dependsOn[list] = new PyListIndex(list);

    /// <summary>The index of a LambdaConfigurations list (indexed when first met, or again when changed by anyone else).</summary>
    public PyListIndex Notifications(SeqNode list)
    {
        if (!_notifications.TryGetValue(list, out var index) || !index.Follows(list))
        {
            _notifications[list] = index = new PyListIndex(list);
        }

        return index;
    }
}
