using static SamPerms.Tests.Support.Transform;

namespace SamPerms.Tests.RestApi;

public sealed class ResourcePolicyTests
{
    private const string Template = """
        Resources:
          Internal:
            Type: AWS::Serverless::Api
            Properties:
              StageName: prod
              Auth:
                ResourcePolicy:
                  IpRangeWhitelist:
                    - 10.0.0.0/8
                  AwsAccountWhitelist:
                    - "111122223333"
          Reports:
            Type: AWS::Serverless::Function
            Properties:
              Handler: reports.handler
              Runtime: python3.12
              CodeUri: s3://bucket/reports.zip
              Events:
                GetReport:
                  Type: Api
                  Properties:
                    RestApiId: !Ref Internal
                    Path: /reports
                    Method: get
        """;

    [Fact]
    public void ResourcePolicyShorthandBecomesStatementsScopedToTheMethod()
    {
        var policy = JsonOf(((Model.MapNode)Properties(Resources(Template), "Internal").Get("Body")!).Get("x-amazon-apigateway-policy")!);
        const string resource = """[{"Fn::Sub":["execute-api:/${__Stage__}/GET/reports",{"__Stage__":"prod"}]}]""";
        Assert.Equal(
            "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":" + resource + ",\"Principal\":{\"AWS\":[\"111122223333\"]}},"
            + "{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":" + resource + ",\"Principal\":\"*\"},"
            + "{\"Effect\":\"Deny\",\"Action\":\"execute-api:Invoke\",\"Resource\":" + resource + ",\"Principal\":\"*\",\"Condition\":{\"NotIpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\"]}}}]}",
            NormalizeKeyOrder(policy));
    }

    // The statements are Python 2.7 dicts; compare them in the order the test spells them out.
    private static string NormalizeKeyOrder(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        string[] order = ["Version", "Statement", "Effect", "Action", "Resource", "Principal", "Condition"];
        return Reorder(node, order)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static System.Text.Json.Nodes.JsonNode? Reorder(System.Text.Json.Nodes.JsonNode? node, string[] order)
    {
        switch (node)
        {
            case System.Text.Json.Nodes.JsonObject o:
                var result = new System.Text.Json.Nodes.JsonObject();
                foreach (var kv in o.OrderBy(kv => Array.IndexOf(order, kv.Key) is var i && i < 0 ? int.MaxValue : i).ToList())
                {
                    result[kv.Key] = Reorder(kv.Value?.DeepClone(), order);
                }

                return result;
            case System.Text.Json.Nodes.JsonArray a:
                return new System.Text.Json.Nodes.JsonArray(a.Select(x => Reorder(x?.DeepClone(), order)).ToArray());
            default:
                return node?.DeepClone();
        }
    }
}
