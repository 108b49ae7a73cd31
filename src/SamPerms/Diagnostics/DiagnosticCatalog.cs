using SamPerms.Text;

namespace SamPerms.Diagnostics;

/// <summary>
/// Every diagnostic code SamPerms reports, defined once with its severity, title and help. Codes are stable:
/// SP1xxx reading the template, SP2xxx SAM (its own errors, resource schema, references; SP25xx CloudFormation's resource schemas), SP3xxx IAM
/// (SP30xx policy mistakes, SP31xx risky grants, SP32xx effective access: what IAM will not let happen), SP4xxx intent
/// (the intent file or metadata that diff reads).
/// </summary>
public static class DiagnosticCatalog
{
    public const string YamlSyntax = "SP1001";
    public const string DuplicateKey = "SP1002";
    public const string UnknownTag = "SP1003";
    public const string InvalidEncoding = "SP1004";
    public const string DocumentTooLarge = "SP1005";
    public const string NestingTooDeep = "SP1006";
    public const string NotATemplate = "SP1007";
    public const string UnreadableFile = "SP1008";
    public const string WrongType = "SP1101";
    public const string UnknownSuppression = "SP1201";
    public const string UnusedSuppression = "SP1202";
    public const string SamTransformError = "SP2001";
    public const string LanguageExtensionError = "SP2002";
    public const string DeployTimeValue = "SP2003";
    public const string OfflineApplication = "SP2004";
    public const string UnknownSamType = "SP2101";
    public const string UnknownSamProperty = "SP2102";
    public const string SamPropertyType = "SP2103";
    public const string UnknownEventType = "SP2104";
    public const string RefTargetMissing = "SP2201";
    public const string GetAttTargetMissing = "SP2202";
    public const string SubVariableMissing = "SP2203";
    public const string DependsOnMissing = "SP2204";
    public const string ConditionMissing = "SP2205";
    public const string LocalArtifactMissing = "SP2301";
    public const string UnknownResourceType = "SP2501";
    public const string UnknownResourceProperty = "SP2502";
    public const string MissingRequiredProperty = "SP2503";
    public const string PropertyValueKind = "SP2504";
    public const string PropertyValueNotAllowed = "SP2505";
    public const string UnknownGetAttAttribute = "SP2506";
    public const string UnknownService = "SP3001";
    public const string UnknownAction = "SP3002";
    public const string WildcardMatchesNothing = "SP3003";
    public const string MalformedArn = "SP3004";
    public const string InvalidEffect = "SP3005";
    public const string UnknownPolicyTemplate = "SP3006";
    public const string UnknownManagedPolicy = "SP3007";
    public const string MissingTemplateParameters = "SP3008";
    public const string MalformedAction = "SP3009";
    public const string DuplicateStatement = "SP3010";
    public const string UnknownServicePrincipal = "SP3011";
    public const string ActionNotOnResource = "SP3012";
    public const string BucketPolicyActionNotOnResource = "SP3013";
    public const string UnknownConditionOperator = "SP3014";
    public const string UnknownConditionKey = "SP3015";
    public const string ConditionKeyOfOtherService = "SP3017";
    public const string ConditionOperatorType = "SP3018";
    public const string AllActionsOnAllResources = "SP3101";
    public const string PassRoleOnAnyRole = "SP3102";
    public const string NotActionOrNotResourceAllow = "SP3103";
    public const string InvokeWithoutSourceArn = "SP3104";
    public const string PublicPrincipal = "SP3105";
    public const string PublicFunctionUrl = "SP3106";
    public const string PollerWithExplicitRole = "SP3107";
    public const string OpenApiRoute = "SP3108";
    public const string RecursiveTrigger = "SP3109";
    public const string AssumeRoleOnAnyRole = "SP3110";
    public const string OutsideBoundary = "SP3201";
    public const string PoliciesIgnored = "SP3202";
    public const string NamedResourceNotGranted = "SP3203";
    public const string DeliveryNotGranted = "SP3204";
    public const string KeyNotUsable = "SP3205";
    public const string CrossAccountTrust = "SP3206";
    public const string ResourcePolicyDenies = "SP3207";
    public const string KeyPolicyExcludesRole = "SP3208";
    public const string KeyUseNotGranted = "SP3209";
    public const string ServiceKeyNotAllowed = "SP3210";
    public const string WorkflowTaskNotGranted = "SP3220";
    public const string InvalidIntent = "SP4001";
    public const string UnknownSubject = "SP4002";
    public const string InvalidConfiguration = "SP5001";

    private const string CategoryReading = "reading";
    private const string CategorySam = "sam";
    private const string CategoryReferences = "references";
    private const string CategoryCloudFormation = "cloudformation";
    private const string CategoryIam = "iam";
    private const string CategoryRisk = "risky-grant";
    private const string CategoryEffective = "effective-access";

    /// <summary>The category of the codes the intent check reports (diff), not validate.</summary>
    public const string CategoryIntent = "intent";

    /// <summary>SamPerms' own files (the project file, a baseline): checked when they are read, by no rule.</summary>
    public const string CategoryConfiguration = "configuration";

    public static readonly DiagnosticDescriptor YamlSyntaxDescriptor = new(YamlSyntax, Severity.Error, CategoryReading,
        "The template is not valid YAML or JSON",
        "The file cannot be parsed. Fix the syntax at the position shown: indentation (tabs are not allowed in YAML), an unclosed quote or bracket, a stray character, or a second document after '---'.");

    public static readonly DiagnosticDescriptor DuplicateKeyDescriptor = new(DuplicateKey, Severity.Warning, CategoryReading,
        "A mapping defines the same key twice",
        "SAM, PyYAML and `sam deploy` (which re-serialises the template) keep the last value silently, so SamPerms does too and goes on; the first value is ignored, which is rarely what was meant. Remove or rename one of them; the message says where the first one is.");

    public static readonly DiagnosticDescriptor UnknownTagDescriptor = new(UnknownTag, Severity.Error, CategoryReading,
        "A YAML tag is not a CloudFormation short form",
        "Only CloudFormation's short forms (!Ref, !Sub, !GetAtt, !If, ...) are understood. A misspelled tag such as !Reff is passed on as a string by other tools and fails at deploy.");

    public static readonly DiagnosticDescriptor InvalidEncodingDescriptor = new(InvalidEncoding, Severity.Error, CategoryReading,
        "The file is not valid UTF-8",
        "CloudFormation reads templates as UTF-8. Save the file as UTF-8 (UTF-16 with a byte order mark is read too).");

    public static readonly DiagnosticDescriptor DocumentTooLargeDescriptor = new(DocumentTooLarge, Severity.Error, CategoryReading,
        "The template is too large to read",
        "The file, or what its YAML aliases expand to, exceeds SamPerms' reading limits. CloudFormation limits templates to 1 MB; an alias that expands exponentially is a mistake or an attack.");

    public static readonly DiagnosticDescriptor NestingTooDeepDescriptor = new(NestingTooDeep, Severity.Error, CategoryReading,
        "The template nests values too deeply",
        "Values nested hundreds of levels deep are not a real template. Check for runaway indentation or generated input.");

    public static readonly DiagnosticDescriptor NotATemplateDescriptor = new(NotATemplate, Severity.Error, CategoryReading,
        "The document is not a template",
        "A SAM template is a mapping with a Resources section. The file holds something else (a list, a scalar, or nothing).");

    public static readonly DiagnosticDescriptor UnreadableFileDescriptor = new(UnreadableFile, Severity.Error, CategoryReading,
        "The file cannot be read",
        "The file does not exist, is a directory, or cannot be opened (permissions). The other files of the batch are still checked.");

    public static readonly DiagnosticDescriptor UnknownSuppressionDescriptor = new(UnknownSuppression, Severity.Warning, CategoryReading,
        "A suppression names a code that does not exist",
        "Metadata: SamPerms: Ignore lists SamPerms codes (SP3106) or prefixes (SP31*). A misspelled code suppresses nothing; the finding it was meant for is still reported. `samperms validate --list-rules` lists the codes.");

    public static readonly DiagnosticDescriptor UnusedSuppressionDescriptor = new(UnusedSuppression, Severity.Warning, CategoryReading,
        "A suppression suppresses nothing",
        "Nothing in its scope (the resource, or the whole template) is reported under this code any more: the problem was fixed, or the suppression sits on the wrong resource. Remove it, so that it does not hide a future finding.");

    public static readonly DiagnosticDescriptor WrongTypeDescriptor = new(WrongType, Severity.Error, CategoryReading,
        "A template section or resource attribute has the wrong type",
        "CloudFormation expects fixed shapes: Parameters, Conditions, Resources, Outputs and Mappings are mappings; each resource is a mapping with a string Type, a mapping of Properties, a string Condition, a string or list DependsOn, and a mapping Metadata.");

    public static readonly DiagnosticDescriptor SamTransformErrorDescriptor = new(SamTransformError, Severity.Error, CategorySam,
        "AWS SAM rejects the template",
        "The AWS SAM translator (what `sam deploy` and CloudFormation's Serverless transform run) fails on this template with the message shown, word for word. It is located at the property that causes it.");

    public static readonly DiagnosticDescriptor LanguageExtensionErrorDescriptor = new(LanguageExtensionError, Severity.Error, CategorySam,
        "The AWS::LanguageExtensions transform cannot expand the template",
        "The template lists AWS::LanguageExtensions before the SAM transform, so CloudFormation expands Fn::ForEach, Fn::Length, Fn::ToJsonString and Fn::FindInMap with DefaultValue first. The construct shown cannot be expanded (wrong shape, a collection not known before deploy, or keys it generates twice), so the deploy fails before SAM runs.");

    public static readonly DiagnosticDescriptor DeployTimeValueDescriptor = new(DeployTimeValue, Severity.Info, CategorySam,
        "A value SAM needs is supplied only at deploy",
        "SAM needs a literal here (AutoPublishAlias, AutoPublishCodeSha256, ...) and it comes from a parameter with no Default: CloudFormation supplies it at deploy, so the template deploys. SamPerms analyses it with a placeholder, as cfn-lint does; findings about that resource assume the placeholder. Pass --parameter-overrides NAME=VALUE for exact results; `samperms transform` without it fails as SAM's translator does.");

    public static readonly DiagnosticDescriptor OfflineApplicationDescriptor = new(OfflineApplication, Severity.Warning, CategorySam,
        "A Serverless Application Repository application is not checked offline",
        "SAM asks the Serverless Application Repository for the application's template when it transforms the template; SamPerms works offline, so the application itself is not checked. Every other resource is. `samperms transform` names the resource that needs the network.");

    public static readonly DiagnosticDescriptor UnknownSamTypeDescriptor = new(UnknownSamType, Severity.Error, CategorySam,
        "An AWS::Serverless:: resource type does not exist",
        "SAM expands only the AWS::Serverless:: types it defines; any other passes through and CloudFormation rejects it. The message lists the types SAM knows.");

    public static readonly DiagnosticDescriptor UnknownSamPropertyDescriptor = new(UnknownSamProperty, Severity.Error, CategorySam,
        "A SAM resource has a property its type does not define",
        "SAM rejects unknown properties. This is usually a misspelling or a property of the underlying CloudFormation type; the message suggests the closest property of the SAM type.");

    public static readonly DiagnosticDescriptor SamPropertyTypeDescriptor = new(SamPropertyType, Severity.Warning, CategorySam,
        "A SAM property's value has an unexpected type",
        "The value's type (string, number, list, mapping, boolean) is not one the SAM specification allows for this property. SAM or CloudFormation may reject it, or read it differently than intended.");

    public static readonly DiagnosticDescriptor UnknownEventTypeDescriptor = new(UnknownEventType, Severity.Error, CategorySam,
        "An event source has a Type SAM does not know",
        "Each entry of Events needs a Type that SAM defines for this resource (S3, SQS, Api, Schedule, ...). The message lists them.");

    public static readonly DiagnosticDescriptor RefTargetMissingDescriptor = new(RefTargetMissing, Severity.Error, CategoryReferences,
        "Ref names no parameter, resource or pseudo parameter",
        "CloudFormation fails with 'Unresolved resource dependencies' when a Ref names something the template (after SAM's transform) does not define. Check the spelling, or define the parameter or resource.");

    public static readonly DiagnosticDescriptor GetAttTargetMissingDescriptor = new(GetAttTargetMissing, Severity.Error, CategoryReferences,
        "Fn::GetAtt names a resource that does not exist",
        "Fn::GetAtt must name a resource of the template (after SAM's transform). Check the logical id; SAM-generated resources such as MyFunctionRole can be named too.");

    public static readonly DiagnosticDescriptor SubVariableMissingDescriptor = new(SubVariableMissing, Severity.Error, CategoryReferences,
        "Fn::Sub uses a variable that is not defined",
        "A ${Name} in Fn::Sub must be a parameter, a resource (or Resource.Attribute), a pseudo parameter, or a variable given in Fn::Sub's second argument. Write ${!Name} for a literal ${Name}.");

    public static readonly DiagnosticDescriptor DependsOnMissingDescriptor = new(DependsOnMissing, Severity.Error, CategoryReferences,
        "DependsOn names a resource that does not exist",
        "Every DependsOn entry must be a logical id of a resource in the template.");

    public static readonly DiagnosticDescriptor ConditionMissingDescriptor = new(ConditionMissing, Severity.Error, CategoryReferences,
        "A condition that is used is not defined",
        "A resource's or output's Condition, the first argument of Fn::If, and Condition inside Conditions must name an entry of the Conditions section.");

    public static readonly DiagnosticDescriptor LocalArtifactMissingDescriptor = new(LocalArtifactMissing, Severity.Warning, CategoryReferences,
        "A local CodeUri, ContentUri or DefinitionUri does not exist",
        "A template not yet packaged names its code, layers and definitions by local paths, relative to the template's folder; `sam build` and `sam package` fail on a path that is not there. Checked when the template is a file and local artifacts are accepted.");

    public static readonly DiagnosticDescriptor UnknownResourceTypeDescriptor = new(UnknownResourceType, Severity.Error, CategoryCloudFormation,
        "CloudFormation has no such resource type",
        "The resource's Type names no type CloudFormation knows in any region (the public resource provider schemas); the deploy fails with 'Unrecognized resource types'. Check the spelling; the message suggests the closest type. Types of the CloudFormation registry outside the AWS namespace are not checked.");

    public static readonly DiagnosticDescriptor UnknownResourcePropertyDescriptor = new(UnknownResourceProperty, Severity.Error, CategoryCloudFormation,
        "A resource has a property its type does not define",
        "CloudFormation rejects a property its resource type's schema does not define (or one it only reports, such as Arn), and the deploy fails. Check the spelling; the message suggests the closest property. For a resource SAM generates, the finding is at the SAM property that passes the value on.");

    public static readonly DiagnosticDescriptor MissingRequiredPropertyDescriptor = new(MissingRequiredProperty, Severity.Error, CategoryCloudFormation,
        "A resource lacks a required property",
        "The resource type's schema requires this property; without it the deploy fails.");

    public static readonly DiagnosticDescriptor PropertyValueKindDescriptor = new(PropertyValueKind, Severity.Error, CategoryCloudFormation,
        "A property's value has the wrong shape",
        "The property takes a list, a mapping or a single value, and the template gives another shape; CloudFormation rejects it at deploy. Values computed by intrinsic functions are not checked.");

    public static readonly DiagnosticDescriptor PropertyValueNotAllowedDescriptor = new(PropertyValueNotAllowed, Severity.Error, CategoryCloudFormation,
        "A property's value is not one its type allows",
        "The property takes one of a fixed set of values (its schema's enum), and the template gives another; the deploy fails. The message lists the allowed values and the closest one.");

    public static readonly DiagnosticDescriptor UnknownGetAttAttributeDescriptor = new(UnknownGetAttAttribute, Severity.Error, CategoryCloudFormation,
        "Fn::GetAtt names an attribute the resource type does not have",
        "Each resource type returns a fixed set of attributes (its schema); Fn::GetAtt of another one fails the deploy. Check the spelling; the message lists the closest attributes. For a SAM resource the attribute is that of the resource SAM generates.");

    public static readonly DiagnosticDescriptor UnknownServiceDescriptor = new(UnknownService, Severity.Warning, CategoryIam,
        "An IAM action names a service prefix that does not exist",
        "The part before ':' in an action must be an AWS service prefix (s3, dynamodb, lambda, ...). IAM accepts the policy but the statement grants nothing. The message suggests the closest prefix.");

    public static readonly DiagnosticDescriptor UnknownActionDescriptor = new(UnknownAction, Severity.Warning, CategoryIam,
        "An IAM action does not exist in its service",
        "IAM accepts unknown action names but they grant nothing, so the code that needs the permission fails at run time. The message suggests the closest action of the service.");

    public static readonly DiagnosticDescriptor WildcardMatchesNothingDescriptor = new(WildcardMatchesNothing, Severity.Warning, CategoryIam,
        "An IAM action wildcard matches no action",
        "A pattern such as s3:Get*Objekt matches no action of the service, so the statement grants nothing.");

    public static readonly DiagnosticDescriptor MalformedArnDescriptor = new(MalformedArn, Severity.Error, CategoryIam,
        "A Resource in an IAM statement is not an ARN",
        "IAM rejects a policy whose Resource is neither \"*\" nor an ARN (arn:partition:service:region:account:resource). A bucket or table name needs its full ARN.");

    public static readonly DiagnosticDescriptor MalformedActionDescriptor = new(MalformedAction, Severity.Error, CategoryIam,
        "An IAM action is not service:Action",
        "IAM's policy grammar allows \"*\" or a service prefix, one colon and an action name, with wildcards only in the action name. IAM rejects a policy with any other action (s3*, s*:GetObject, s3:Get:Object) as MalformedPolicyDocument, so the stack fails to deploy.");

    public static readonly DiagnosticDescriptor InvalidEffectDescriptor = new(InvalidEffect, Severity.Error, CategoryIam,
        "An IAM statement's Effect is not Allow or Deny",
        "IAM accepts only \"Allow\" and \"Deny\" (case-sensitive) and rejects the policy otherwise.");

    public static readonly DiagnosticDescriptor UnknownPolicyTemplateDescriptor = new(UnknownPolicyTemplate, Severity.Error, CategoryIam,
        "A Policies entry names no SAM policy template",
        "An entry of Policies written as `Name: {parameters}` must name a SAM policy template. SAM rejects any other such entry with a message that does not say why (\"Policy at index N in the 'Policies' property is not valid\"). The message suggests the closest template names.");

    public static readonly DiagnosticDescriptor UnknownManagedPolicyDescriptor = new(UnknownManagedPolicy, Severity.Error, CategoryIam,
        "A Policies entry names an AWS managed policy SAM does not know",
        "SAM turns a managed policy name into its ARN only for the names it knows in the template's partition; any other plain name is passed through and IAM rejects it at deploy. Use a known name or a full policy ARN.");

    public static readonly DiagnosticDescriptor MissingTemplateParametersDescriptor = new(MissingTemplateParameters, Severity.Error, CategoryIam,
        "A SAM policy template is missing parameter values",
        "Each SAM policy template needs a value for every one of its parameters (for example S3ReadPolicy needs BucketName). The message names the missing ones.");

    public static readonly DiagnosticDescriptor DuplicateStatementDescriptor = new(DuplicateStatement, Severity.Warning, CategoryIam,
        "A policy repeats a statement",
        "The same statement appears twice in one policy document. It grants nothing more, counts against the policy size limit, and often means an edit went to the wrong copy.");

    public static readonly DiagnosticDescriptor UnknownServicePrincipalDescriptor = new(UnknownServicePrincipal, Severity.Error, CategoryIam,
        "A service principal is misspelled",
        "A Principal's Service names a service principal close to a known one but not it (lamda.amazonaws.com for lambda.amazonaws.com): IAM rejects the policy (\"Invalid principal\") and the deploy fails. Known principals are the IAM action catalog's service prefixes and the principals services use that differ from them.");

    public static readonly DiagnosticDescriptor ActionNotOnResourceDescriptor = new(ActionNotOnResource, Severity.Warning, CategoryIam,
        "An action applies to none of the statement's resources",
        "The Service Authorization Reference lists the resource types each action acts on and their ARN formats: s3:GetObject acts on objects (arn:aws:s3:::bucket/key), not on buckets; s3:ListAllMyBuckets takes no ARN and matches only Resource \"*\". When no resource of the statement can be one the action acts on, the action grants (or denies) nothing there. Add the ARN the action needs (the message says which kind; often bucket/* beside the bucket) or move the action to a statement with that resource.");

    public static readonly DiagnosticDescriptor BucketPolicyActionNotOnResourceDescriptor = new(BucketPolicyActionNotOnResource, Severity.Error, CategoryIam,
        "A bucket policy grants an action on resources it does not apply to",
        "Amazon S3 rejects a bucket policy whose statement names an action that applies to none of its resources (\"Action does not apply to any resource(s) in statement\"), so the deploy fails. Object actions need arn:aws:s3:::bucket/*, bucket actions arn:aws:s3:::bucket.");

    public static readonly DiagnosticDescriptor UnknownConditionOperatorDescriptor = new(UnknownConditionOperator, Severity.Error, CategoryIam,
        "A Condition names an operator IAM does not have",
        "IAM knows the String, Numeric, Date, Bool, BinaryEquals, IpAddress, Arn and Null operators, each optionally with an IfExists suffix and a ForAnyValue: or ForAllValues: prefix. Any other name makes IAM reject the policy (\"Invalid Condition type\") and the deploy fail. The message suggests the operator closest to what was written.");

    public static readonly DiagnosticDescriptor UnknownConditionKeyDescriptor = new(UnknownConditionKey, Severity.Warning, CategoryIam,
        "A Condition key does not exist",
        "The key is neither a global condition key (aws:...) nor one the Service Authorization Reference lists for its service. A key that is never in the request context makes the condition false (true for the Not and IfExists forms), so the statement does not do what it says. Keys of identity providers (token.actions.githubusercontent.com:sub) are not checked.");

    public static readonly DiagnosticDescriptor ConditionKeyOfOtherServiceDescriptor = new(ConditionKeyOfOtherService, Severity.Warning, CategoryIam,
        "A Condition key belongs to a service none of the statement's actions is in",
        "A service-specific key (s3:prefix) is in the request context only for that service's actions. On a statement whose actions are all of other services it is never present, so the condition is always false (always true for the Not and IfExists forms). Keys that services document for use across services (ec2:SourceInstanceArn, lambda:SourceFunctionArn, ...) are accepted.");

    public static readonly DiagnosticDescriptor ConditionOperatorTypeDescriptor = new(ConditionOperatorType, Severity.Warning, CategoryIam,
        "A Condition operator does not fit the type of its key",
        "Each condition key has a type (aws:SourceIp is an IP address, aws:CurrentTime a date, aws:SecureTransport a boolean) and works with the operators of that type: StringEquals on aws:SourceIp never matches a CIDR range, DateGreaterThan on a string key never matches. Use the operator family the key's documentation names (String operators also work on ARN keys, Arn operators on string keys holding ARNs).");

    public static readonly DiagnosticDescriptor AllActionsOnAllResourcesDescriptor = new(AllActionsOnAllResources, Severity.Warning, CategoryRisk,
        "A statement allows every action (of a service) on every resource",
        "Action \"*\" or \"service:*\" on Resource \"*\" grants far more than any function needs. List the actions the code calls and the ARNs it touches.");

    public static readonly DiagnosticDescriptor PassRoleOnAnyRoleDescriptor = new(PassRoleOnAnyRole, Severity.Warning, CategoryRisk,
        "iam:PassRole is allowed on any role",
        "Passing any role lets the holder hand a more powerful role to a service it controls (privilege escalation). Name the roles it may pass, and add an iam:PassedToService condition.");

    public static readonly DiagnosticDescriptor NotActionOrNotResourceAllowDescriptor = new(NotActionOrNotResourceAllow, Severity.Warning, CategoryRisk,
        "Allow with NotAction or NotResource",
        "An Allow with NotAction or NotResource grants everything except what is listed, including actions and resources that do not exist yet. Allow what is needed instead.");

    public static readonly DiagnosticDescriptor InvokeWithoutSourceArnDescriptor = new(InvokeWithoutSourceArn, Severity.Warning, CategoryRisk,
        "A service may invoke the function without a SourceArn",
        "A Lambda permission for a service principal without SourceArn lets the service invoke the function on behalf of any resource, in any account when SourceAccount is missing too (the confused deputy problem). Give the event source an ARN, or restrict it. On a SAM S3 event this is an info: SAM sets SourceAccount and cannot set SourceArn (a circular dependency); only a hand-written permission can name the bucket.");

    public static readonly DiagnosticDescriptor PublicPrincipalDescriptor = new(PublicPrincipal, Severity.Warning, CategoryRisk,
        "A policy allows any principal",
        "Principal \"*\" (or {\"AWS\": \"*\"}) in an Allow statement makes the resource public: anyone with an AWS account can use it, unless a condition of the statement restricts who (source VPC, endpoint, IP, account, organization, ARN) or a Deny of the same policy does (as in API Gateway's documented private-API policy). A condition on other keys, such as aws:SecureTransport, does not.");

    public static readonly DiagnosticDescriptor PublicFunctionUrlDescriptor = new(PublicFunctionUrl, Severity.Warning, CategoryRisk,
        "A function URL has AuthType NONE",
        "Anyone on the internet can call a function URL with AuthType NONE. Use AWS_IAM, or make sure the function authenticates callers itself.");

    public static readonly DiagnosticDescriptor PollerWithExplicitRoleDescriptor = new(PollerWithExplicitRole, Severity.Warning, CategoryRisk,
        "A poller event on a function with its own Role",
        "For SQS, Kinesis, DynamoDB, MSK, MQ, self-managed Kafka and DocumentDB events, Lambda reads the source with the function's role. SAM adds that permission only to the role it generates; with an explicit Role, that role must grant it or the event source mapping fails. Reported only when the role is in the template and lacks an action the poller needs.");

    public static readonly DiagnosticDescriptor OpenApiRouteDescriptor = new(OpenApiRoute, Severity.Info, CategoryRisk,
        "An API route invokes the function without authorization",
        "API Gateway invokes the function (or starts the state machine, with its role) for every caller of a route that has no authorizer, IAM auth or API key, and whose API has no resource policy or private endpoint: anyone who can reach the API. Fine for public endpoints; otherwise set the API's Auth (DefaultAuthorizer) or the event's Auth.");

    public static readonly DiagnosticDescriptor AssumeRoleOnAnyRoleDescriptor = new(AssumeRoleOnAnyRole, Severity.Warning, CategoryRisk,
        "sts:AssumeRole is allowed on any role",
        "sts:AssumeRole on Resource \"*\" lets the holder assume every role whose trust policy admits the account (or the holder), now and in future. Name the roles it needs (IAM Access Analyzer and parliament report the same).");

    public static readonly DiagnosticDescriptor RecursiveTriggerDescriptor = new(RecursiveTrigger, Severity.Warning, CategoryRisk,
        "A function may trigger itself",
        "The function is invoked by a queue, topic, bucket or stream its own role may write to: what it writes there invokes it again, and again (a recursive loop that runs up the bill until Lambda's loop detection or a limit stops it). Write to another resource, or narrow the grant (a prefix, a condition).");

    public static readonly DiagnosticDescriptor OutsideBoundaryDescriptor = new(OutsideBoundary, Severity.Warning, CategoryEffective,
        "A grant is outside the role's permission boundary",
        "IAM allows a request of a role that has a permissions boundary only when an identity policy AND the boundary allow it. A statement of the role's policies that the boundary does not allow grants nothing: the code that needs it fails with AccessDenied (and a poller the boundary blocks never invokes the function). Widen the boundary or drop the grant.");

    public static readonly DiagnosticDescriptor PoliciesIgnoredDescriptor = new(PoliciesIgnored, Severity.Warning, CategoryEffective,
        "Policies of a function with its own Role are ignored",
        "When a function sets Role, SAM uses that role as it is: it creates no role and silently drops the function's Policies (policy templates, managed policies, statements). Grant them on the role itself, or remove Role to let SAM create one.");

    public static readonly DiagnosticDescriptor NamedResourceNotGrantedDescriptor = new(NamedResourceNotGranted, Severity.Warning, CategoryEffective,
        "A function names a resource of the template its role may not use",
        "The function's Environment names a table, queue, topic, bucket, stream, state machine, secret or event bus of the template (Ref, GetAtt or Sub), so its code will call it; but no statement of its role allows any action of that service on it. Nearly always a forgotten policy: add the policy template the message suggests, or a statement.");

    public static readonly DiagnosticDescriptor DeliveryNotGrantedDescriptor = new(DeliveryNotGranted, Severity.Warning, CategoryEffective,
        "Lambda cannot deliver to the function's dead-letter queue or destination",
        "Lambda sends failed asynchronous events to the dead-letter queue, and results to on-success and on-failure destinations, with the function's own execution role: it needs sqs:SendMessage, sns:Publish, lambda:InvokeFunction or events:PutEvents on the target. SAM adds this only to a role it generates; with Role set, grant it there, or the events are lost.");

    public static readonly DiagnosticDescriptor KeyNotUsableDescriptor = new(KeyNotUsable, Severity.Warning, CategoryEffective,
        "A poller cannot decrypt its encrypted event source",
        "Lambda reads an SQS queue or Kinesis stream encrypted with a customer managed KMS key using the function's role, which needs kms:Decrypt on the key. KMS is the exception to same-account access: the key policy must allow it too, by naming the role or by the account-root statement that lets IAM policies grant it. Without both, the poller fails and the function is never invoked.");

    public static readonly DiagnosticDescriptor CrossAccountTrustDescriptor = new(CrossAccountTrust, Severity.Warning, CategoryEffective,
        "A role trusts another account without a condition",
        "A trust policy naming an AWS account (its root, the bare id, or a principal in it) lets whoever that account's own policies allow assume the role. A template knows its own account only as ${AWS::AccountId}, so a written account id is another account. Add a Condition (sts:ExternalId for a third party, aws:PrincipalOrgID for your organization) or name the one role that may assume it.");

    public static readonly DiagnosticDescriptor ResourcePolicyDeniesDescriptor = new(ResourcePolicyDenies, Severity.Warning, CategoryEffective,
        "A resource policy of the template denies what a role grants",
        "An explicit Deny in a bucket, queue, topic, secret or key policy wins over every Allow (IAM policy evaluation logic): a grant of a function's role that the Deny covers gives nothing. Reported at the Deny, naming the grant. Narrow the Deny (a condition, an exception for the role), or drop the grant.");

    public static readonly DiagnosticDescriptor KeyPolicyExcludesRoleDescriptor = new(KeyPolicyExcludesRole, Severity.Warning, CategoryEffective,
        "A key policy lets no IAM grant of the role count",
        "KMS is the exception to same-account access: unless the key policy allows it, no IAM policy can grant use of a KMS key. A key policy that names neither the role nor the account root (arn:aws:iam::${AWS::AccountId}:root, the statement that lets IAM policies grant it) makes every kms: grant of the role on that key give nothing. Add the account-root statement, or name the role in the key policy.");

    public static readonly DiagnosticDescriptor KeyUseNotGrantedDescriptor = new(KeyUseNotGranted, Severity.Warning, CategoryEffective,
        "A function uses an encrypted resource but may not use its key",
        "A bucket with SSE-KMS, an encrypted topic, queue or stream, a table with a customer managed key or a secret encrypted with a key of the template: reading needs kms:Decrypt on the key, writing kms:GenerateDataKey (and kms:Decrypt for SNS and SQS). The role must allow it, and the key policy too (naming the role, or the account-root statement); otherwise the call fails with AccessDenied although the role may use the resource.");

    public static readonly DiagnosticDescriptor ServiceKeyNotAllowedDescriptor = new(ServiceKeyNotAllowed, Severity.Warning, CategoryEffective,
        "A service cannot deliver into an encrypted topic or queue",
        "S3 event notifications, EventBridge rules, SNS subscriptions and CloudWatch alarms deliver into an SNS topic or SQS queue as their service principal. When the target is encrypted with a KMS key, that principal needs kms:GenerateDataKey* and kms:Decrypt in the key policy itself: the account-root statement and the default key policy admit only IAM principals of the account. Without it, nothing is delivered and nothing is said.");
    public static readonly DiagnosticDescriptor WorkflowTaskNotGrantedDescriptor = new(WorkflowTaskNotGranted, Severity.Warning, CategoryEffective,
        "A workflow state calls a service its role may not use",
        "Every Task state of a state machine calls its integration with the state machine's role: Lambda invoke needs lambda:InvokeFunction on the function, dynamodb:putItem needs dynamodb:PutItem on the table, a nested startExecution.sync also needs states:DescribeExecution and the events rule Step Functions manages, and so on (Step Functions Developer Guide, IAM policies for integrated services). The role does not grant it, so every execution that reaches the state fails with an access error. Add the policy template or statement the message suggests.");

    public static readonly DiagnosticDescriptor InvalidIntentDescriptor = new(InvalidIntent, Severity.Error, CategoryIntent,
        "An intent file or intent metadata is malformed",
        "The intent that `diff --intent` compares against is a mapping with Functions and StateMachines, each naming logical ids with InvokedBy, Allow and Deny entries of a fixed shape. The message says which key or value is wrong and where.");

    public static readonly DiagnosticDescriptor UnknownSubjectDescriptor = new(UnknownSubject, Severity.Error, CategoryIntent,
        "The intent names a function or state machine the template does not define",
        "Each logical id under Functions or StateMachines in the intent must be a function or state machine of the template; otherwise the intent for it is never checked. Check the spelling; the message suggests the closest id.");

    public static readonly DiagnosticDescriptor InvalidConfigurationDescriptor = new(InvalidConfiguration, Severity.Error, CategoryConfiguration,
        "A project file or baseline is malformed",
        "The .samperms.yaml project file (schemas/samperms-config.schema.json) or the baseline given with --baseline (schemas/baseline.schema.json) has a key or value SamPerms does not know, at the place shown. Nothing is checked until it is fixed.");

    /// <summary>Every code, in code order.</summary>
    public static readonly IReadOnlyList<DiagnosticDescriptor> All =
    [
        YamlSyntaxDescriptor, DuplicateKeyDescriptor, UnknownTagDescriptor, InvalidEncodingDescriptor, DocumentTooLargeDescriptor, NestingTooDeepDescriptor, NotATemplateDescriptor,
        UnreadableFileDescriptor,
        WrongTypeDescriptor,
        UnknownSuppressionDescriptor, UnusedSuppressionDescriptor,
        SamTransformErrorDescriptor, LanguageExtensionErrorDescriptor, DeployTimeValueDescriptor, OfflineApplicationDescriptor, UnknownSamTypeDescriptor, UnknownSamPropertyDescriptor, SamPropertyTypeDescriptor, UnknownEventTypeDescriptor,
        RefTargetMissingDescriptor, GetAttTargetMissingDescriptor, SubVariableMissingDescriptor, DependsOnMissingDescriptor, ConditionMissingDescriptor,
        LocalArtifactMissingDescriptor,
        UnknownResourceTypeDescriptor, UnknownResourcePropertyDescriptor, MissingRequiredPropertyDescriptor, PropertyValueKindDescriptor,
        PropertyValueNotAllowedDescriptor, UnknownGetAttAttributeDescriptor,
        UnknownServiceDescriptor, UnknownActionDescriptor, WildcardMatchesNothingDescriptor, MalformedArnDescriptor, InvalidEffectDescriptor,
        UnknownPolicyTemplateDescriptor, UnknownManagedPolicyDescriptor, MissingTemplateParametersDescriptor, MalformedActionDescriptor, DuplicateStatementDescriptor, UnknownServicePrincipalDescriptor,
        ActionNotOnResourceDescriptor, BucketPolicyActionNotOnResourceDescriptor, UnknownConditionOperatorDescriptor, UnknownConditionKeyDescriptor, ConditionKeyOfOtherServiceDescriptor, ConditionOperatorTypeDescriptor,
        AllActionsOnAllResourcesDescriptor, PassRoleOnAnyRoleDescriptor, NotActionOrNotResourceAllowDescriptor, InvokeWithoutSourceArnDescriptor,
        PublicPrincipalDescriptor, PublicFunctionUrlDescriptor, PollerWithExplicitRoleDescriptor, OpenApiRouteDescriptor, RecursiveTriggerDescriptor, AssumeRoleOnAnyRoleDescriptor,
        OutsideBoundaryDescriptor, PoliciesIgnoredDescriptor, NamedResourceNotGrantedDescriptor, DeliveryNotGrantedDescriptor, KeyNotUsableDescriptor, CrossAccountTrustDescriptor,
        ResourcePolicyDeniesDescriptor, KeyPolicyExcludesRoleDescriptor, KeyUseNotGrantedDescriptor, ServiceKeyNotAllowedDescriptor, WorkflowTaskNotGrantedDescriptor,
        InvalidIntentDescriptor, UnknownSubjectDescriptor,
        InvalidConfigurationDescriptor,
    ];

    private static readonly Dictionary<string, DiagnosticDescriptor> ByCode = All.ToDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase);

    public static DiagnosticDescriptor? Find(string code) => ByCode.GetValueOrDefault(code);

    public static Diagnostic Syntax(string message, SourceSpan span) => YamlSyntaxDescriptor.At(span, message);

    public static Diagnostic Duplicate(string key, SourceSpan span, SourceSpan first) =>
        DuplicateKeyDescriptor.At(span, $"duplicate key '{key}': this value replaces the one at line {first.Line}, column {first.Column} (the last one wins, as in SAM)");

    public static Diagnostic Tag(string tag, SourceSpan span) =>
        UnknownTagDescriptor.At(span, $"unknown tag '{tag}': CloudFormation short forms are !Ref, !Sub, !GetAtt, !If, !Equals, !And, !Or, !Not, !Condition, !FindInMap, !Join, !Select, !Split, !Base64, !Cidr, !GetAZs, !ImportValue, !Transform, !ToJsonString, !Length");

    /// <summary>A YAML tag (!!python/object, ...) that the reference's safe loader has no constructor for.</summary>
    public static Diagnostic UnsupportedYamlTag(string tag, SourceSpan span) =>
        new(UnknownTag, Severity.Error, $"could not determine a constructor for the tag '{tag}' (SAM reads templates with YAML's safe loader)", span);

    public static Diagnostic Encoding(string message, SourceSpan span) => InvalidEncodingDescriptor.At(span, message);

    public static Diagnostic TooLarge(string message, SourceSpan span) => DocumentTooLargeDescriptor.At(span, message);

    public static Diagnostic TooDeep(int limit, SourceSpan span) => NestingTooDeepDescriptor.At(span, $"nesting deeper than {limit} levels");

    public static Diagnostic NotTemplate(string message, SourceSpan span) => NotATemplateDescriptor.At(span, message);

    public static Diagnostic Sam(string message, SourceSpan span, string? path) => SamTransformErrorDescriptor.At(span, message, path);

    public static Diagnostic LanguageExtension(string message, SourceSpan span) => LanguageExtensionErrorDescriptor.At(span, message);
}
