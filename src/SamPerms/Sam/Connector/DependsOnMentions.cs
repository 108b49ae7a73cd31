using SamPerms.Model;

namespace SamPerms.Sam.Connector;

/// <summary>
/// The names the template's DependsOn values mention (as the plugins left the template), read once per transform.
/// Only a connector named there can have resources waiting for it, which then wait for what it generated: every
/// other connector skips the look through all output resources, so many connectors cost no more than one each.
/// SAM itself only ever adds generated resources' names to a DependsOn, never a connector's.
/// </summary>
internal sealed class DependsOnMentions
{
    private HashSet<string>? _names;

    public bool Mentions(MapNode samResources, string logicalId)
    {
        if (_names is null)
        {
            _names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var resource in samResources.Values)
            {
                switch ((resource as MapNode)?.Get("DependsOn"))
                {
                    case StringNode single:
                        _names.Add(single.Value);
                        break;
                    case SeqNode list:
                        foreach (var item in list.Items)
                        {
                            if (item is StringNode name)
                            {
                                _names.Add(name.Value);
                            }
                        }

                        break;
                }
            }
        }

        return _names.Contains(logicalId);
    }
}
