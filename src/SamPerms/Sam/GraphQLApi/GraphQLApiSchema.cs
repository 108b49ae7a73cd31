using SamPerms.Sam.Core.Schema;
using static SamPerms.Sam.Core.Schema.SchemaModel;

namespace SamPerms.Sam.GraphQLApi;

/// <summary>The reference's pydantic model of AWS::Serverless::GraphQLApi properties (pass-through values are Any).</summary>
internal static class GraphQLApiSchema
{
    private static readonly SchemaType Pass = SchemaType.Any;

    private static readonly SchemaModel LambdaAuthorizer = new(
        Optional("AuthorizerResultTtlInSeconds", Pass),
        Required("AuthorizerUri", Pass),
        Optional("IdentityValidationExpression", Pass));

    private static readonly SchemaModel OpenIDConnect = new(
        Optional("AuthTTL", Pass),
        Optional("ClientId", Pass),
        Optional("IatTTL", Pass),
        Optional("Issuer", Pass));

    private static readonly SchemaModel UserPool = new(
        Optional("AppIdClientRegex", Pass),
        Optional("AwsRegion", Pass),
        Optional("DefaultAction", Pass),
        Required("UserPoolId", Pass));

    private static readonly SchemaField[] AuthorizerFields =
    [
        Required("Type", SchemaType.Literal("AWS_IAM", "API_KEY", "AWS_LAMBDA", "OPENID_CONNECT", "AMAZON_COGNITO_USER_POOLS")),
        Optional("LambdaAuthorizer", LambdaAuthorizer),
        Optional("OpenIDConnect", OpenIDConnect),
        Optional("UserPool", UserPool),
    ];

    private static readonly SchemaModel Authorizer = new(AuthorizerFields);

    private static readonly SchemaModel Auth = new([.. AuthorizerFields, Optional("Additional", SchemaType.List(Authorizer))]);

    private static readonly SchemaModel ApiKey = new(
        Optional("ApiKeyId", Pass),
        Optional("Description", Pass),
        Optional("ExpiresOn", Pass));

    private static readonly SchemaModel Logging = new(
        Optional("CloudWatchLogsRoleArn", Pass),
        Optional("ExcludeVerboseContent", Pass),
        Optional("FieldLogLevel", Pass));

    private static readonly SchemaModel DeltaSync = new(
        Required("BaseTableTTL", Pass),
        Required("DeltaSyncTableName", Pass),
        Required("DeltaSyncTableTTL", Pass));

    private static readonly SchemaModel DynamoDBDataSource = new(
        Required("TableName", Pass),
        Optional("ServiceRoleArn", Pass),
        Optional("TableArn", Pass),
        Optional("Permissions", SchemaType.List(SchemaType.Literal("Read", "Write"))),
        Optional("Name", Pass),
        Optional("Description", Pass),
        Optional("Region", Pass),
        Optional("DeltaSync", DeltaSync),
        Optional("UseCallerCredentials", Pass),
        Optional("Versioned", Pass));

    private static readonly SchemaModel LambdaDataSource = new(
        Required("FunctionArn", Pass),
        Optional("ServiceRoleArn", Pass),
        Optional("Name", Pass),
        Optional("Description", Pass));

    private static readonly SchemaModel DataSources = new(
        Optional("DynamoDb", SchemaType.Dict(DynamoDBDataSource)),
        Optional("Lambda", SchemaType.Dict(LambdaDataSource)));

    private static readonly SchemaModel Runtime = new(
        Required("Name", Pass),
        Required("Version", Pass));

    private static readonly SchemaModel Sync = new(
        Required("ConflictDetection", Pass),
        Optional("ConflictHandler", Pass),
        Optional("LambdaConflictHandlerConfig", new SchemaModel(Required("LambdaConflictHandlerArn", Pass))));

    private static readonly SchemaModel Function = new(
        Optional("DataSource", SchemaType.Intrinsicable(SchemaType.Str)),
        Optional("Runtime", Runtime),
        Optional("InlineCode", Pass),
        Optional("CodeUri", Pass),
        Optional("Description", Pass),
        Optional("MaxBatchSize", Pass),
        Optional("Name", SchemaType.Str),
        Optional("Id", Pass),
        Optional("Sync", Sync));

    private static readonly SchemaModel Caching = new(
        Required("Ttl", Pass),
        Optional("CachingKeys", SchemaType.List(Pass)));

    private static readonly SchemaModel Resolver = new(
        Optional("FieldName", SchemaType.Str),
        Optional("Caching", Caching),
        Optional("InlineCode", Pass),
        Optional("CodeUri", Pass),
        Optional("MaxBatchSize", Pass),
        Optional("Pipeline", SchemaType.List(SchemaType.Str)),
        Optional("Runtime", Runtime),
        Optional("Sync", Sync));

    private static readonly SchemaModel DomainName = new(
        Required("CertificateArn", Pass),
        Required("DomainName", Pass),
        Optional("Description", Pass));

    private static readonly SchemaModel Cache = new(
        Required("ApiCachingBehavior", Pass),
        Required("Ttl", Pass),
        Required("Type", Pass),
        Optional("AtRestEncryptionEnabled", Pass),
        Optional("TransitEncryptionEnabled", Pass));

    public static readonly SchemaModel Properties = new(
        Required("Auth", Auth),
        Optional("Tags", SchemaType.Dict()),
        Optional("Name", Pass),
        Optional("XrayEnabled", SchemaType.Bool),
        Optional("SchemaInline", Pass),
        Optional("SchemaUri", Pass),
        Optional("Logging", SchemaType.Union(Logging, SchemaType.Bool)),
        Optional("DataSources", DataSources),
        Optional("Functions", SchemaType.Dict(Function)),
        Optional("Resolvers", SchemaType.Dict(SchemaType.Dict(Resolver))),
        Optional("ApiKeys", SchemaType.Dict(ApiKey)),
        Optional("DomainName", DomainName),
        Optional("Cache", Cache),
        Optional("Visibility", Pass),
        Optional("OwnerContact", Pass),
        Optional("IntrospectionConfig", Pass),
        Optional("QueryDepthLimit", Pass),
        Optional("ResolverCountLimit", Pass));
}
