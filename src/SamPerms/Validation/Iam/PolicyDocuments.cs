using SamPerms.Model;

namespace SamPerms.Validation.Iam;

/// <summary>
/// Every IAM policy document of the output template — the ones written by hand and the ones SAM generates — and
/// their statements. The table lists where each resource type keeps its policy.
/// </summary>
public static class PolicyDocuments
{
    /// <summary>Resource type → (property holding the document, what it is for). Roles, users and groups are read separately.</summary>
    private static readonly Dictionary<string, (string Property, PolicyKind Kind)> Holders = new(StringComparer.Ordinal)
    {
        ["AWS::IAM::Policy"] = ("PolicyDocument", PolicyKind.Identity),
        ["AWS::IAM::ManagedPolicy"] = ("PolicyDocument", PolicyKind.Identity),
        ["AWS::SQS::QueuePolicy"] = ("PolicyDocument", PolicyKind.Resource),
        ["AWS::SNS::TopicPolicy"] = ("PolicyDocument", PolicyKind.Resource),
        ["AWS::S3::BucketPolicy"] = ("PolicyDocument", PolicyKind.Resource),
        ["AWS::ApiGateway::RestApi"] = ("Policy", PolicyKind.Resource),
        ["AWS::KMS::Key"] = ("KeyPolicy", PolicyKind.Resource),
        ["AWS::SecretsManager::ResourcePolicy"] = ("ResourcePolicy", PolicyKind.Resource),
        ["AWS::ECR::Repository"] = ("RepositoryPolicyText", PolicyKind.Resource),
        ["AWS::OpenSearchService::Domain"] = ("AccessPolicies", PolicyKind.Resource),
    };

    public static List<PolicyDocument> All(MapNode template)
    {
        var result = new List<PolicyDocument>();
        if (template.Get("Resources") is not MapNode resources)
        {
            return result;
        }

        foreach (var e in resources.Entries)
        {
            if (e.Value is not MapNode r || r.Get("Type") is not StringNode { Value: var type } || r.Get("Properties") is not MapNode p)
            {
                continue;
            }

            if (type is "AWS::IAM::Role" or "AWS::IAM::User" or "AWS::IAM::Group")
            {
                if (p.Get("AssumeRolePolicyDocument") is { } trust)
                {
                    result.Add(new PolicyDocument(e.Key, type, PolicyKind.Trust, trust, "trust policy"));
                }

                foreach (var inline in PolicyStatement.Items(p.Get("Policies")).OfType<MapNode>())
                {
                    if (inline.Get("PolicyDocument") is { } doc)
                    {
                        var name = inline.Get("PolicyName")?.Str ?? "inline policy";
                        result.Add(new PolicyDocument(e.Key, type, PolicyKind.Identity, doc, name));
                    }
                }
            }
            else if (type == "AWS::Events::EventBusPolicy")
            {
                if (p.Get("Statement") is MapNode statement)
                {
                    result.Add(new PolicyDocument(e.Key, type, PolicyKind.Resource, N.Map(("Statement", N.Seq(statement))), "event bus policy"));
                }
            }
            else if (Holders.TryGetValue(type, out var holder) && p.Get(holder.Property) is { } doc)
            {
                result.Add(new PolicyDocument(e.Key, type, holder.Kind, doc, holder.Property));
            }
        }

        return result;
    }

    /// <summary>
    /// The actions the author spelled in the output's statements: SAM's own statements (policy templates, event
    /// sources) are its data, not the author's spelling.
    /// </summary>
    public static IEnumerable<(PolicyStatement Statement, string Action, Node Node)> AuthorActions(ValidationContext context)
    {
        foreach (var st in context.OutputStatements)
        {
            foreach (var (action, node) in st.ActionStrings)
            {
                if (context.Index.IsFromTemplate(node))
                {
                    yield return (st, action, node);
                }
            }
        }
    }

    /// <summary>Identity statements that Allow listed actions (not NotAction) on Resource "*" (not NotResource).</summary>
    public static IEnumerable<PolicyStatement> AllowsOnAnyResource(ValidationContext context) =>
        context.OutputStatements.Where(st => st.Policy.Kind == PolicyKind.Identity && st.IsAllow && !st.Actions.Not && !st.Resources.Not && st.AnyResource("*"));

    public static List<PolicyStatement> Statements(MapNode template)
    {
        var result = new List<PolicyStatement>();
        foreach (var policy in All(template))
        {
            foreach (var doc in PolicyStatement.Items(policy.Document).OfType<MapNode>())
            {
                foreach (var st in PolicyStatement.Items(doc.Get("Statement")).OfType<MapNode>())
                {
                    result.Add(new PolicyStatement(policy, st));
                }
            }
        }

        return result;
    }
}
