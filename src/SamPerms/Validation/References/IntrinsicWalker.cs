using SamPerms.Model;

namespace SamPerms.Validation.References;

/// <summary>An intrinsic function found in the output template, and the output resource it is in (null in Outputs or Conditions).</summary>
/// <remarks>
/// The function's name is kept with it: each reference rule picks its functions from the whole list, which then reads
/// no node but those of the functions it checks (a big template's tree does not fit in the processor's cache).
/// </remarks>
public readonly record struct FoundIntrinsic(string? ResourceId, string Section, MapNode Node, string Function)
{
    public Node Argument => Node.Entries[0].Value;
}

/// <summary>
/// Finds the intrinsic functions CloudFormation resolves in a template: in resources (not their Metadata, which
/// CloudFormation leaves alone), outputs and conditions. Content of Fn::Transform and Fn::ForEach is skipped:
/// what it becomes is only known at deploy.
/// </summary>
public static class IntrinsicWalker
{
    public static List<FoundIntrinsic> All(MapNode template)
    {
        var found = new List<FoundIntrinsic>();
        if (template.Get("Resources") is MapNode resources)
        {
            foreach (var e in resources.Entries)
            {
                if (e.Value is not MapNode r)
                {
                    continue;
                }

                foreach (var attr in r.Entries)
                {
                    if (attr.Key is not ("Metadata" or "Type" or "DependsOn" or "Condition"))
                    {
                        Walk(attr.Value, e.Key, "Resources", found);
                    }
                }
            }
        }

        if (template.Get("Outputs") is MapNode outputs)
        {
            Walk(outputs, null, "Outputs", found);
        }

        if (template.Get("Conditions") is MapNode conditions)
        {
            Walk(conditions, null, "Conditions", found);
        }

        return found;
    }

    private static void Walk(Node node, string? resourceId, string section, List<FoundIntrinsic> found)
    {
        switch (node)
        {
            case MapNode m:
                if (Intrinsics.IsIntrinsic(m))
                {
                    var name = m.Entries[0].Key;
                    if (name == "Fn::Transform")
                    {
                        return;
                    }

                    found.Add(new FoundIntrinsic(resourceId, section, m, name));
                }

                foreach (var e in m.Entries)
                {
                    if (e.IsContainer && !e.Key.StartsWith("Fn::ForEach::", StringComparison.Ordinal)) // a scalar holds no intrinsic
                    {
                        Walk(e.Value, resourceId, section, found);
                    }
                }

                break;
            case SeqNode s:
                foreach (var item in s.Items)
                {
                    Walk(item, resourceId, section, found);
                }

                break;
        }
    }
}
