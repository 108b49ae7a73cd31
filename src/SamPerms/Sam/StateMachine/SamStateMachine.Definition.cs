using System.Text.RegularExpressions;
using SamPerms.Model;
using SamPerms.Model.Py27;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.StateMachine;

public sealed partial class SamStateMachine
{
    /// <summary>
    /// Definition (inline, written as a readable Fn::Join of JSON lines, its intrinsics moved into
    /// DefinitionSubstitutions) or DefinitionUri (an S3 location), plus the user's DefinitionSubstitutions.
    /// </summary>
    private void ApplyDefinition(CfnResource stateMachine, TransformContext ctx)
    {
        MapNode? substitutions = null;
        if (Py.Truthy(Prop("DefinitionSubstitutions")))
        {
            substitutions = (MapNode)Prop("DefinitionSubstitutions")!;
            stateMachine["DefinitionSubstitutions"] = substitutions;
        }

        var definition = Prop("Definition");
        var definitionUri = Prop("DefinitionUri");
        if (Py.Truthy(definition) && Py.Truthy(definitionUri))
        {
            throw new InvalidResourceException(LogicalId, "Specify either 'Definition' or 'DefinitionUri' property and not both.").Locate(definitionUri);
        }

        if (Py.Truthy(definition))
        {
            var processed = definition!.Clone();
            var dynamic = ReplaceDynamicValues(processed);
            if (dynamic.Count > 0)
            {
                if (substitutions is not null)
                {
                    // The reference updates the user's map in place.
                    foreach (var e in dynamic.Entries)
                    {
                        substitutions.Set(e.Key, e.Value);
                    }
                }
                else
                {
                    stateMachine["DefinitionSubstitutions"] = dynamic;
                }
            }

            stateMachine["DefinitionString"] = DefinitionString(processed);
        }
        else if (Py.Truthy(definitionUri))
        {
            stateMachine["DefinitionS3Location"] = (Node?)S3Locations.LocalPath(ctx, definitionUri) ?? S3Locations.ToBucketKeyVersion(definitionUri, LogicalId, "DefinitionUri");
        }
        else
        {
            throw new InvalidResourceException(LogicalId, "Either 'Definition' or 'DefinitionUri' property must be specified.").Locate(Properties);
        }
    }

    /// <summary>json.dumps(sort_keys=True, indent=4) split into lines, joined back with "\n" by CloudFormation.</summary>
    private static MapNode DefinitionString(Node definition)
    {
        var lines = PyJson.DumpsIndented(definition, 4).Split('\n');
        return N.Join("\n", [.. lines.Select(l => (Node)new StringNode(l))]);
    }

    /// <summary>
    /// Every intrinsic or dynamic reference inside the definition becomes ${definition_substitution_N}, numbered in
    /// sorted key order, and its value goes to the returned substitutions (the reference's
    /// _replace_dynamic_values_with_substitutions).
    /// </summary>
    private static MapNode ReplaceDynamicValues(Node definition)
    {
        var substitutions = new MapNode();
        int counter = 1;
        foreach (var (container, key, index) in PathsToDynamicValues(definition))
        {
            var name = $"definition_substitution_{counter}";
            Node placeholder = new StringNode($"${{{name}}}");
            counter++;
            if (container is MapNode m)
            {
                substitutions.Set(name, m.Get(key!)!);
                m.Set(key!, placeholder);
            }
            else
            {
                var s = (SeqNode)container;
                substitutions.Set(name, s[index]);
                s[index] = placeholder;
            }
        }

        return substitutions;
    }

    private static List<(Node Container, string? Key, int Index)> PathsToDynamicValues(Node node)
    {
        var found = new List<(Node, string?, int)>();
        switch (node)
        {
            case MapNode m:
                foreach (var e in m.Entries.OrderBy(e => e.Key, StringComparer.Ordinal).ToList())
                {
                    Visit(m, e.Key, 0, e.Value);
                }

                break;
            case SeqNode s:
                for (int i = 0; i < s.Count; i++)
                {
                    Visit(s, null, i, s[i]);
                }

                break;
        }

        return found;

        void Visit(Node container, string? key, int index, Node value)
        {
            if (Intrinsics.IsIntrinsic(value) || IsDynamicReference(value))
            {
                found.Add((container, key, index));
            }
            else if (value is MapNode or SeqNode)
            {
                found.AddRange(PathsToDynamicValues(value));
            }
        }
    }

    private static bool IsDynamicReference(Node value) => value is StringNode s && DynamicReferenceRegex().IsMatch(s.Value);

    // Python's re.match with "$": the text may end with one newline after the closing braces.
    [GeneratedRegex(@"^{{resolve:([a-z-]+):(.+)}}(?:\n)?\z")]
    private static partial Regex DynamicReferenceRegex();
}
