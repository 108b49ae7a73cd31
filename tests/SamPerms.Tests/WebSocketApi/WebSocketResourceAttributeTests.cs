using SamPerms.Model;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.WebSocketApi;

/// <summary>
/// The reference gives its WebSocket API generator no resource attributes, so a WebSocketApi's Condition,
/// DeletionPolicy and the like reach none of the resources it expands to (unlike every other SAM resource).
/// </summary>
public sealed class WebSocketResourceAttributeTests
{
    [Fact]
    public void Condition_and_deletion_policy_are_not_passed_on()
    {
        var resources = Transform.Resources("""
            Conditions:
              IsProd: !Equals [a, a]
            Resources:
              Chat:
                Type: AWS::Serverless::WebSocketApi
                Condition: IsProd
                DeletionPolicy: Retain
                Properties:
                  RouteSelectionExpression: $request.body.action
                  Domain:
                    DomainName: ws.example.com
                    CertificateArn: arn:aws:acm:us-east-1:123456789012:certificate/abc
                  Routes:
                    $connect:
                      FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:f
            """);

        Assert.True(resources.Count > 4);
        foreach (var e in resources.Entries)
        {
            var resource = (MapNode)e.Value;
            Assert.False(resource.ContainsKey("Condition"), e.Key);
            Assert.False(resource.ContainsKey("DeletionPolicy"), e.Key);
        }
    }
}
