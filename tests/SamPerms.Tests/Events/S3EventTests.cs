using SamPerms.Tests.Support;
using SamPerms.Model;

namespace SamPerms.Tests.Events;

public sealed class S3EventTests
{
    private const string Template = Transform.FunctionHeader + """

              Events:
                Upload:
                  Type: S3
                  Properties:
                    Bucket: !Ref Uploads
                    Events: [s3:ObjectCreated:*, s3:ObjectRemoved:*]
                    Filter:
                      S3Key:
                        Rules:
                          - Name: suffix
                            Value: .jpg
          Uploads:
            Type: AWS::S3::Bucket
            DependsOn: Other
            Properties:
              BucketName: uploads
          Other:
            Type: AWS::SNS::Topic
        """;

    [Fact]
    public void Permission_is_for_s3_in_this_account_only()
    {
        var permission = Transform.Resources(Template).Resource("FnUploadPermission");
        Assert.Equal("AWS::Lambda::Permission", permission.Get("Type")!.Str);
        var props = permission.Props();
        Assert.Equal("s3.amazonaws.com", props.Get("Principal")!.Str);
        Assert.Equal("lambda:InvokeFunction", props.Get("Action")!.Str);
        Transform.Equal(N.Ref("Fn"), props.Get("FunctionName"));
        Transform.Equal(N.Ref("AWS::AccountId"), props.Get("SourceAccount"));

        // SAM does not scope an S3 permission by SourceArn: the bucket's notification refers to the function instead.
        Assert.Null(props.Get("SourceArn"));
    }

    [Fact]
    public void Bucket_gets_one_notification_per_event_and_depends_on_the_permission()
    {
        var bucket = Transform.Resources(Template).Resource("Uploads");
        Assert.Equal("AWS::S3::Bucket", bucket.Get("Type")!.Str);
        Transform.Equal(N.Seq("Other", "FnUploadPermission"), bucket.Get("DependsOn"));

        var props = bucket.Props();
        Assert.Equal("uploads", props.Get("BucketName")!.Str);
        var configs = Assert.IsType<SeqNode>(((MapNode)props.Get("NotificationConfiguration")!).Get("LambdaConfigurations"));
        Assert.Equal(2, configs.Count);
        var first = (MapNode)configs[0];
        Assert.Equal("s3:ObjectCreated:*", first.Get("Event")!.Str);
        Transform.Equal(N.GetAtt("Fn", "Arn"), first.Get("Function"));
        Assert.NotNull(first.Get("Filter"));
        Assert.Equal("s3:ObjectRemoved:*", ((MapNode)configs[1]).Get("Event")!.Str);
    }

    [Fact]
    public void Conditional_function_depends_through_a_conditional_tag()
    {
        var yaml = """
            Conditions:
              Deploy: !Equals [a, a]
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Condition: Deploy
                Properties:
                  CodeUri: s3://bucket/key.zip
                  Handler: index.handler
                  Runtime: python3.12
                  Events:
                    Upload:
                      Type: S3
                      Properties:
                        Bucket: !Ref Uploads
                        Events: s3:ObjectCreated:*
              Uploads:
                Type: AWS::S3::Bucket
            """;
        var bucket = Transform.Resources(yaml).Resource("Uploads");
        Assert.Null(bucket.Get("DependsOn"));
        var tags = Assert.IsType<SeqNode>(bucket.Props().Get("Tags"));
        var tag = (MapNode)Assert.Single(tags.Items);
        Assert.Equal("sam:ConditionalDependsOn:FnUploadPermission", tag.Get("Key")!.Str);
        Transform.Equal(N.If("Deploy", N.Ref("FnUploadPermission"), "no dependency"), tag.Get("Value"));
        var configs = (SeqNode)((MapNode)bucket.Props().Get("NotificationConfiguration")!).Get("LambdaConfigurations")!;
        Assert.True(Intrinsics.IsIf(configs[0]));
    }

    [Fact]
    public void Bucket_outside_the_template_is_refused()
    {
        var yaml = Transform.FunctionHeader + """

                  Events:
                    Upload:
                      Type: S3
                      Properties:
                        Bucket: my-existing-bucket
                        Events: s3:ObjectCreated:*
            """;
        var outcome = Transform.Run(yaml);
        Assert.False(outcome.Succeeded);
        Assert.Contains("Resource with id [Fn] is invalid. Event with id [Upload] is invalid. S3 events must reference an S3 bucket in the same template.", outcome.ErrorMessage);
    }

    [Fact]
    public void A_bucket_shared_by_many_functions_keeps_each_name_and_notification_once()
    {
        // Function i listens twice for the same event (one notification); every third one also for removals,
        // which the bucket already lists for function 0, with its keys in another order (no second one).
        var yaml = new System.Text.StringBuilder("Resources:\n");
        FunctionsOnUploads(yaml, 30, condition: null, i => new[]
        {
            ("A", "s3:ObjectCreated:*"),
            ("B", i % 3 == 0 ? "[s3:ObjectCreated:*, s3:ObjectRemoved:*]" : "s3:ObjectCreated:*"),
        });
        yaml.Append("""
              Uploads:
                Type: AWS::S3::Bucket
                DependsOn: [Other, Other, Fn3APermission]
                Properties:
                  NotificationConfiguration:
                    LambdaConfigurations:
                      - Event: s3:ObjectRemoved:*
                        Function: !GetAtt Fn0.Arn
              Other:
                Type: AWS::SNS::Topic
            """);
        var bucket = Transform.Resources(yaml.ToString()).Resource("Uploads");

        // Python's set of the names: each once, every permission there.
        var names = Assert.IsType<SeqNode>(bucket.Get("DependsOn")).Items.Select(n => n.Str!).ToList();
        Assert.Equal(names.Distinct().Count(), names.Count);
        var expected = new[] { "Other" }.Concat(Enumerable.Range(0, 30).SelectMany(i => new[] { $"Fn{i}APermission", $"Fn{i}BPermission" }));
        Assert.Equal(expected.OrderBy(x => x, StringComparer.Ordinal), names.OrderBy(x => x, StringComparer.Ordinal));

        // `mapping not in list`: one per function and event type, the bucket's own entry kept and not repeated.
        var configs = Assert.IsType<SeqNode>(((MapNode)bucket.Props().Get("NotificationConfiguration")!).Get("LambdaConfigurations"));
        var pairs = configs.Items.Cast<MapNode>().Select(m => (Py.Repr(m.Get("Function")), m.Get("Event")!.Str)).ToList();
        Assert.Equal(pairs.Distinct().Count(), pairs.Count);
        Assert.Equal(30 + 10, pairs.Count);
        Assert.Equal((Py.Repr(N.GetAtt("Fn0", "Arn")), "s3:ObjectRemoved:*"), pairs[0]);
    }

    [Fact]
    public void Conditional_functions_on_a_shared_bucket_each_add_one_tag_after_the_buckets_own()
    {
        var yaml = new System.Text.StringBuilder("Conditions:\n  Deploy: !Equals [a, a]\nResources:\n");
        FunctionsOnUploads(yaml, 20, condition: "Deploy", _ => [("Up", "s3:ObjectCreated:*")]);
        yaml.Append("""
              Uploads:
                Type: AWS::S3::Bucket
                Properties:
                  Tags: [{Key: team, Value: a}]
            """);
        var outcome = Transform.Run(yaml.ToString());
        var tags = Assert.IsType<SeqNode>(Transform.Resources(outcome).Resource("Uploads").Props().Get("Tags"));
        var keys = tags.Items.Cast<MapNode>().Select(t => t.Get("Key")!.Str).ToList();
        Assert.Equal(new[] { "team" }.Concat(Enumerable.Range(0, 20).Select(i => $"sam:ConditionalDependsOn:Fn{i}UpPermission")), keys);

        // The template's own list is left as written (each event makes a list of its own, as the reference does).
        var input = (MapNode)((MapNode)((MapNode)outcome.Input!).Get("Resources")!).Get("Uploads")!;
        Assert.Single(((SeqNode)((MapNode)input.Get("Properties")!).Get("Tags")!).Items);
    }

    /// <summary>Functions Fn0 ... of the given count, each with S3 events (name, events) on the bucket Uploads.</summary>
    private static void FunctionsOnUploads(System.Text.StringBuilder yaml, int count, string? condition, Func<int, (string Name, string Events)[]> events)
    {
        for (int i = 0; i < count; i++)
        {
            yaml.Append($"  Fn{i}:\n    Type: AWS::Serverless::Function\n");
            if (condition is not null)
            {
                yaml.Append($"    Condition: {condition}\n");
            }

            yaml.Append("    Properties:\n      CodeUri: s3://bucket/key.zip\n      Handler: index.handler\n      Runtime: python3.12\n      Events:\n");
            foreach (var (name, types) in events(i))
            {
                yaml.Append($"        {name}:\n          Type: S3\n          Properties: {{Bucket: !Ref Uploads, Events: {types}}}\n");
            }
        }
    }
}
