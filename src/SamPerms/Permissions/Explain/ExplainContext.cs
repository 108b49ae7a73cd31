using System.Text;
using SamPerms.Model;

namespace SamPerms.Permissions.Explain;

/// <summary>What a catalog sentence may mention: the SAM resource, the cause, the resources of one type it produced.</summary>
public sealed record ExplainContext(string Owner, string PropertyPath, IReadOnlyList<GeneratedResource> Resources, MapNode OutputResources, StaticValues Values)
{
    /// <summary>Marks a logical id inside a sentence; each output format turns the marks into its own code style.</summary>
    public const char IdStart = '\u0001', IdEnd = '\u0002';

    /// <summary>"UploadPermission (AWS::Lambda::Permission)" with the id marked, several joined by commas.</summary>
    public string Ids => string.Join(", ", Resources.Select(r => $"{IdStart}{r.LogicalId}{IdEnd} ({r.Type})"));

    /// <summary>The properties SAM changed on a resource of the template.</summary>
    public string Changed => string.Join(", ", Resources.SelectMany(r => r.ChangedProperties ?? []).Distinct());

    /// <summary>The event or connector name of the cause (<c>Upload</c> of <c>Events.Upload</c>).</summary>
    public string Name => PropertyPath.Contains('.', StringComparison.Ordinal) ? PropertyPath[(PropertyPath.IndexOf('.', StringComparison.Ordinal) + 1)..] : PropertyPath;

    /// <summary>Who each Lambda permission lets invoke, and from where: "s3.amazonaws.com from account ${AWS::AccountId}".</summary>
    public string Invokers => string.Join("; ", Resources.Select(r => Invoker(Properties(r.LogicalId))).Distinct());

    /// <summary>The policies of a generated role: managed policies by name, inline policies by name.</summary>
    public string RolePolicies
    {
        get
        {
            var parts = new List<string>();
            foreach (var r in Resources)
            {
                var props = Properties(r.LogicalId);
                if (props?.Get("ManagedPolicyArns") is SeqNode managed)
                {
                    parts.AddRange(managed.Items.Select(m => Values.Render(m).Text).Select(a => "managed " + a[(a.LastIndexOf('/') + 1)..]));
                }

                if (props?.Get("Policies") is SeqNode inline)
                {
                    parts.AddRange(inline.Items.OfType<MapNode>().Select(p => "inline " + Values.Render(p.Get("PolicyName")).Text));
                }
            }

            return parts.Count == 0 ? "no policies" : string.Join(", ", parts.Distinct());
        }
    }

    /// <summary>The service principal(s) a generated role trusts.</summary>
    public string Trusts
    {
        get
        {
            var principals = new List<string>();
            foreach (var r in Resources)
            {
                if (Properties(r.LogicalId)?.Get("AssumeRolePolicyDocument") is MapNode doc && doc.Get("Statement") is SeqNode statements)
                {
                    foreach (var st in statements.Items.OfType<MapNode>())
                    {
                        if ((st.Get("Principal") as MapNode)?.Get("Service") is { } service)
                        {
                            principals.AddRange(service is SeqNode s ? s.Items.Select(i => Values.Render(i).Text) : [Values.Render(service).Text]);
                        }
                    }
                }
            }

            return principals.Count == 0 ? "the service" : string.Join(", ", principals.Distinct());
        }
    }

    /// <summary>The SAM resource is a state machine: events and roles serve it, not a function.</summary>
    public bool OwnerIsStateMachine { get; init; }

    private MapNode? Properties(string id) => (OutputResources.Get(id) as MapNode)?.Get("Properties") as MapNode;

    private string Invoker(MapNode? permission)
    {
        if (permission is null)
        {
            return "?";
        }

        var sb = new StringBuilder(Values.Render(permission.Get("Principal")).Text);
        if (permission.Get("SourceArn") is { } arn)
        {
            sb.Append(" from ").Append(Values.Render(arn).Text);
        }

        if (permission.Get("SourceAccount") is { } account)
        {
            sb.Append(" in account ").Append(Values.Render(account).Text);
        }

        if (permission.Get("FunctionUrlAuthType") is { } auth)
        {
            sb.Append(" through the function URL (AuthType ").Append(Values.Render(auth).Text).Append(')');
        }

        return sb.ToString();
    }
}
