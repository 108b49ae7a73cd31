namespace SamPerms.Tests.Permissions.Trust;

/// <summary>Small templates with trust policies, written after the examples of AWS's IAM User Guide ("Roles terms
/// and concepts", "How to use an external ID", "IAM JSON policy elements: Principal").</summary>
internal static class TrustTemplates
{
    public const string WithFunction = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/app.zip

        """;

    /// <summary>The function plus a role of the template whose trust policy has the given statements (YAML list items, 10 spaces in).</summary>
    public static string WithRole(string statements) => WithFunction + """
          Shared:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Version: '2012-10-17'
                Statement:

        """ + statements;

    /// <summary>One Allow statement of a trust policy.</summary>
    public static string Allow(string principal, string action = "sts:AssumeRole", string condition = "") =>
        $"          - Effect: Allow\n            Principal: {principal}\n            Action: {action}\n" + (condition.Length > 0 ? $"            Condition: {condition}\n" : "");

    public static string Deny(string principal, string action = "sts:AssumeRole") =>
        $"          - Effect: Deny\n            Principal: {principal}\n            Action: {action}\n";
}
