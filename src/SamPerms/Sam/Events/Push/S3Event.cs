using SamPerms.Model;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Events.Push;

/// <summary>
/// S3: the bucket (declared in the same template) gets a Lambda notification for each event type, and a
/// dependency on the permission, since S3 checks that it may invoke the function when the notification is set.
/// The bucket is edited in the SAM template, so several events and functions on one bucket accumulate there;
/// each writes the bucket as it stands to the output, the last one winning.
/// </summary>
public sealed class S3Event : PushEventSource
{
    private static readonly PropertyTable Table = new(
        ("Bucket", PropertySpec.Mandatory(V.Str)),
        ("Events", PropertySpec.Strict(V.OneOf(V.Str, V.ListOf(V.Str)), required: true)),
        ("Filter", PropertySpec.Optional(V.DictOf(V.Str, V.Str))));

    private MapNode? _bucket;
    private string _bucketId = "";

    public override string Type => "S3";

    protected override string Principal => "s3.amazonaws.com";

    protected override PropertyTable PropertyTypes => Table;

    /// <summary>Bucket must be a Ref to a resource of this template.</summary>
    public override void LinkResources(TransformContext ctx, SamResource owner)
    {
        if (Prop("Bucket") is MapNode bucket && bucket.TryGet("Ref", out var id))
        {
            if (id is not StringNode s)
            {
                throw Error("'Ref' value in S3 events is not a valid string.", id);
            }

            if (ctx.SamResources.Get(s.Value) is MapNode resource)
            {
                _bucket = resource;
                _bucketId = s.Value;
                return;
            }
        }

        throw Error("S3 events must reference an S3 bucket in the same template.", Prop("Bucket"));
    }

    public override IList<CfnResource> ToCloudFormation(EventContext ectx)
    {
        if (_bucket is null)
        {
            LinkResources(ectx.Transform, ectx.Owner);
        }

        var bucket = _bucket!;
        var function = ectx.Function;
        var lists = ectx.Transform.State<S3BucketLists>();
        var permission = ConstructPermission(function, sourceAccount: N.Ref("AWS::AccountId"));
        if (permission.Condition is { } condition)
        {
            DependOnPermissionThroughTag(bucket, permission, condition, lists);
        }
        else
        {
            DependOnPermission(bucket, permission, lists);
        }

        InjectNotifications(function, bucket, lists);
        return [permission, DeclaredResourceType.S3Bucket.Read(_bucketId, bucket)];
    }

    /// <summary>Adds the permission to the bucket's DependsOn (a string or a list; any other value is refused).</summary>
    private void DependOnPermission(MapNode bucket, CfnResource permission, S3BucketLists lists)
    {
        var dependsOn = bucket.Get("DependsOn") ?? new SeqNode();

        // The list an earlier event made is already the set of its names: the new one joins it in place (the
        // reference makes the set again, of the same names in the same order, and puts the new list on the bucket).
        if (dependsOn is SeqNode made && lists.MadeDependsOn(made) is { } index)
        {
            index.AddIfMissing(new StringNode(permission.LogicalId));
            return;
        }

        IEnumerable<Node> current = dependsOn switch
        {
            StringNode s => [s],
            SeqNode q when q.Items.All(IsHashable) => q.Items,

            // Python makes a set of the value: a dict's keys are fine, anything else is not iterable or hashable.
            MapNode m => m.Keys.Select(k => (Node)new StringNode(k)),
            _ => throw new InvalidResourceException(LogicalId, "Invalid type for field 'DependsOn'. Expected a string or list of strings.").Locate(dependsOn),
        };

        // Python's set of the items: strings (nearly always all of them) are told apart through a hash set.
        var merged = new SeqNode();
        var strings = new HashSet<string>(StringComparer.Ordinal);
        var others = new List<Node>();
        foreach (var item in current.Append(new StringNode(permission.LogicalId)))
        {
            bool isNew = item is StringNode s ? strings.Add(s.Value) : !others.Any(x => Py.Equal(x, item));
            if (isNew)
            {
                if (item is not StringNode)
                {
                    others.Add(item);
                }

                merged.Add(item);
            }
        }

        bucket.Set("DependsOn", merged);
        lists.MadeDependsOnList(merged);
    }

    private static bool IsHashable(Node n) => n is not (MapNode or SeqNode);

    /// <summary>
    /// DependsOn cannot be conditional, so a conditional permission is referenced from a tag inside Fn::If
    /// instead: the Ref makes CloudFormation wait for it when the condition holds.
    /// </summary>
    private void DependOnPermissionThroughTag(MapNode bucket, CfnResource permission, string condition, S3BucketLists lists)
    {
        var properties = DeclaredResourceType.EditableProperties(_bucketId, bucket);

        var tags = properties.Get("Tags");
        if (tags is null or NullNode)
        {
            tags = new SeqNode();
        }

        var list = Expect.That(tags, _bucketId, "Tags").ToBeList();
        var tag = N.Map(
            ("Key", "sam:ConditionalDependsOn:" + permission.LogicalId),
            ("Value", N.If(condition, permission.Ref(), "no dependency")));

        // The reference makes the list again (tags + [tag]); a list an earlier event made takes the tag in place.
        if (lists.MadeTags(list))
        {
            list.Add(tag);
            lists.TagsMade(list);
            return;
        }

        var withTag = new SeqNode(list.Items);
        withTag.Add(tag);
        properties.Set("Tags", withTag);
        lists.TagsMade(withTag);
    }

    /// <summary>One LambdaConfigurations entry per event type (inside Fn::If when the function is conditional), without duplicates.</summary>
    private void InjectNotifications(FunctionTarget function, MapNode bucket, S3BucketLists lists)
    {
        var events = Prop("Events") is SeqNode list ? list.Items : [Prop("Events")!];
        var condition = function.Resource.Condition;
        var mappings = new List<Node>();
        foreach (var eventType in events)
        {
            var mapping = N.Map(("Function", function.Arn()));
            if (Prop("Filter") is { } filter)
            {
                mapping.Set("Filter", filter.Clone());
            }

            mapping.Set("Event", eventType);
            mappings.Add(condition is null ? mapping : N.If(condition, mapping));
        }

        var properties = bucket.TryGet("Properties", out var p) ? p : new MapNode();
        var propertiesMap = Expect.That(properties, _bucketId, "").ToBeMap("Properties should be a map.");
        bucket.Set("Properties", propertiesMap);

        var config = propertiesMap.Get("NotificationConfiguration");
        if (config is null or NullNode)
        {
            config = new MapNode();
            propertiesMap.Set("NotificationConfiguration", config);
        }

        var configMap = Expect.That(config, _bucketId, "NotificationConfiguration").ToBeMap();
        var lambdaConfigs = configMap.Get("LambdaConfigurations");
        if (lambdaConfigs is null or NullNode)
        {
            lambdaConfigs = new SeqNode();
            configMap.Set("LambdaConfigurations", lambdaConfigs);
        }

        if (lambdaConfigs is not SeqNode existing)
        {
            throw new InvalidResourceException(_bucketId, "Invalid type for LambdaConfigurations. Must be a list.").Locate(lambdaConfigs);
        }

        // `if mapping not in lambda_notifications: append`, found through the list's index.
        var index = lists.Notifications(existing);
        foreach (var mapping in mappings)
        {
            index.AddIfMissing(mapping);
        }
    }
}
