using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;

namespace SamPerms.Sam.Events.Shared;

/// <summary>
/// A CloudFormation type that an event edits in the user's template (an S3 bucket's notifications, a user
/// pool's triggers). After the edit the reference re-reads the resource with its generic Resource.from_dict and
/// writes it back; that read checks the type and accepts only the properties SAM knows for it, so an unknown
/// property is an error. Only properties and the supported attributes survive; DependsOn is kept when truthy.
/// </summary>
public sealed class DeclaredResourceType(string type, params string[] properties)
{
    private readonly string[] _properties = properties;
    private readonly HashSet<string> _known = new(properties, StringComparer.Ordinal);

    public string Type { get; } = type;

    /// <summary>The properties SAM's S3Bucket model knows.</summary>
    public static readonly DeclaredResourceType S3Bucket = new(
        "AWS::S3::Bucket",
        "AccessControl", "AccelerateConfiguration", "AnalyticsConfigurations", "BucketEncryption", "BucketName",
        "CorsConfiguration", "IntelligentTieringConfigurations", "InventoryConfigurations", "LifecycleConfiguration",
        "LoggingConfiguration", "MetricsConfigurations", "NotificationConfiguration", "ObjectLockConfiguration",
        "ObjectLockEnabled", "OwnershipControls", "PublicAccessBlockConfiguration", "ReplicationConfiguration", "Tags",
        "VersioningConfiguration", "WebsiteConfiguration");

    /// <summary>The properties SAM's CognitoUserPool model knows.</summary>
    public static readonly DeclaredResourceType CognitoUserPool = new(
        "AWS::Cognito::UserPool",
        "AccountRecoverySetting", "AdminCreateUserConfig", "AliasAttributes", "AutoVerifiedAttributes",
        "DeletionProtection", "DeviceConfiguration", "EmailAuthenticationMessage", "EmailAuthenticationSubject",
        "EmailConfiguration", "EmailVerificationMessage", "EmailVerificationSubject", "EnabledMfas", "LambdaConfig",
        "MfaConfiguration", "Policies", "Schema", "SmsAuthenticationMessage", "SmsConfiguration",
        "SmsVerificationMessage", "UserAttributeUpdateSettings", "UsernameAttributes", "UsernameConfiguration",
        "UserPoolAddOns", "UserPoolName", "UserPoolTags", "UserPoolTier", "VerificationMessageTemplate",
        "WebAuthnRelyingPartyID", "WebAuthnUserVerification");

    /// <summary>
    /// The Properties of a resource the event edits, created when absent. (The reference fails with a Python
    /// error on a non-map; we report it the way its from_dict would.)
    /// </summary>
    public static MapNode EditableProperties(string logicalId, MapNode resource)
    {
        var p = resource.Get("Properties");
        if (p is null or NullNode)
        {
            var created = new MapNode();
            resource.Set("Properties", created);
            return created;
        }

        return p as MapNode
            ?? throw new InvalidResourceException(logicalId, "Properties of a resource must be an object.").Locate(p);
    }

    /// <summary>The reference's Resource.from_dict followed by to_dict, for the resource as the event left it.</summary>
    public CfnResource Read(string logicalId, MapNode resource)
    {
        if (!PropertyTable.IsValidLogicalId(logicalId))
        {
            throw new InvalidResourceException(logicalId, "Logical ids must be alphanumeric.").Locate(resource);
        }

        if (!resource.TryGet("Type", out var type))
        {
            throw new InvalidResourceException(logicalId, "Resource dict missing key 'Type'.").Locate(resource);
        }

        if (type is not StringNode { } t || t.Value != Type)
        {
            throw new InvalidResourceException(logicalId, $"Resource has incorrect Type; expected '{Type}', got '{Py.Str(type)}'").Locate(type);
        }

        if (resource.Get("Properties") is { } p && p is not MapNode)
        {
            throw new InvalidResourceException(logicalId, "Properties of a resource must be an object.").Locate(p);
        }

        var cfn = new CfnResource(logicalId, Type)
        {
            Origin = new Origin(logicalId, Type, "", resource.Span),
        };
        var properties = resource.Get("Properties") as MapNode ?? new MapNode();
        foreach (var e in properties.Entries)
        {
            if (!_known.Contains(e.Key))
            {
                throw new InvalidResourceException(logicalId, $"property {e.Key} not defined for resource of type {Type}").Locate(e.Value);
            }
        }

        // Written in the model's property order, None values left out, as to_dict does.
        foreach (var name in _properties)
        {
            cfn[name] = properties.Get(name);
        }

        cfn.DependsOn = resource.Get("DependsOn");
        foreach (var attr in SamResource.SupportedAttributes)
        {
            if (resource.TryGet(attr, out var v))
            {
                cfn.SetAttribute(attr, v);
            }
        }

        return cfn;
    }
}
