using SamPerms.Tests.Support;
using SamPerms.Model;

namespace SamPerms.Tests.Events;

public sealed class SnsEventTests
{
    [Fact]
    public void Sqs_subscription_creates_a_queue_the_topic_may_send_to()
    {
        var yaml = Transform.FunctionHeader + """

                  Events:
                    Orders:
                      Type: SNS
                      Properties:
                        Topic: !Ref OrdersTopic
                        SqsSubscription: true
              OrdersTopic:
                Type: AWS::SNS::Topic
            """;
        var resources = Transform.Resources(yaml);
        var queueArn = N.GetAtt("FnOrdersQueue", "Arn");
        Assert.Equal("AWS::SQS::Queue", resources.Resource("FnOrdersQueue").Get("Type")!.Str);

        var policy = resources.Resource("FnOrdersQueuePolicy").Props();
        Transform.Equal(N.Seq(N.Ref("FnOrdersQueue")), policy.Get("Queues"));
        var statement = (MapNode)((SeqNode)((MapNode)policy.Get("PolicyDocument")!).Get("Statement")!)[0];
        Assert.Equal("sqs:SendMessage", statement.Get("Action")!.Str);
        Assert.Equal("*", statement.Get("Principal")!.Str);
        Transform.Equal(queueArn, statement.Get("Resource"));
        Transform.Equal(N.Map(("ArnEquals", N.Map(("aws:SourceArn", N.Ref("OrdersTopic"))))), statement.Get("Condition"));

        var subscription = resources.Resource("FnOrders").Props();
        Assert.Equal("sqs", subscription.Get("Protocol")!.Str);
        Transform.Equal(queueArn, subscription.Get("Endpoint"));

        var mapping = resources.Resource("FnOrdersEventSourceMapping").Props();
        Transform.Equal(queueArn, mapping.Get("EventSourceArn"));
        Transform.Equal(new IntNode(10), mapping.Get("BatchSize"));

        // No permission: the function polls the queue rather than being invoked by SNS.
        Assert.Null(resources.Get("FnOrdersPermission"));
        var managed = (SeqNode)resources.Resource("FnRole").Props().Get("ManagedPolicyArns")!;
        Assert.Contains(managed.Items, m => m.Str == "arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole");
    }

    [Fact]
    public void Existing_queue_gets_the_named_policy()
    {
        var yaml = Transform.FunctionHeader + """

                  Events:
                    Orders:
                      Type: SNS
                      Properties:
                        Topic: arn:aws:sns:us-east-1:123456789012:orders
                        SqsSubscription:
                          QueueArn: arn:aws:sqs:us-east-1:123456789012:q
                          QueueUrl: https://sqs.us-east-1.amazonaws.com/123456789012/q
                          QueuePolicyLogicalId: OrdersQueuePolicy
                          BatchSize: 5
            """;
        var resources = Transform.Resources(yaml);
        var policy = resources.Resource("OrdersQueuePolicy").Props();
        Transform.Equal(N.Seq("https://sqs.us-east-1.amazonaws.com/123456789012/q"), policy.Get("Queues"));
        Transform.Equal(new IntNode(5), resources.Resource("FnOrdersEventSourceMapping").Props().Get("BatchSize"));
        Assert.Null(resources.Get("FnOrdersQueue"));
    }

    [Fact]
    public void Plain_subscription_gets_a_permission_scoped_to_the_topic()
    {
        var yaml = Transform.FunctionHeader + """

                  Events:
                    Orders:
                      Type: SNS
                      Properties:
                        Topic: !Ref OrdersTopic
              OrdersTopic:
                Type: AWS::SNS::Topic
            """;
        var resources = Transform.Resources(yaml);
        var permission = resources.Resource("FnOrdersPermission").Props();
        Assert.Equal("sns.amazonaws.com", permission.Get("Principal")!.Str);
        Transform.Equal(N.Ref("OrdersTopic"), permission.Get("SourceArn"));
        Assert.Equal("lambda", resources.Resource("FnOrders").Props().Get("Protocol")!.Str);
    }
}
