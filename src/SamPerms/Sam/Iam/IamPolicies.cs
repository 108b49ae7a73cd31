using SamPerms.Model;

namespace SamPerms.Sam.Iam;

/// <summary>The policy documents SAM writes itself (the reference's IAMRolePolicies).</summary>
public static class IamPolicies
{
    public static MapNode AssumeRoleForService(string servicePrincipal) => N.Map(
        ("Version", "2012-10-17"),
        ("Statement", N.Seq(N.Map(
            ("Action", N.Seq("sts:AssumeRole")),
            ("Effect", "Allow"),
            ("Principal", N.Map(("Service", N.Seq(servicePrincipal))))))));

    public static MapNode LambdaAssumeRole() => AssumeRoleForService("lambda.amazonaws.com");

    public static MapNode DeadLetterQueue(string action, Node resource) => N.Map(
        ("PolicyName", "DeadLetterQueuePolicy"),
        ("PolicyDocument", N.Map(
            ("Version", "2012-10-17"),
            ("Statement", N.Seq(N.Map(("Action", action), ("Resource", resource), ("Effect", "Allow")))))));

    private static MapNode Single(string policyName, string action, Node resource) => N.Map(
        ("PolicyName", policyName),
        ("PolicyDocument", N.Map(("Statement", N.Seq(N.Map(("Action", action), ("Effect", "Allow"), ("Resource", resource)))))));

    public static MapNode SqsSendMessage(Node queueArn, string logicalId) => Single(logicalId + "SQSPolicy", "sqs:SendMessage", queueArn);

    public static MapNode SnsPublish(Node topicArn, string logicalId) => Single(logicalId + "SNSPolicy", "sns:publish", topicArn);

    public static MapNode EventBusPutEvents(Node busArn, string logicalId) => Single(logicalId + "EventBridgePolicy", "events:PutEvents", busArn);

    public static MapNode LambdaInvokeFunction(Node functionArn, string logicalId) => Single(logicalId + "LambdaPolicy", "lambda:InvokeFunction", functionArn);

    public static MapNode StepFunctionsStartExecution(Node stateMachineArn, string logicalId) => Single(logicalId + "StartExecutionPolicy", "states:StartExecution", stateMachineArn);

    public static MapNode S3SendEventPayload(Node bucketArn, string logicalId) => N.Map(
        ("PolicyName", logicalId + "S3Policy"),
        ("PolicyDocument", N.Map(("Statement", N.Seq(
            N.Map(("Action", "s3:PutObject"), ("Effect", "Allow"), ("Resource", N.Map(("Fn::Join", N.Seq("/", N.Seq(bucketArn, "*")))))),
            N.Map(("Action", "s3:ListBucket"), ("Effect", "Allow"), ("Resource", bucketArn)))))));
}
