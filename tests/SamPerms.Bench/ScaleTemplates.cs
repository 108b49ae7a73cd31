using System.Text;

namespace SamPerms.Bench;

/// <summary>
/// Generated templates for the scaling series of issue 14: N functions, each with two policy templates, an
/// Api event (on the implicit API) and a Schedule event; and one role with many inline statements.
/// </summary>
public static class ScaleTemplates
{
    /// <param name="apiEventType">The route event each function has (Api or HttpApi), or null for none.</param>
    public static string Functions(int count, bool apiEvents = true, string apiEventType = "Api")
    {
        var text = new StringBuilder("Transform: AWS::Serverless-2016-10-31\nResources:\n");
        text.Append("  Table:\n    Type: AWS::Serverless::SimpleTable\n");
        text.Append("  Bucket:\n    Type: AWS::S3::Bucket\n");
        for (int i = 0; i < count; i++)
        {
            text.Append($"  Fn{i}:\n    Type: AWS::Serverless::Function\n    Properties:\n")
                .Append("      CodeUri: s3://bucket/key.zip\n      Handler: index.handler\n      Runtime: python3.12\n")
                .Append("      Policies:\n")
                .Append("        - DynamoDBReadPolicy:\n            TableName: !Ref Table\n")
                .Append("        - S3ReadPolicy:\n            BucketName: !Ref Bucket\n")
                .Append("      Events:\n");
            if (apiEvents)
            {
                text.Append($"        Get:\n          Type: {apiEventType}\n          Properties:\n            Path: /items{i}/{{id}}\n            Method: get\n");
            }

            text.Append("        Tick:\n          Type: Schedule\n          Properties:\n            Schedule: rate(5 minutes)\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// One function whose role has <paramref name="count"/> inline statements, each its own action and resource;
    /// every tenth names an action that does not exist (a finding for validate).
    /// </summary>
    public static string Statements(int count)
    {
        var text = new StringBuilder("Transform: AWS::Serverless-2016-10-31\nResources:\n");
        text.Append("  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n")
            .Append("      CodeUri: s3://bucket/key.zip\n      Handler: index.handler\n      Runtime: python3.12\n")
            .Append("      Policies:\n        - Version: '2012-10-17'\n          Statement:\n");
        string[] actions = ["s3:GetObject", "s3:PutObject", "dynamodb:GetItem", "dynamodb:PutItem", "sqs:SendMessage", "sns:Publish"];
        for (int i = 0; i < count; i++)
        {
            var action = i % 10 == 9 ? "s3:GetObjekt" : actions[i % actions.Length];
            var service = action[..action.IndexOf(':')];
            text.Append($"            - Effect: Allow\n              Action: {action}\n")
                .Append($"              Resource: arn:aws:{service}:us-east-1:123456789012:thing-{i}/*\n");
        }

        return text.ToString();
    }

    /// <summary>The same as <see cref="Statements"/>, as JSON on one line (every finding is on that line).</summary>
    public static string StatementsOneLine(int count)
    {
        var text = new StringBuilder("{\"Transform\":\"AWS::Serverless-2016-10-31\",\"Resources\":{\"Fn\":{\"Type\":\"AWS::Serverless::Function\",\"Properties\":{");
        text.Append("\"CodeUri\":\"s3://bucket/key.zip\",\"Handler\":\"index.handler\",\"Runtime\":\"python3.12\",\"Policies\":[{\"Version\":\"2012-10-17\",\"Statement\":[");
        string[] actions = ["s3:GetObject", "s3:PutObject", "dynamodb:GetItem", "dynamodb:PutItem", "sqs:SendMessage", "sns:Publish"];
        for (int i = 0; i < count; i++)
        {
            var action = i % 10 == 9 ? "s3:GetObjekt" : actions[i % actions.Length];
            var service = action[..action.IndexOf(':')];
            text.Append(i == 0 ? "" : ",").Append($"{{\"Effect\":\"Allow\",\"Action\":\"{action}\",\"Resource\":\"arn:aws:{service}:us-east-1:123456789012:thing-{i}/*\"}}");
        }

        return text.Append("]}]}}}}\n").ToString();
    }

    /// <summary>
    /// Other shapes a big template takes, each N times: functions with HttpApi events, functions on one shared S3
    /// bucket, connectors from functions to one table, state machines with Api events. Each grows the transform by
    /// something different (a shared definition, a shared bucket, output-wide rewiring).
    /// </summary>
    public static IReadOnlyList<(string Name, Func<int, string> Make)> Shapes { get; } =
    [
        ("HttpApi events", n => Functions(n, apiEventType: "HttpApi")),
        ("one S3 bucket", n => Shape(n, i => $"  Fn{i}:\n    Type: AWS::Serverless::Function\n    Properties:\n{Code}      Events:\n        S:\n          Type: S3\n          Properties:\n            Bucket: !Ref Bucket\n            Events: s3:ObjectCreated:*\n            Filter:\n              S3Key:\n                Rules:\n                  - Name: prefix\n                    Value: p{i}/\n")),
        ("connectors", n => Shape(n, i => $"  Fn{i}:\n    Type: AWS::Serverless::Function\n    Properties:\n{Code}  Conn{i}:\n    Type: AWS::Serverless::Connector\n    Properties:\n      Source:\n        Id: Fn{i}\n      Destination:\n        Id: Table\n      Permissions: [Read, Write]\n")),
        ("state machines", n => Shape(n, i => $"  Sm{i}:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n      Definition:\n        StartAt: A\n        States:\n          A:\n            Type: Pass\n            End: true\n      Policies:\n        - LambdaInvokePolicy:\n            FunctionName: x\n      Events:\n        Api:\n          Type: Api\n          Properties:\n            Path: /sm{i}\n            Method: post\n")),
    ];

    private const string Code = "      CodeUri: s3://bucket/key.zip\n      Handler: index.handler\n      Runtime: python3.12\n";

    private static string Shape(int count, Func<int, string> resource)
    {
        var text = new StringBuilder("Transform: AWS::Serverless-2016-10-31\nResources:\n");
        text.Append("  Bucket:\n    Type: AWS::S3::Bucket\n  Table:\n    Type: AWS::DynamoDB::Table\n");
        for (int i = 0; i < count; i++)
        {
            text.Append(resource(i));
        }

        return text.ToString();
    }
}
