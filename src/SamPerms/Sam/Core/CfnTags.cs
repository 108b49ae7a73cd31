using SamPerms.Model;

namespace SamPerms.Sam.Core;

/// <summary>
/// Which generated CloudFormation types carry Tags, and in which shape (a Key/Value list for most,
/// a plain map for API Gateway V2), for PropagateTags.
/// </summary>
public static class CfnTags
{
    private static readonly HashSet<string> ListTagged = new(StringComparer.Ordinal)
    {
        "AWS::AppSync::GraphQLApi", "AWS::ApiGateway::RestApi", "AWS::ApiGateway::Stage", "AWS::ApiGateway::DomainName",
        "AWS::ApiGateway::DomainNameV2", "AWS::ApiGateway::UsagePlan", "AWS::ApiGateway::ApiKey",
        "AWS::ApiGateway::DomainNameAccessAssociation", "AWS::Lambda::CapacityProvider", "AWS::CloudFormation::Stack",
        "AWS::CodeDeploy::Application", "AWS::CodeDeploy::DeploymentGroup", "AWS::DynamoDB::Table", "AWS::IAM::Role",
        "AWS::IoT::TopicRule", "AWS::Lambda::Function", "AWS::S3::Bucket", "AWS::SNS::Topic", "AWS::SQS::Queue",
        "AWS::StepFunctions::StateMachine",
    };

    private static readonly HashSet<string> MapTagged = new(StringComparer.Ordinal)
    {
        "AWS::ApiGatewayV2::Api", "AWS::ApiGatewayV2::Stage", "AWS::ApiGatewayV2::DomainName",
    };

    public static bool HasTags(CfnResource r) => ListTagged.Contains(r.Type) || MapTagged.Contains(r.Type);

    /// <summary>The reference's assign_tags: replace the resource's Tags with these.</summary>
    public static void Assign(CfnResource r, MapNode tags)
    {
        if (MapTagged.Contains(r.Type))
        {
            r["Tags"] = tags;
        }
        else if (ListTagged.Contains(r.Type))
        {
            r["Tags"] = SamResource.TagList(tags);
        }
    }

    /// <summary>PropagateTags: when asked, every generated resource that has Tags gets the SAM resource's tags.</summary>
    public static void Propagate(IEnumerable<CfnResource> resources, Node? tags, Node? propagate) =>
        SamResource.PropagateTags(resources, tags, propagate, HasTags, Assign);
}
