using SamPerms.Data;

namespace SamPerms.Permissions.Effective.Workflows;

/// <summary>
/// The IAM action an AWS SDK integration (<c>arn:aws:states:::aws-sdk:SERVICE:apiAction</c>) calls. Step Functions
/// Developer Guide, "AWS SDK service integrations": the service is the SDK's service name in lower case, the API
/// action is camel case, and Step Functions does not generate the policy: the role must grant the API's action.
/// The action is the service's IAM prefix (Service Authorization Reference) and the API name in Pascal case; the
/// SDK's service name is the prefix except where the table below says otherwise, and a few APIs are authorized by
/// an action of another name (Service Authorization Reference: "some operations require different actions").
/// An action the IAM action catalog does not know is no need at all (cannot tell).
/// </summary>
internal static class AwsSdkActions
{
    private static readonly Dictionary<string, string> Prefixes = new(StringComparer.Ordinal)
    {
        ["sfn"] = "states", ["eventbridge"] = "events", ["cloudwatchlogs"] = "logs", ["sesv2"] = "ses",
        ["elasticloadbalancingv2"] = "elasticloadbalancing", ["databasemigration"] = "dms", ["costexplorer"] = "ce",
        ["directory"] = "ds", ["efs"] = "elasticfilesystem", ["emr"] = "elasticmapreduce", ["emrserverless"] = "emr-serverless",
        ["emrcontainers"] = "emr-containers", ["rdsdata"] = "rds-data", ["lexmodelsv2"] = "lex", ["lexruntimev2"] = "lex",
        ["kinesisanalyticsv2"] = "kinesisanalytics", ["ssooidc"] = "sso-oauth", ["marketplacecatalog"] = "aws-marketplace",
        ["mediapackagevod"] = "mediapackage-vod", ["cognitoidentityprovider"] = "cognito-idp", ["cognitoidentity"] = "cognito-identity",
        ["applicationautoscaling"] = "application-autoscaling", ["autoscalingplans"] = "autoscaling-plans", ["elasticsearch"] = "es",
        ["opensearch"] = "es", ["codestarnotifications"] = "codestar-notifications", ["codestarconnections"] = "codestar-connections",
        ["pinpointsmsvoice"] = "sms-voice", ["costandusagereport"] = "cur", ["migrationhub"] = "mgh", ["resourcegroups"] = "resource-groups",
        ["resourcegroupstaggingapi"] = "tag", ["acmpca"] = "acm-pca", ["iotjobsdataplane"] = "iotjobsdata", ["sagemakerruntime"] = "sagemaker",
        ["apigatewaymanagementapi"] = "execute-api", ["apigatewayv2"] = "apigateway", ["ec2instanceconnect"] = "ec2-instance-connect",
        ["iotdata"] = "iot", ["ioteventsdata"] = "iotevents", ["s3control"] = "s3", ["mediastoredata"] = "mediastore",
        ["bedrockruntime"] = "bedrock", ["bedrockagentruntime"] = "bedrock", ["cloudcontrol"] = "cloudformation",
        ["appconfigdata"] = "appconfig", ["dynamodbstreams"] = "dynamodb", ["ssoadmin"] = "sso",
    };

    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["s3:listObjectsV2"] = "s3:ListBucket", ["s3:listObjects"] = "s3:ListBucket", ["s3:headObject"] = "s3:GetObject",
        ["s3:headBucket"] = "s3:ListBucket", ["s3:listBuckets"] = "s3:ListAllMyBuckets", ["lambda:invoke"] = "lambda:InvokeFunction",
        ["s3:deleteObjects"] = "s3:DeleteObject",
    };

    /// <summary>"s3:getObject" → "s3:GetObject"; null when the catalog knows no such action.</summary>
    public static string? ActionOf(string service, string api)
    {
        if (service.Length == 0 || api.Length == 0)
        {
            return null;
        }

        var action = Renamed.GetValueOrDefault(service + ":" + api)
            ?? Prefixes.GetValueOrDefault(service, service) + ":" + char.ToUpperInvariant(api[0]) + api[1..];
        return IamActionCatalog.Find(action)?.FullName;
    }
}
