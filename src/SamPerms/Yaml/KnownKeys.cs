namespace SamPerms.Yaml;

/// <summary>
/// The mapping keys templates use most (CloudFormation, SAM, IAM and OpenAPI names), kept as one string each: a
/// key read from a template is that string rather than a new one (no allocation per key), and a lookup written with
/// the same literal in the engine finds it by reference before comparing any character.
/// </summary>
internal static class KnownKeys
{
    private static readonly string[] Names =
    [
        "AWSTemplateFormatVersion", "Transform", "Description", "Metadata", "Parameters", "Mappings", "Conditions",
        "Globals", "Resources", "Outputs", "Type", "Properties", "Condition", "DependsOn", "DeletionPolicy",
        "UpdateReplacePolicy", "Default", "AllowedValues", "AllowedPattern", "NoEcho", "Value", "Export", "Name",
        "Ref", "Fn::GetAtt", "Fn::Sub", "Fn::Join", "Fn::If", "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or",
        "Fn::Select", "Fn::Split", "Fn::FindInMap", "Fn::ImportValue", "Fn::Base64", "Fn::GetAZs", "Fn::Cidr",
        "Runtime", "Handler", "CodeUri", "InlineCode", "ImageUri", "PackageType", "MemorySize", "Timeout", "Tracing",
        "Environment", "Variables", "Policies", "Role", "RoleArn", "FunctionName", "Architectures", "Layers",
        "AutoPublishAlias", "DeploymentPreference", "Events", "Api", "HttpApi", "Path", "Method", "RestApiId", "ApiId",
        "Schedule", "Queue", "Topic", "Stream", "Bucket", "BatchSize", "StartingPosition", "Enabled", "State",
        "EventPattern", "Input", "Target", "Targets", "Auth", "Authorizer", "Authorizers", "DefaultAuthorizer",
        "Cors", "StageName", "DefinitionBody", "DefinitionUri", "Definition", "DefinitionSubstitutions",
        "EndpointConfiguration", "Domain", "DomainName", "TableName", "BucketName", "QueueName", "TopicName",
        "PolicyDocument", "PolicyName", "ManagedPolicyArns", "AssumeRolePolicyDocument", "Version", "Statement",
        "Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Service",
        "Tags", "Key", "KeyType", "KeySchema", "AttributeName", "AttributeType", "AttributeDefinitions", "BillingMode",
        "SourceArn", "FunctionArn", "Arn", "Id", "Permissions", "Connectors", "Source", "Destination",
        "VpcConfig", "SecurityGroupIds", "SubnetIds", "LogGroupName", "RetentionInDays",
        "swagger", "openapi", "info", "title", "paths", "get", "post", "put", "delete", "patch", "options", "head",
        "responses", "description", "schema", "type", "security", "securityDefinitions", "components",
        "x-amazon-apigateway-integration", "x-amazon-apigateway-any-method", "httpMethod", "uri", "statusCode",
        "passthroughBehavior",
    ];

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Names.ToDictionary(n => n, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The key's text: the kept string when it is a known key, else a new one.</summary>
    public static string Of(ReadOnlySpan<char> key) => Lookup.TryGetValue(key, out var known) ? known : key.ToString();

    /// <summary>The kept string for <paramref name="key"/> when it is a known key, else <paramref name="key"/> itself.</summary>
    public static string Of(string key) => Lookup.TryGetValue(key.AsSpan(), out var known) ? known : key;
}
