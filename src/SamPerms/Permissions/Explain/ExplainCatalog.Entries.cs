namespace SamPerms.Permissions.Explain;

public static partial class ExplainCatalog
{
    private const string Poller = "SAM adds the event source mapping {ids}: Lambda's poller reads the source and invokes the function with the function's own execution role, so that role (not a resource-based policy) needs the read actions; SAM adds them to a role it generates.";
    private const string InvokePermission = "SAM adds {ids}, a resource-based policy on the function that lets {invokers} invoke it.";
    private const string EventRole = "SAM creates the role {ids}, trusted by {trusts}, that the event's target is called with ({policies}): an identity-based policy for the caller, not for the function.";
    private const string Rule = "SAM adds the rule {ids} that matches the events and sends them to the function.";
    private const string DeadLetter = "SAM creates the dead-letter queue {ids} for events that cannot be delivered.";
    private const string DeadLetterPolicy = "SAM adds {ids}, a resource-based policy on the dead-letter queue that lets the event source send to it.";

    private static readonly Dictionary<string, string> Entries = new(StringComparer.Ordinal)
    {
        // The SAM resource itself.
        ["resource|AWS::Lambda::Function"] = "SAM writes the function itself as {ids}.",
        ["resource|AWS::IAM::Role"] = "SAM creates the execution role {ids}, trusted by {trusts}: an identity-based policy that says what {owner} may do ({policies}).",
        ["resource|AWS::StepFunctions::StateMachine"] = "SAM writes the state machine itself as {ids}.",
        ["resource|AWS::ApiGateway::RestApi"] = "SAM writes the REST API {ids}, its definition built from the API's properties and the functions' Api events.",
        ["resource|AWS::ApiGateway::Deployment"] = "SAM adds the deployment {ids}; its logical id ends in a hash of the API's definition, so every change to the API gives a new logical id and CloudFormation deploys the API again.",
        ["resource|AWS::ApiGateway::Stage"] = "SAM adds the stage {ids}, which serves the latest deployment.",
        ["resource|AWS::ApiGatewayV2::Api"] = "SAM writes the HTTP or WebSocket API {ids}, its definition built from the API's properties and the functions' HttpApi events.",
        ["resource|AWS::ApiGatewayV2::Stage"] = "SAM adds the stage {ids} (auto-deployed).",
        ["resource|AWS::AppSync::GraphQLApi"] = "SAM writes the GraphQL API {ids}.",
        ["resource|AWS::AppSync::GraphQLSchema"] = "SAM adds the schema {ids} of the GraphQL API.",
        ["resource|AWS::Lambda::LayerVersion"] = "SAM writes the layer as {ids}; its logical id ends in a hash of its content, so a change publishes a new layer version (RetentionPolicy decides whether the old one is kept).",
        ["resource|AWS::DynamoDB::Table"] = "SAM writes the table {ids}.",
        ["resource|AWS::IAM::ManagedPolicy"] = "SAM adds {ids}, an identity-based policy attached to the source's role: the access the connector grants.",
        ["resource|AWS::Lambda::CapacityProvider"] = "SAM writes the capacity provider {ids}.",
        ["resource|AWS::Lambda::Permission"] = "SAM adds {ids}, a resource-based policy that lets {invokers} invoke the destination (the connector's access).",
        ["resource|AWS::SNS::TopicPolicy"] = "SAM adds {ids}, a resource-based policy on the topic that lets the connector's source publish to it.",
        ["resource|AWS::SQS::QueuePolicy"] = "SAM adds {ids}, a resource-based policy on the queue that lets the connector's source send to it.",

        // Role and policies.
        ["Policies|AWS::IAM::Role"] = "SAM creates the execution role {ids}, trusted by {trusts}, from Policies: an identity-based policy that says what {owner} may do ({policies}); policy templates expand to their statements.",
        ["Logging|AWS::IAM::Role"] = "SAM creates the role {ids} so the state machine may write its logs ({policies}).",
        ["DeploymentPreference|AWS::IAM::Role"] = "SAM creates {ids}, the role CodeDeploy uses to shift traffic between versions ({policies}).",
        ["DeploymentPreference|AWS::CodeDeploy::Application"] = "SAM adds the CodeDeploy application {ids}, shared by every function with a DeploymentPreference.",
        ["DeploymentPreference|AWS::CodeDeploy::DeploymentGroup"] = "SAM adds the deployment group {ids} that shifts traffic to each new version gradually.",

        // Versions, aliases, URLs, async invocation.
        ["AutoPublishAlias|AWS::Lambda::Version"] = "SAM publishes a version {ids}; its logical id ends in a hash of the code and configuration, so a change publishes a new version.",
        ["AutoPublishAlias|AWS::Lambda::Alias"] = "SAM adds the alias {ids} pointing at the new version; event sources and permissions then target the alias.",
        ["AutoPublishAlias|AWS::StepFunctions::StateMachineVersion"] = "SAM publishes a state machine version {ids}.",
        ["AutoPublishAlias|AWS::StepFunctions::StateMachineAlias"] = "SAM adds the state machine alias {ids} pointing at the new version.",
        ["FunctionUrlConfig|AWS::Lambda::Url"] = "SAM adds the function URL {ids}, an HTTPS endpoint for the function.",
        ["FunctionUrlConfig|AWS::Lambda::Permission"] = "SAM adds {ids}, resource-based policies on the function that let these callers in: {invokers}.",
        ["EventInvokeConfig|AWS::Lambda::EventInvokeConfig"] = "SAM adds {ids}: retries and destinations for asynchronous invocations.",
        ["EventInvokeConfig|AWS::SNS::Topic"] = "SAM creates the destination topic {ids}; the execution role gets sns:Publish on it.",
        ["EventInvokeConfig|AWS::SQS::Queue"] = "SAM creates the destination queue {ids}; the execution role gets sqs:SendMessage on it.",

        // Events that push: a resource-based policy lets the service invoke the function.
        ["Events:S3|AWS::Lambda::Permission"] = InvokePermission,
        ["changes|AWS::S3::Bucket"] = "SAM changes the bucket {ids}: it sets {changed}, the notification that sends the event to the function.",
        ["changes|AWS::Cognito::UserPool"] = "SAM changes the user pool {ids}: it sets {changed}, the trigger that invokes the function.",
        ["Events:Api|AWS::Lambda::Permission"] = InvokePermission,
        ["Events:Api|AWS::IAM::Role"] = EventRole,
        ["Events:HttpApi|AWS::Lambda::Permission"] = InvokePermission,
        ["Events:SNS|AWS::Lambda::Permission"] = InvokePermission,
        ["Events:SNS|AWS::SNS::Subscription"] = "SAM subscribes the function to the topic with {ids}.",
        ["Events:SNS|AWS::SQS::Queue"] = "SAM creates the queue {ids} between the topic and the function (SqsSubscription).",
        ["Events:SNS|AWS::SQS::QueuePolicy"] = "SAM adds {ids}, a resource-based policy on the queue that lets the topic send to it.",
        ["Events:SNS|AWS::Lambda::EventSourceMapping"] = Poller,
        ["Events:Schedule|AWS::Events::Rule"] = "SAM adds the schedule rule {ids} that invokes the function on time.",
        ["Events:Schedule|AWS::Lambda::Permission"] = InvokePermission,
        ["Events:Schedule|AWS::IAM::Role"] = EventRole,
        ["Events:Schedule|AWS::SQS::Queue"] = DeadLetter,
        ["Events:Schedule|AWS::SQS::QueuePolicy"] = DeadLetterPolicy,
        ["Events:ScheduleV2|AWS::Scheduler::Schedule"] = "SAM adds the EventBridge Scheduler schedule {ids}; it invokes the target with a role, not through a resource-based policy.",
        ["Events:ScheduleV2|AWS::IAM::Role"] = EventRole,
        ["Events:CloudWatchEvent|AWS::Events::Rule"] = Rule,
        ["Events:CloudWatchEvent|AWS::Lambda::Permission"] = InvokePermission,
        ["Events:CloudWatchEvent|AWS::IAM::Role"] = EventRole,
        ["Events:EventBridgeRule|AWS::Events::Rule"] = Rule,
        ["Events:EventBridgeRule|AWS::Lambda::Permission"] = InvokePermission,
        ["Events:EventBridgeRule|AWS::IAM::Role"] = EventRole,
        ["Events:CloudWatchLogs|AWS::Logs::SubscriptionFilter"] = "SAM adds the subscription filter {ids} that sends matching log events to the function.",
        ["Events:CloudWatchLogs|AWS::Lambda::Permission"] = InvokePermission,
        ["Events:IoTRule|AWS::IoT::TopicRule"] = "SAM adds the IoT topic rule {ids} that invokes the function.",
        ["Events:IoTRule|AWS::Lambda::Permission"] = InvokePermission,
        ["Events:AlexaSkill|AWS::Lambda::Permission"] = InvokePermission,
        ["Events:Cognito|AWS::Lambda::Permission"] = InvokePermission,

        // Events that are polled: the function's role reads the source.
        ["Events:SQS|AWS::Lambda::EventSourceMapping"] = Poller,
        ["Events:Kinesis|AWS::Lambda::EventSourceMapping"] = Poller,
        ["Events:DynamoDB|AWS::Lambda::EventSourceMapping"] = Poller,
        ["Events:MSK|AWS::Lambda::EventSourceMapping"] = Poller,
        ["Events:MQ|AWS::Lambda::EventSourceMapping"] = Poller,
        ["Events:SelfManagedKafka|AWS::Lambda::EventSourceMapping"] = Poller,
        ["Events:DocumentDB|AWS::Lambda::EventSourceMapping"] = Poller,

        // APIs.
        ["Auth|AWS::Lambda::Permission"] = "SAM adds {ids}, a resource-based policy that lets {invokers} invoke the Lambda authorizer.",
        ["Auth|AWS::ApiGateway::ApiKey"] = "SAM creates the API key {ids} for the usage plan.",
        ["Auth|AWS::ApiGateway::UsagePlan"] = "SAM adds the usage plan {ids} (throttling and quotas for API keys).",
        ["Auth|AWS::ApiGateway::UsagePlanKey"] = "SAM attaches the key to the usage plan with {ids}.",
        ["Auth|AWS::ApiGatewayV2::Authorizer"] = "SAM adds the authorizer {ids}.",
        ["Routes|AWS::ApiGatewayV2::Route"] = "SAM adds the WebSocket route {ids}.",
        ["Routes|AWS::ApiGatewayV2::Integration"] = "SAM adds the integration {ids} that sends the route's messages to the function.",
        ["Routes|AWS::Lambda::Permission"] = InvokePermission,
        ["Domain|AWS::ApiGateway::DomainName"] = "SAM adds the custom domain {ids}.",
        ["Domain|AWS::ApiGateway::DomainNameV2"] = "SAM adds the private custom domain {ids}.",
        ["Domain|AWS::ApiGateway::DomainNameAccessAssociation"] = "SAM associates the private domain with a VPC endpoint: {ids}.",
        ["Domain|AWS::ApiGateway::BasePathMapping"] = "SAM maps the domain's base path to the stage with {ids}.",
        ["Domain|AWS::ApiGateway::BasePathMappingV2"] = "SAM maps the private domain's base path to the stage with {ids}.",
        ["Domain|AWS::ApiGatewayV2::DomainName"] = "SAM adds the custom domain {ids}.",
        ["Domain|AWS::ApiGatewayV2::ApiMapping"] = "SAM maps the domain to the stage with {ids}.",
        ["Domain|AWS::Route53::RecordSetGroup"] = "SAM adds the DNS records {ids} for the domain.",

        // GraphQL APIs.
        ["ApiKeys|AWS::AppSync::ApiKey"] = "SAM creates the API key {ids}.",
        ["Cache|AWS::AppSync::ApiCache"] = "SAM adds the API cache {ids}.",
        ["DataSources|AWS::AppSync::DataSource"] = "SAM adds the data source {ids}.",
        ["DataSources|AWS::IAM::Role"] = "SAM creates the role {ids}, trusted by {trusts}, that AppSync uses to reach the data source ({policies}).",
        ["DataSources|AWS::IAM::ManagedPolicy"] = "SAM adds {ids}, the identity-based policy of the data source's role.",
        ["Functions|AWS::AppSync::DataSource"] = "SAM adds the data source {ids} a pipeline function uses.",
        ["Functions|AWS::AppSync::FunctionConfiguration"] = "SAM adds the pipeline function {ids}.",
        ["Resolvers|AWS::AppSync::Resolver"] = "SAM adds the resolver {ids}.",
        ["DomainName|AWS::AppSync::DomainName"] = "SAM adds the custom domain {ids}.",
        ["DomainName|AWS::AppSync::DomainNameApiAssociation"] = "SAM associates the custom domain with the API: {ids}.",
    };
}
