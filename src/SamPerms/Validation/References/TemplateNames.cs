using SamPerms.Model;

namespace SamPerms.Validation.References;

/// <summary>The names a CloudFormation template defines: parameters, resources, conditions, and the pseudo parameters.</summary>
public sealed class TemplateNames
{
    public static readonly IReadOnlySet<string> PseudoParameters = new HashSet<string>(StringComparer.Ordinal)
    {
        "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region",
        "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
    };

    public TemplateNames(MapNode template)
    {
        Parameters = Keys(template.Get("Parameters"));
        Resources = Keys(template.Get("Resources"));
        Conditions = Keys(template.Get("Conditions"));
    }

    public IReadOnlySet<string> Parameters { get; }

    public IReadOnlySet<string> Resources { get; }

    public IReadOnlySet<string> Conditions { get; }

    /// <summary>What Ref and a plain ${Name} of Fn::Sub may name.</summary>
    public bool IsReferable(string name) => Parameters.Contains(name) || Resources.Contains(name) || PseudoParameters.Contains(name);

    /// <summary>Parameters and resources, for suggestions.</summary>
    public IEnumerable<string> Referable => Parameters.Concat(Resources).Concat(PseudoParameters);

    private static HashSet<string> Keys(Node? section)
    {
        if (section is not MapNode m)
        {
            return [];
        }

        var keys = new HashSet<string>(m.Count, StringComparer.Ordinal);
        foreach (var e in m.Entries)
        {
            keys.Add(e.Key);
        }

        return keys;
    }
}
