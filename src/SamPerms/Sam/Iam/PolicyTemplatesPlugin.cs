using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Iam;
using SamPerms.Sam.Plugins;

namespace SamPerms.Sam.Iam;

/// <summary>
/// Replaces policy templates in the Policies of functions and state machines with the documents they expand
/// to, before the resource is read (the reference's PolicyTemplatesForResourcePlugin).
/// </summary>
public sealed class PolicyTemplatesPlugin : ISamPlugin
{
    private static readonly HashSet<string> Supported = ["AWS::Serverless::Function", "AWS::Serverless::StateMachine"];

    public void BeforeTransformResource(string logicalId, string resourceType, MapNode properties, TransformContext ctx)
    {
        if (!Supported.Contains(resourceType) || !properties.ContainsKey(ResourcePolicies.PropertyName))
        {
            return;
        }

        var entries = ResourcePolicies.Read(properties.Get(ResourcePolicies.PropertyName), withTemplates: true);
        if (entries.Count == 0)
        {
            return;
        }

        var result = new SeqNode { Span = properties.Get(ResourcePolicies.PropertyName)!.Span };
        foreach (var entry in entries)
        {
            if (entry.Kind != PolicyEntryKind.PolicyTemplate)
            {
                result.Add(entry.Data);
            }
            else if (Intrinsics.IsIf(entry.Data))
            {
                var args = (SeqNode)Intrinsics.Arg(entry.Data);
                var then = Intrinsics.IsNoValue(args[1]) ? args[1] : Expand(logicalId, args[1]);
                var otherwise = Intrinsics.IsNoValue(args[2]) ? args[2] : Expand(logicalId, args[2]);
                result.Add(new MapNode { Span = entry.Data.Span }.Set("Fn::If", N.Seq(args[0], then, otherwise)));
            }
            else
            {
                result.Add(Expand(logicalId, entry.Data));
            }
        }

        properties.Set(ResourcePolicies.PropertyName, result);
    }

    private static Node Expand(string logicalId, Node template)
    {
        var m = (MapNode)template;
        var e = m.Entries[0];
        var expanded = PolicyTemplateProcessor.Convert(logicalId, e.Key, e.Value);
        expanded.Span = template.Span;
        return expanded;
    }
}
