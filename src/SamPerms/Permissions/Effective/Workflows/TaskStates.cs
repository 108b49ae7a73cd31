using SamPerms.Model;

namespace SamPerms.Permissions.Effective.Workflows;

/// <summary>
/// Every Task state of a definition (Amazon States Language): the top-level States, each branch of a Parallel
/// state, and the Iterator or ItemProcessor of a Map state, at any depth.
/// </summary>
internal static class TaskStates
{
    private const int MaxDepth = 64;

    public static IEnumerable<(string Name, MapNode State)> In(Node root)
    {
        var found = new List<(string, MapNode)>();
        Walk(root as MapNode, found, 0);
        return found;
    }

    private static void Walk(MapNode? machine, List<(string, MapNode)> found, int depth)
    {
        if (machine?.Get("States") is not MapNode states || depth > MaxDepth)
        {
            return;
        }

        foreach (var e in states.Entries)
        {
            if (e.Value is not MapNode state)
            {
                continue;
            }

            switch (state.Get("Type")?.Str)
            {
                case "Task":
                    found.Add((e.Key, state));
                    break;
                case "Parallel" when state.Get("Branches") is SeqNode branches:
                    foreach (var branch in branches.Items)
                    {
                        Walk(branch as MapNode, found, depth + 1);
                    }

                    break;
                case "Map":
                    Walk((state.Get("ItemProcessor") ?? state.Get("Iterator")) as MapNode, found, depth + 1);
                    break;
            }
        }
    }
}
