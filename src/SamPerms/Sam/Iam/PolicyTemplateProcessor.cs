using SamPerms.Data;
using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Iam;

/// <summary>
/// Expands a SAM policy template (<c>S3ReadPolicy: {BucketName: x}</c>) into its policy document, substituting
/// the template's parameters the way the reference does (Ref to a renamed parameter, values shared as given).
/// </summary>
public static class PolicyTemplateProcessor
{
    private const string Prefix = "___SAM_POLICY_PARAMETER_";

    public static Node Convert(string logicalId, string templateName, Node parameterValues)
    {
        var template = PolicyTemplateTable.Get(templateName)!;
        if (parameterValues is not MapNode values)
        {
            throw new InvalidResourceException(logicalId, $"Must specify valid parameter values for policy template '{templateName}'").Locate(parameterValues);
        }

        var missing = template.Parameters.Where(p => !values.ContainsKey(p)).ToList();
        if (missing.Count > 0)
        {
            var list = "[" + string.Join(", ", missing.Select(Py.ReprString)) + "]";
            throw new InvalidResourceException(logicalId, $"Following required parameters of template '{templateName}' don't have values: {list}").Locate(values);
        }

        var necessary = new MapNode();
        foreach (var e in values.Entries)
        {
            if (template.Parameters.Contains(e.Key))
            {
                necessary.Set(Prefix + e.Key, e.Value);
            }
        }

        var definition = Disambiguate(template.Definition);
        var resolved = IntrinsicsResolver.ForRefsOnly(necessary).ResolveParameterRefs(definition)!;
        if (resolved.Span == default)
        {
            resolved.Span = parameterValues.Span;
        }

        return resolved;
    }

    /// <summary>A copy of the definition where every Ref names a prefixed parameter.</summary>
    private static Node Disambiguate(Node node)
    {
        switch (node)
        {
            case MapNode m:
                var copy = new MapNode(m.Count);
                foreach (var e in m.Entries)
                {
                    copy.Set(e.Key, Disambiguate(e.Value));
                }

                if (copy.Get("Ref") is StringNode r)
                {
                    copy.Set("Ref", Prefix + r.Value);
                }

                return copy;
            case SeqNode s:
                var items = new SeqNode(s.Count);
                foreach (var item in s.Items)
                {
                    items.Add(Disambiguate(item));
                }

                return items;
            default:
                return node;
        }
    }
}
