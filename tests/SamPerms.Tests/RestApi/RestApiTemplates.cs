namespace SamPerms.Tests.RestApi;

/// <summary>REST API templates several test classes look at from different sides.</summary>
internal static class RestApiTemplates
{
    /// <summary>A function with two Api events and no RestApiId: both go to the implicit ServerlessRestApi.</summary>
    public const string ImplicitApi = """
        Resources:
          Orders:
            Type: AWS::Serverless::Function
            Properties:
              Handler: index.handler
              Runtime: python3.12
              CodeUri: s3://bucket/orders.zip
              Events:
                ListOrders:
                  Type: Api
                  Properties:
                    Path: /orders/{id}
                    Method: get
                AnyOrders:
                  Type: Api
                  Properties:
                    Path: /orders
                    Method: ANY
        """;

    /// <summary>An explicit API whose default authorizer is a Lambda token authorizer, and a function with an event on it.</summary>
    public const string TokenAuthorizer = """
        Resources:
          Shop:
            Type: AWS::Serverless::Api
            Properties:
              StageName: live
              Auth:
                DefaultAuthorizer: TokenAuth
                Authorizers:
                  TokenAuth:
                    FunctionArn: !GetAtt Gatekeeper.Arn
                    Identity:
                      Header: X-Token
                      ReauthorizeEvery: 60
          Gatekeeper:
            Type: AWS::Serverless::Function
            Properties:
              Handler: auth.handler
              Runtime: python3.12
              CodeUri: s3://bucket/auth.zip
          Cart:
            Type: AWS::Serverless::Function
            Properties:
              Handler: cart.handler
              Runtime: python3.12
              CodeUri: s3://bucket/cart.zip
              Events:
                AddItem:
                  Type: Api
                  Properties:
                    RestApiId: !Ref Shop
                    Path: /cart
                    Method: post
        """;
}
