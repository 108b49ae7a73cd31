using SamPerms.Iam;
using SamPerms.Yaml;

namespace SamPerms.Tests.Iam;

/// <summary>
/// The examples of AWS's documentation, each with the answer the page gives (or states as its rule), evaluated by
/// the one IAM evaluator on statements read by the one statement reader. Pages:
/// <list type="bullet">
/// <item>EVAL: IAM User Guide, "Policy evaluation logic" (reference_policies_evaluation-logic)</item>
/// <item>NOTACTION: IAM User Guide, "IAM JSON policy elements: NotAction" (reference_policies_elements_notaction)</item>
/// <item>NOTRESOURCE: IAM User Guide, "IAM JSON policy elements: NotResource" (reference_policies_elements_notresource)</item>
/// <item>RESOURCE: IAM User Guide, "IAM JSON policy elements: Resource", "Using wildcards in resource ARNs" (reference_policies_elements_resource)</item>
/// <item>S3ARN: Amazon S3 User Guide, "Policy resources for Amazon S3" (s3-arn-format), the wildcard examples</item>
/// <item>GRAMMAR: IAM User Guide, "Grammar of the IAM JSON policy language", notes on action_string (reference_policies_grammar)</item>
/// <item>SAR: Service Authorization Reference, "Actions, resources, and condition keys" (an action with no resource type takes Resource "*")</item>
/// <item>STS: AWS STS API Reference, GetCallerIdentity ("No permissions are required ... you can still perform this operation")</item>
/// </list>
/// </summary>
public sealed class IamDocumentationExamplesTests
{
    private const string NotActionS3 = """{"Statement": {"Effect": "Allow", "NotAction": "s3:DeleteBucket", "Resource": "arn:aws:s3:::*"}}""";
    private const string NotActionIam = """{"Statement": {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}}""";
    private const string DenyWithoutMfa = """
        {"Statement": [
          {"Effect": "Allow", "Action": "*", "Resource": "*"},
          {"Effect": "Deny", "NotAction": "iam:*", "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}]}
        """;
    private const string HrPayrollDeny = """
        {"Statement": {"Effect": "Deny", "Action": "s3:*", "NotResource": ["arn:aws:s3:::HRBucket/Payroll", "arn:aws:s3:::HRBucket/Payroll/*"]}}
        """;
    private const string HrPayroll = """
        {"Statement": [
          {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
          {"Effect": "Deny", "Action": "s3:*", "NotResource": ["arn:aws:s3:::HRBucket/Payroll", "arn:aws:s3:::HRBucket/Payroll/*"]}]}
        """;

    private static string Allow(string action, string resource) =>
        "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"" + action + "\", \"Resource\": \"" + resource + "\"}}";

    public static TheoryData<string, string, string, string, Decision> Examples => new()
    {
        // EVAL: an explicit Deny overrides any Allow; without an Allow the request is implicitly denied.
        { "EVAL", """{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}]}""", "s3:DeleteObject", "arn:aws:s3:::b/k", Decision.Denied },
        { "EVAL", """{"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"}]}""", "s3:GetObject", "arn:aws:s3:::b/k", Decision.Allowed },
        { "EVAL", Allow("s3:GetObject", "arn:aws:s3:::b/*"), "s3:PutObject", "arn:aws:s3:::b/k", Decision.NotAllowed },

        // NOTACTION, "NotAction with Allow": every S3 action on any S3 resource but DeleteBucket; not
        // ListAllMyBuckets ("that action requires the "*" resource"); no action of another service.
        { "NOTACTION", NotActionS3, "s3:GetObject", "arn:aws:s3:::b/k", Decision.Allowed },
        { "NOTACTION", NotActionS3, "s3:DeleteBucket", "arn:aws:s3:::b", Decision.NotAllowed },
        { "NOTACTION", NotActionS3, "s3:ListAllMyBuckets", "*", Decision.NotAllowed },
        { "NOTACTION", NotActionS3, "s3:ListAllMyBuckets", "arn:aws:s3:::b", Decision.NotAllowed },
        { "NOTACTION", NotActionS3, "ec2:TerminateInstances", "arn:aws:ec2:us-east-1:123456789012:instance/i-1", Decision.NotAllowed },

        // NOTACTION: "allows users to access every action in every AWS service except for IAM".
        { "NOTACTION", NotActionIam, "s3:GetObject", "arn:aws:s3:::b/k", Decision.Allowed },
        { "NOTACTION", NotActionIam, "s3:ListAllMyBuckets", "*", Decision.Allowed },
        { "NOTACTION", NotActionIam, "iam:CreateUser", "arn:aws:iam::123456789012:user/u", Decision.NotAllowed },

        // NOTACTION, "NotAction with Deny": non-IAM actions denied when MFA is absent (a condition: known only at run time).
        { "NOTACTION", DenyWithoutMfa, "s3:GetObject", "arn:aws:s3:::b/k", Decision.Undecided },
        { "NOTACTION", DenyWithoutMfa, "iam:CreateUser", "arn:aws:iam::123456789012:user/u", Decision.Allowed },

        // NOTRESOURCE: the Deny "does not grant the user access to any resources"; with an Allow, every S3
        // resource but the Payroll folder is denied — the "*" of an action without resource types too.
        { "NOTRESOURCE", HrPayrollDeny, "s3:GetObject", "arn:aws:s3:::HRBucket/Payroll/a.txt", Decision.NotAllowed },
        { "NOTRESOURCE", HrPayroll, "s3:GetObject", "arn:aws:s3:::HRBucket/Payroll/a.txt", Decision.Allowed },
        { "NOTRESOURCE", HrPayroll, "s3:GetObject", "arn:aws:s3:::HRBucket/Other/a.txt", Decision.Denied },
        { "NOTRESOURCE", HrPayroll, "s3:ListBucket", "arn:aws:s3:::HRBucket", Decision.Denied },
        { "NOTRESOURCE", HrPayroll, "s3:ListAllMyBuckets", "*", Decision.Denied },
        { "NOTRESOURCE", HrPayroll, "sqs:SendMessage", "arn:aws:sqs:us-east-1:123456789012:q", Decision.NotAllowed },

        // RESOURCE: the IAM user name is case sensitive; users under a path; all items of a bucket.
        { "RESOURCE", Allow("iam:GetUser", "arn:aws:iam::123456789012:user/Bob"), "iam:GetUser", "arn:aws:iam::123456789012:user/Bob", Decision.Allowed },
        { "RESOURCE", Allow("iam:GetUser", "arn:aws:iam::123456789012:user/Bob"), "iam:GetUser", "arn:aws:iam::123456789012:user/bob", Decision.NotAllowed },
        { "RESOURCE", Allow("iam:GetUser", "arn:aws:iam::123456789012:user/accounting/*"), "iam:GetUser", "arn:aws:iam::123456789012:user/accounting/alice", Decision.Allowed },
        { "RESOURCE", Allow("iam:GetUser", "arn:aws:iam::123456789012:user/accounting/*"), "iam:GetUser", "arn:aws:iam::123456789012:user/marketing/alice", Decision.NotAllowed },
        { "RESOURCE", Allow("sqs:SendMessage", "arn:aws:sqs:us-east-2:123456789012:queue1"), "sqs:SendMessage", "arn:aws:sqs:us-east-2:123456789012:queue1", Decision.Allowed },
        { "RESOURCE", Allow("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*"), "s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/a/b.jpg", Decision.Allowed },

        // RESOURCE: "The asterisk (*) character can expand to replace everything within a segment, including
        // characters like a forward slash (/)": amzn-s3-demo-bucket/*/test/* matches each object listed, not 1-test.
        { "RESOURCE", Allow("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*/test/*"), "s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/1/test/object.jpg", Decision.Allowed },
        { "RESOURCE", Allow("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*/test/*"), "s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/1/2/test/object.jpg", Decision.Allowed },
        { "RESOURCE", Allow("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*/test/*"), "s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/1/2/test/3/object.jpg", Decision.Allowed },
        { "RESOURCE", Allow("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*/test/*"), "s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/1/2/3/test/4/object.jpg", Decision.Allowed },
        { "RESOURCE", Allow("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*/test/*"), "s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/1///test///object.jpg", Decision.Allowed },
        { "RESOURCE", Allow("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*/test/*"), "s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/1/test/.jpg", Decision.Allowed },
        { "RESOURCE", Allow("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*/test/*"), "s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket//test/object.jpg", Decision.Allowed },
        { "RESOURCE", Allow("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*/test/*"), "s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/1/test/", Decision.Allowed },
        { "RESOURCE", Allow("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/*/test/*"), "s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/1-test/object.jpg", Decision.NotAllowed },

        // RESOURCE: wildcards work within a segment; only a * that is the last character of a segment can
        // expand beyond the colon boundaries. A * inside a segment, or a ?, never spans a colon.
        { "RESOURCE", Allow("sns:Publish", "arn:aws:sns:eu-*2:alerts"), "sns:Publish", "arn:aws:sns:eu-west-2:123456789012:alerts", Decision.NotAllowed },
        { "RESOURCE", Allow("sns:Publish", "arn:aws:sns:eu-*2:123456789012:alerts"), "sns:Publish", "arn:aws:sns:eu-west-2:123456789012:alerts", Decision.Allowed },
        { "RESOURCE", Allow("sns:Publish", "arn:aws:sns:eu-*:alerts"), "sns:Publish", "arn:aws:sns:eu-west-2:123456789012:alerts", Decision.Allowed },
        { "RESOURCE", Allow("sns:Publish", "arn:aws:sns:*:*:alerts"), "sns:Publish", "arn:aws:sns:eu-west-2:123456789012:alerts", Decision.Allowed },
        { "RESOURCE", Allow("sns:Publish", "arn:aws:sns:eu-west-?:123456789012:alerts"), "sns:Publish", "arn:aws:sns:eu-west-2:123456789012:alerts", Decision.Allowed },
        { "RESOURCE", Allow("sns:Publish", "arn:aws:sns:eu-west-2?123456789012:alerts"), "sns:Publish", "arn:aws:sns:eu-west-2:123456789012:alerts", Decision.NotAllowed },
        { "RESOURCE", Allow("logs:PutLogEvents", "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:*"), "logs:PutLogEvents", "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:log-stream:s", Decision.Allowed },
        { "RESOURCE", Allow("logs:PutLogEvents", "arn:aws:logs:us-east-1:123456789012:log-group:/aws/*/f"), "logs:PutLogEvents", "arn:aws:logs:us-east-1:123456789012:log-group:/aws/x:y/f", Decision.NotAllowed },

        // RESOURCE: a wildcard cannot be used in the service segment: no certain answer, never a yes.
        { "RESOURCE", Allow("s3:GetObject", "arn:aws:s*:::b/*"), "s3:GetObject", "arn:aws:s3:::b/k", Decision.Undecided },

        // S3ARN: "arn:aws:s3:::example?bucket/*" identifies all objects in example1bucket, example2bucket, ...
        { "S3ARN", Allow("s3:GetObject", "arn:aws:s3:::example?bucket/*"), "s3:GetObject", "arn:aws:s3:::example1bucket/k", Decision.Allowed },
        { "S3ARN", Allow("s3:GetObject", "arn:aws:s3:::example?bucket/*"), "s3:GetObject", "arn:aws:s3:::example12bucket/k", Decision.NotAllowed },
        { "S3ARN", Allow("s3:GetObject", "arn:aws:s3:::*"), "s3:GetObject", "arn:aws:s3:::any/key", Decision.Allowed },

        // SAR: an action that takes no resource type is requested on "*": a grant on any ARN (of its own
        // service or another's) does not allow it, Resource "*" does, and a Deny on "*" blocks it.
        { "SAR", Allow("s3:ListAllMyBuckets", "arn:aws:s3:::b"), "s3:ListAllMyBuckets", "*", Decision.NotAllowed },
        { "SAR", Allow("s3:ListAllMyBuckets", "arn:aws:sqs:us-east-1:123456789012:q"), "s3:ListAllMyBuckets", "*", Decision.NotAllowed },
        { "SAR", Allow("s3:ListAllMyBuckets", "*"), "s3:ListAllMyBuckets", "*", Decision.Allowed },
        { "SAR", Allow("s3:ListAllMyBuckets", "*"), "s3:ListAllMyBuckets", "arn:aws:s3:::b", Decision.Allowed },
        { "SAR", Allow("sqs:ListQueues", "arn:aws:sqs:us-east-1:123456789012:*"), "sqs:ListQueues", "*", Decision.NotAllowed },
        { "SAR", Allow("sqs:*", "*"), "sqs:ListQueues", "*", Decision.Allowed },
        { "SAR", Allow("kms:CreateKey", "arn:aws:kms:us-east-1:123456789012:key/*"), "kms:CreateKey", "*", Decision.NotAllowed },
        { "SAR", Allow("kms:CreateKey", "*"), "kms:CreateKey", "*", Decision.Allowed },
        { "SAR", """{"Statement": [{"Effect": "Allow", "Action": "sqs:ListQueues", "Resource": "*"}, {"Effect": "Deny", "Action": "sqs:*", "Resource": "*"}]}""", "sqs:ListQueues", "*", Decision.Denied },

        // GRAMMAR: an action is a service namespace, a colon and an action name (wildcards in the name only).
        // IAM refuses other forms (MalformedPolicyDocument): the policy never exists and allows nothing.
        { "GRAMMAR", Allow("s*:GetObject", "*"), "s3:GetObject", "arn:aws:s3:::b/k", Decision.NotAllowed },
        { "GRAMMAR", Allow("s3*", "*"), "s3:GetObject", "arn:aws:s3:::b/k", Decision.NotAllowed },
        { "GRAMMAR", """{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}, {"Effect": "Allow", "Action": "s3*", "Resource": "*"}]}""", "s3:GetObject", "arn:aws:s3:::b/k", Decision.NotAllowed },
        { "GRAMMAR", Allow("s3:Get*", "*"), "s3:GetObject", "arn:aws:s3:::b/k", Decision.Allowed },
        { "GRAMMAR", Allow("*", "*"), "s3:GetObject", "arn:aws:s3:::b/k", Decision.Allowed },

        // STS: GetCallerIdentity needs no permission; an explicit Deny does not stop it.
        { "STS", """{"Statement": {"Effect": "Deny", "Action": "sts:GetCallerIdentity", "Resource": "*"}}""", "sts:GetCallerIdentity", "*", Decision.Allowed },
        { "STS", """{"Statement": {"Effect": "Deny", "Action": "*", "Resource": "*"}}""", "sts:GetCallerIdentity", "*", Decision.Allowed },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_documented_answer(string page, string policy, string action, string resource, Decision expected)
    {
        var statements = StatementReader.Read(TemplateReader.ReadText(policy).Root, AsWritten.Instance);
        Assert.NotEmpty(statements);
        var ev = PolicyEvaluator.Evaluate(statements, action, resource);
        Assert.True(expected == ev.Decision, $"{page}: {action} on {resource} is {ev.Decision}, the page says {expected}");
    }

    [Fact]
    public void The_deciding_statement_is_shown_for_a_request_on_star()
    {
        var statements = StatementReader.Read(TemplateReader.ReadText(HrPayroll).Root, AsWritten.Instance);
        var ev = PolicyEvaluator.Evaluate(statements, "s3:ListAllMyBuckets", "*");
        Assert.Equal(Decision.Denied, ev.Decision);
        Assert.True(Assert.Single(ev.Denying).NotResource);
        Assert.Contains("\"*\"", ev.Note, StringComparison.Ordinal);

        var allowed = PolicyEvaluator.Evaluate(StatementReader.Read(TemplateReader.ReadText(Allow("s3:List*", "*")).Root, AsWritten.Instance), "s3:ListAllMyBuckets", "arn:aws:s3:::b");
        Assert.Equal(Decision.Allowed, allowed.Decision);
        Assert.Equal("s3:List*", Assert.Single(Assert.Single(allowed.Allowing).Actions));
    }

    [Fact]
    public void A_malformed_action_rejects_its_whole_document()
    {
        var statements = StatementReader.Read(TemplateReader.ReadText("""{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}, {"Effect": "Allow", "Action": "s*:PutObject", "Resource": "*"}]}""").Root, AsWritten.Instance);
        Assert.All(statements, s => Assert.Contains("'s*:PutObject' has a wildcard in its service prefix", s.Rejected, StringComparison.Ordinal));
    }
}
