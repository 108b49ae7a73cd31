using SamPerms.Permissions;
using SamPerms.Permissions.Effective;
using SamPerms.Permissions.Intent;
using SamPerms.Tests.Validation;
using SamPerms.Diagnostics;

namespace SamPerms.Tests.Permissions.Effective;

/// <summary>
/// Permissions boundaries as AWS's policy evaluation logic describes them: "the effective permissions for an
/// entity are the permissions that are granted by both its identity-based policies and its permissions
/// boundary"; an explicit Deny in either wins; an Allow in the identity policy alone is not enough.
/// </summary>
public sealed class BoundaryTests
{
    private static string Function(string boundary, string policies = """
              Policies:
                - DynamoDBCrudPolicy:
                    TableName: orders
                - S3ReadPolicy:
                    BucketName: reports
        """, string extra = "") => $$"""
        Transform: AWS::Serverless-2016-10-31
        Resources:
        {{extra}}
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/app.zip
              PermissionsBoundary: {{boundary}}
        {{policies}}
        """;

    private const string S3ReadOnly = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";
    private const string Table = "arn:aws:dynamodb:us-east-1:${AWS::AccountId}:table/orders";

    [Fact]
    public void A_grant_the_boundary_does_not_allow_is_not_allowed_naming_both_lines()
    {
        var yaml = Function(S3ReadOnly);
        var answer = Effective.Can(yaml, "Fn", "dynamodb:PutItem", null);
        Assert.Equal(AccessVerdict.NotAllowed, answer.Verdict);
        Assert.Equal($"allowed by Policies[0] (line {Check.LineOf(yaml, "DynamoDBCrudPolicy")}) but outside the permission boundary AmazonS3ReadOnlyAccess (line {Check.LineOf(yaml, "PermissionsBoundary")})", answer.Reason);
    }

    [Fact]
    public void A_grant_inside_the_boundary_stays_allowed()
    {
        var answer = Effective.Can(Function(S3ReadOnly), "Fn", "s3:GetObject", "arn:aws:s3:::reports/a.csv");
        Assert.Equal(AccessVerdict.Allowed, answer.Verdict);
    }

    [Fact]
    public void Without_a_boundary_the_identity_policy_decides()
    {
        var yaml = Function(S3ReadOnly).Replace("      PermissionsBoundary: " + S3ReadOnly + "\n", "", StringComparison.Ordinal);
        Assert.Equal(AccessVerdict.Allowed, Effective.Can(yaml, "Fn", "dynamodb:PutItem", Table).Verdict);
        Assert.Null(Effective.Map(yaml).Find("Fn")!.Boundary);
    }

    [Fact]
    public void The_boundary_allows_nothing_the_identity_policy_does_not()
    {
        // A wide boundary grants nothing by itself: it only limits.
        var answer = Effective.Can(Function("arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess"), "Fn", "sqs:SendMessage", "arn:aws:sqs:us-east-1:123456789012:q");
        Assert.Equal(AccessVerdict.NotAllowed, answer.Verdict);
        Assert.Equal(AccessVerdict.Allowed, Effective.Can(Function("arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess"), "Fn", "dynamodb:PutItem", Table).Verdict);
    }

    [Fact]
    public void An_explicit_deny_in_a_boundary_of_the_template_blocks()
    {
        const string policy = """
              Boundary:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement:
                      - Effect: Allow
                        Action: 'dynamodb:*'
                        Resource: '*'
                      - Effect: Deny
                        Action: dynamodb:DeleteItem
                        Resource: '*'
            """;
        var yaml = Function("!Ref Boundary", extra: policy);
        Assert.Equal(AccessVerdict.NotAllowed, Effective.Can(yaml, "Fn", "dynamodb:DeleteItem", Table).Verdict);
        Assert.Equal(AccessVerdict.Allowed, Effective.Can(yaml, "Fn", "dynamodb:PutItem", Table).Verdict);
        Assert.Equal(AccessVerdict.NotAllowed, Effective.Can(yaml, "Fn", "s3:GetObject", "arn:aws:s3:::reports/a").Verdict);
    }

    [Fact]
    public void An_unknown_boundary_is_never_yes()
    {
        var yaml = Function("arn:aws:iam::123456789012:policy/team-boundary");
        var answer = Effective.Can(yaml, "Fn", "dynamodb:PutItem", Table);
        Assert.Equal(AccessVerdict.Unverifiable, answer.Verdict);
        Assert.Contains("is not known here", answer.Reason, StringComparison.Ordinal);
        // What the role does not allow stays no, whatever the boundary.
        Assert.Equal(AccessVerdict.NotAllowed, Effective.Can(yaml, "Fn", "sqs:SendMessage", "arn:aws:sqs:us-east-1:123456789012:q").Verdict);
    }

    [Fact]
    public void A_boundary_from_globals_applies_to_the_function()
    {
        var yaml = """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                PermissionsBoundary: arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: s3://bucket/app.zip
                  Policies:
                    - DynamoDBCrudPolicy: {TableName: orders}
            """;
        var fn = Effective.Map(yaml).Find("Fn")!;
        Assert.Equal(Check.LineOf(yaml, "PermissionsBoundary"), fn.Boundary!.Source.Span.Line);
        Assert.Equal(AccessVerdict.NotAllowed, Effective.Can(yaml, "Fn", "dynamodb:GetItem", Table).Verdict);
    }

    [Fact]
    public void A_role_of_the_template_carries_its_own_boundary()
    {
        var yaml = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              AppRole:
                Type: AWS::IAM::Role
                Properties:
                  PermissionsBoundary: arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess
                  AssumeRolePolicyDocument:
                    Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
                  Policies:
                    - PolicyName: tables
                      PolicyDocument:
                        Statement: [{Effect: Allow, Action: ['dynamodb:GetItem', 'dynamodb:PutItem'], Resource: '*'}]
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: s3://bucket/app.zip
                  Role: !GetAtt AppRole.Arn
            """;
        Assert.Equal(AccessVerdict.Allowed, Effective.Can(yaml, "Fn", "dynamodb:GetItem", Table).Verdict);
        Assert.Equal(AccessVerdict.NotAllowed, Effective.Can(yaml, "Fn", "dynamodb:PutItem", Table).Verdict);
        var map = Effective.Map(yaml);
        var fn = map.Find("Fn")!;
        var verdict = BoundaryCheck.Of(fn, fn.MayDo.Single(), map.Values!);
        Assert.Equal(GrantStanding.PartlyOutside, verdict.Standing);
        Assert.Equal(["dynamodb:PutItem"], verdict.Outside);
    }

    [Fact]
    public void A_state_machine_boundary_limits_its_role()
    {
        var yaml = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Flow:
                Type: AWS::Serverless::StateMachine
                Properties:
                  PermissionsBoundary: arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
                  Definition: {StartAt: Done, States: {Done: {Type: Succeed}}}
                  Policies:
                    - LambdaInvokePolicy: {FunctionName: worker}
            """;
        Assert.Equal(AccessVerdict.NotAllowed, Effective.Can(yaml, "Flow", "lambda:InvokeFunction", "arn:aws:lambda:us-east-1:123456789012:function:worker").Verdict);
    }

    [Fact]
    public void The_intent_check_counts_a_declared_action_the_boundary_blocks_as_missing()
    {
        var yaml = Function(S3ReadOnly);
        var map = Effective.Map(yaml);
        var intent = IntentFor("dynamodb:PutItem", Table);
        var finding = Assert.Single(IntentDiff.Run(map, intent).Findings, f => f.Kind == FindingKind.Missing);
        Assert.Contains("outside the permission boundary AmazonS3ReadOnlyAccess", finding.Reason, StringComparison.Ordinal);

        Assert.DoesNotContain(IntentDiff.Run(map, IntentFor("s3:GetObject", "arn:aws:s3:::reports/a")).Findings, f => f.Kind == FindingKind.Missing);
    }

    [Fact]
    public void Validate_warns_at_the_blocked_grant_and_not_at_one_inside()
    {
        var yaml = Function(S3ReadOnly);
        var found = Check.Code(yaml, DiagnosticCatalog.OutsideBoundary);
        var d = Assert.Single(found, x => x.Span.Line == Check.LineOf(yaml, "DynamoDBCrudPolicy"));
        Assert.Contains($"permission boundary AmazonS3ReadOnlyAccess (line {Check.LineOf(yaml, "PermissionsBoundary")})", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(found, x => x.Span.Line == Check.LineOf(yaml, "S3ReadPolicy"));
        const string wide = """
              Boundary:
                Type: AWS::IAM::ManagedPolicy
                Properties:
                  PolicyDocument:
                    Statement: [{Effect: Allow, Action: ['s3:*', 'logs:*', 'dynamodb:*'], Resource: '*'}]
            """;
        Check.None(Function("!Ref Boundary", extra: wide), DiagnosticCatalog.OutsideBoundary);
        Check.None(Function("arn:aws:iam::123456789012:policy/team-boundary"), DiagnosticCatalog.OutsideBoundary);
    }

    private static IntentDocument IntentFor(string action, string resource)
    {
        var where = new IntentLocation("intent.yaml", "intent", SamPerms.Text.SourceSpan.None);
        return new IntentDocument([new SubjectIntent("Fn", SubjectKind.Function, null,
            [new AllowIntent([new SamPerms.Model.StringNode(action)], [new SamPerms.Model.StringNode(resource)], null, where)], where)]);
    }
}
