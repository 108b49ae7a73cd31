using SamPerms.Model;

namespace SamPerms.Validation;

/// <summary>
/// Makes a template's tree safe to read from two threads at once. Reading a node may write to it: a map applies the
/// deep copies deferred to it (<see cref="Node.DeferDeepCopies"/>) to its order and hands them on to its values,
/// closes the gaps removed entries left, and a large Python 2.7 map counts its keys on its first lookup. One walk
/// that reads every map's entries, looks one key up in it and reads every list's items leaves nothing for a later
/// read to write, so from then on reads only read (as long as nobody edits the tree).
/// </summary>
/// <remarks>
/// The walk follows the tree as it prints (a node held by two parents is walked under each: each may hand it copies);
/// it costs what printing the template costs, and validation reads all of it anyway.
/// </remarks>
public static class SettledTrees
{
    public static void Settle(Node? node)
    {
        // As deep as the tree: no deeper than cloning it (which the transform does) goes.
        switch (node)
        {
            case MapNode map:
                var entries = map.Entries;
                if (entries.Count > 0)
                {
                    map.IndexOf(entries[0].Key);
                }

                for (int i = 0; i < entries.Count; i++)
                {
                    Settle(entries[i].Value);
                }

                break;
            case SeqNode list:
                var items = list.Items;
                for (int i = 0; i < items.Count; i++)
                {
                    Settle(items[i]);
                }

                break;
        }
    }
}
