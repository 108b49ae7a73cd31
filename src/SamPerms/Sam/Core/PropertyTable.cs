using System.Text.RegularExpressions;
using SamPerms.Model;

namespace SamPerms.Sam.Core;

/// <summary>
/// The properties a resource (or event source) type accepts, in declaration order, and the reference's
/// checks on them: unknown names, missing required ones, wrong types.
/// </summary>
public sealed partial class PropertyTable(params (string Name, PropertySpec Spec)[] specs)
{
    private readonly (string Name, PropertySpec Spec)[] _specs = specs;
    private readonly HashSet<string> _names = new(specs.Select(s => s.Name), StringComparer.Ordinal);

    public IEnumerable<string> Names => _specs.Select(s => s.Name);

    public bool Contains(string name) => _names.Contains(name);

    /// <summary>"property X not defined for resource of type T": raised for the first unknown property.</summary>
    public void CheckKnown(string logicalId, string typeName, MapNode properties)
    {
        foreach (var e in properties.Entries)
        {
            if (!_names.Contains(e.Key))
            {
                throw new InvalidResourceException(logicalId, $"property {e.Key} not defined for resource of type {typeName}").Locate(e.Value);
            }
        }
    }

    /// <summary>The reference's validate_properties: in declaration order, the first failure wins.</summary>
    public void Validate(string logicalId, MapNode properties)
    {
        foreach (var (name, spec) in _specs)
        {
            var value = properties.Get(name);
            if (value is NullNode)
            {
                value = null;
            }

            if (spec.SupportsIntrinsics && value is MapNode { Count: 1 })
            {
                continue;
            }

            if (value is null)
            {
                if (spec.Required)
                {
                    throw new InvalidResourceException(logicalId, $"Missing required property '{name}'.").Locate(properties);
                }
            }
            else if (!spec.Validate(value))
            {
                throw new InvalidResourcePropertyTypeException(logicalId, name, spec.Expected).Locate(value);
            }
        }
    }

    public static bool IsValidLogicalId(string id) => LogicalIdRegex().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9]+$")]
    private static partial Regex LogicalIdRegex();
}
