namespace SamPerms.Tests.Cli;

/// <summary>Small templates the command-line tests share.</summary>
public static class Samples
{
    public const string Function = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Hello:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/hello.zip

        """;

    /// <summary>A function whose URL anyone may call (SP3106, a warning) and an open API route (SP3108, an info).</summary>
    public const string Risky = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Hello:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/hello.zip
              FunctionUrlConfig:
                AuthType: NONE
              Events:
                Get:
                  Type: Api
                  Properties:
                    Path: /hello
                    Method: get

        """;

    public const string Rejected = """
        Resources:
          Hello:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: not-an-s3-uri

        """;
}
