using SamPerms.Iam;

namespace SamPerms.Tests.Iam;

public sealed class WildcardExampleTests
{
    [Theory]
    [InlineData("s3:Get*", "s3:GetObject", true)]
    [InlineData("s3:get*", "S3:GETOBJECT", true)]
    [InlineData("s3:Get?bject", "s3:GetObject", true)]
    [InlineData("s3:Get*", "s3:PutObject", false)]
    [InlineData("*", "anything:at-all", true)]
    public void Actions_match_case_insensitively(string pattern, string action, bool expected) =>
        Assert.Equal(expected, Wildcard.Matches(pattern, action, ignoreCase: true));

    [Theory]
    [InlineData("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/images/*", true)]
    [InlineData("arn:aws:s3:::bucket/images/*", "arn:aws:s3:::bucket/*", false)]
    [InlineData("arn:aws:s3:::bucket*", "arn:aws:s3:::bucket/*", true)]
    [InlineData("*?", "?*", true)]
    [InlineData("a*b*c", "a*c", false)]
    public void Coverage_of_patterns(string wide, string narrow, bool expected) =>
        Assert.Equal(expected, Wildcard.Covers(wide, narrow, ignoreCase: false));

    [Theory]
    [InlineData("arn:aws:s3:::${Bucket}/*", "arn:aws:s3:::${Bucket}/in/*", Certainty.Yes)]
    [InlineData("arn:aws:s3:::${Bucket}/*", "arn:aws:s3:::${Bucket}", Certainty.No)]
    [InlineData("arn:aws:s3:::${Bucket}/*", "arn:aws:s3:::literal/x", Certainty.Maybe)]
    [InlineData("arn:aws:s3:::literal/*", "arn:aws:s3:::${Bucket}/x", Certainty.Maybe)]
    [InlineData("arn:aws:s3:::${Logs}/*", "arn:aws:s3:::${Data}/x", Certainty.No)]
    [InlineData("arn:aws:sqs:us-east-1:*:q", "arn:aws:sqs:us-east-1:${AWS::AccountId}:q", Certainty.Yes)]
    [InlineData("arn:aws:sqs:us-east-1:${AWS::AccountId}:q", "arn:aws:sqs:us-east-1:123456789012:q", Certainty.Maybe)]
    public void Coverage_with_symbols(string wide, string narrow, Certainty expected) =>
        Assert.Equal(expected, SymbolicPattern.Covers(wide, narrow, ignoreCase: false));

    [Fact]
    public void Action_patterns_expand_against_the_catalog()
    {
        var expanded = ActionExpansion.Expand("dynamodb:*Item");
        Assert.Contains("dynamodb:GetItem", expanded);
        Assert.Contains("dynamodb:BatchWriteItem", expanded);
        Assert.DoesNotContain("dynamodb:Query", expanded);
        Assert.Equal(["s3:GetObject"], ActionExpansion.Expand("S3:getobject"));
        Assert.Empty(ActionExpansion.Expand("s3:NoSuchThing*"));
    }

    [Theory]
    [InlineData("s3:ListBucket", "arn:aws:s3:::${Bucket}", true)]
    [InlineData("s3:ListBucket", "arn:aws:s3:::${Bucket}/*", false)]
    [InlineData("s3:GetObject", "arn:aws:s3:::${Bucket}", false)]
    [InlineData("s3:GetObject", "arn:aws:s3:::${Bucket}/*", true)]
    [InlineData("s3:GetObject", "arn:aws:s3:::*", true)]
    [InlineData("lambda:InvokeFunction", "arn:aws:lambda:us-east-1:${AWS::AccountId}:function:${Fn}:live", true)]
    [InlineData("logs:PutLogEvents", "arn:aws:logs:us-east-1:${AWS::AccountId}:log-group:/aws/lambda/fn:*", true)]
    [InlineData("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:${AWS::AccountId}:table/${Table}/index/*", false)]
    public void Actions_apply_to_their_resource_types(string action, string resource, bool expected) =>
        Assert.Equal(expected, ResourceApplicability.Applies(action, resource, s => s is "Bucket" or "Fn" or "Table"));
}
