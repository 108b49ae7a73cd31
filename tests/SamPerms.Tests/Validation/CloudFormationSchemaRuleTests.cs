using SamPerms.Diagnostics;

namespace SamPerms.Tests.Validation;

/// <summary>
/// Plain CloudFormation resources (and what SAM generates) against the resource provider schemas: unknown types
/// and properties, required properties, value shapes, enums and Fn::GetAtt attributes, each at its line, and the
/// valid form of each giving nothing. Expectations follow the CloudFormation resource reference (AWS::S3::Bucket,
/// AWS::SQS::Queue, AWS::DynamoDB::Table, AWS::Lambda::Function), not SamPerms' own output.
/// </summary>
public sealed class CloudFormationSchemaRuleTests
{
    private static string With(string resources) => Check.Function + resources;

    [Fact]
    public void UnknownTypeIsReportedAtTheTypeWithASuggestion()
    {
        var yaml = With("""
              Bucket:
                Type: AWS::S3::Buckt
            """);
        var d = Check.One(yaml, DiagnosticCatalog.UnknownResourceType);
        Assert.Equal(Check.LineOf(yaml, "AWS::S3::Buckt"), d.Line);
        Assert.Contains("did you mean 'AWS::S3::Bucket'", d.Message);
    }

    [Fact]
    public void KnownTypesAndOtherNamespacesAreNotReported()
    {
        Check.None(With("""
              Bucket:
                Type: AWS::S3::Bucket
              Custom:
                Type: Custom::Seeder
                Properties: {ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:x, Anything: 1}
              Partner:
                Type: MongoDB::Atlas::Cluster
            """), DiagnosticCatalog.UnknownResourceType);
    }

    [Fact]
    public void UnknownPropertyIsReportedAtItsKey()
    {
        var yaml = With("""
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  BucketNam: photos
            """);
        var d = Check.One(yaml, DiagnosticCatalog.UnknownResourceProperty);
        Assert.Equal(Check.LineOf(yaml, "BucketNam:"), d.Line);
        Assert.Equal(7, d.Column);
        Assert.Contains("did you mean 'BucketName'", d.Message);
        Check.None(yaml.Replace("BucketNam:", "BucketName:", StringComparison.Ordinal), DiagnosticCatalog.UnknownResourceProperty);
    }

    [Fact]
    public void MissingRequiredProperty()
    {
        var yaml = With("""
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
            """);
        var d = Check.One(yaml, DiagnosticCatalog.MissingRequiredProperty);
        Assert.Contains("KeySchema", d.Message);
        Assert.Equal(Check.LineOf(yaml, "AWS::DynamoDB::Table") + 1, d.Line); // at its Properties
        Check.None(yaml + "      KeySchema: [{AttributeName: id, KeyType: HASH}]\n", DiagnosticCatalog.MissingRequiredProperty);
    }

    [Fact]
    public void ValueOfTheWrongShape()
    {
        var yaml = With("""
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  Tags: {team: payments}
                  DelaySeconds: [5]
            """);
        var found = Check.Code(yaml, DiagnosticCatalog.PropertyValueKind);
        Assert.Equal(2, found.Count);
        Assert.Contains(found, d => d.Line == Check.LineOf(yaml, "Tags:") && d.Message.Contains("takes a list, not a mapping", StringComparison.Ordinal));
        Assert.Contains(found, d => d.Line == Check.LineOf(yaml, "DelaySeconds:") && d.Message.Contains("takes a number, not a list", StringComparison.Ordinal));

        // Scalars convert (CloudFormation reads "5" as 5), intrinsics are not checked.
        Check.None(With("""
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  Tags: [{Key: team, Value: payments}]
                  DelaySeconds: "5"
                  FifoQueue: "true"
                  QueueName: !Sub "${AWS::StackName}-q"
                  VisibilityTimeout: !If [Never, 5, !Ref AWS::NoValue]
            Conditions:
              Never: !Equals [a, b]
            """), DiagnosticCatalog.PropertyValueKind);
    }

    [Fact]
    public void ValueOutsideTheEnum()
    {
        var yaml = With("""
              Bucket:
                Type: AWS::S3::Bucket
                Properties:
                  AccessControl: PublicReed
            """);
        var d = Check.One(yaml, DiagnosticCatalog.PropertyValueNotAllowed);
        Assert.Equal(Check.LineOf(yaml, "PublicReed"), d.Line);
        Assert.Contains("did you mean 'PublicRead'", d.Message);
        Check.None(yaml.Replace("PublicReed", "PublicRead", StringComparison.Ordinal), DiagnosticCatalog.PropertyValueNotAllowed);
    }

    [Fact]
    public void WhatSamGeneratesIsCheckedAtTheSamProperty()
    {
        // RecursiveLoop passes through to AWS::Lambda::Function, whose schema allows Allow or Terminate.
        var yaml = Check.Function.Replace("      CodeUri: s3://bucket/app.zip\n", "      CodeUri: s3://bucket/app.zip\n      RecursiveLoop: Terminat\n", StringComparison.Ordinal);
        var d = Check.One(yaml, DiagnosticCatalog.PropertyValueNotAllowed);
        Assert.Equal(Check.LineOf(yaml, "Terminat"), d.Line);
        Assert.StartsWith("RecursiveLoop of Fn is 'Terminat'", d.Message);
    }

    [Fact]
    public void GetAttOfAnAttributeTheTypeDoesNotReturn()
    {
        var yaml = With("""
              Queue:
                Type: AWS::SQS::Queue
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  DisplayName: !GetAtt Queue.QueueUr
                  TopicName: !GetAtt Queue.QueueName
            Outputs:
              FnArn:
                Value: !GetAtt Fn.Arn
            """);
        var d = Check.One(yaml, DiagnosticCatalog.UnknownGetAttAttribute);
        Assert.Equal(Check.LineOf(yaml, "Queue.QueueUr"), d.Line);
        Assert.Contains("did you mean 'QueueUrl'", d.Message);
        Check.None(yaml.Replace("Queue.QueueUr", "Queue.QueueUrl", StringComparison.Ordinal), DiagnosticCatalog.UnknownGetAttAttribute);
    }

    [Fact]
    public void NestedStackOutputsAndCustomResourceDataAreNotChecked()
    {
        Check.None(With("""
              Nested:
                Type: AWS::CloudFormation::Stack
                Properties: {TemplateURL: https://example.com/t.yaml}
              Seeder:
                Type: Custom::Seeder
                Properties: {ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:x}
              Topic:
                Type: AWS::SNS::Topic
                Properties:
                  DisplayName: !GetAtt Nested.Outputs.Name
                  TopicName: !GetAtt Seeder.Whatever
            """), DiagnosticCatalog.UnknownGetAttAttribute);
    }

    [Fact]
    public void LocalPathsThatPackagingReplacesAreNoWrongShape()
    {
        // As `aws cloudformation package` reads it: a folder where Code takes an S3 location.
        Check.None(With("""
              Plain:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: app.handler
                  Runtime: python3.12
                  Role: arn:aws:iam::123456789012:role/r
                  Code: src/
            """), DiagnosticCatalog.PropertyValueKind);
        Assert.Single(Check.Code(With("""
              Plain:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: app.handler
                  Runtime: python3.12
                  Role: arn:aws:iam::123456789012:role/r
                  Code: src/
                  Layers: arn:aws:lambda:us-east-1:123456789012:layer:x:1
            """), DiagnosticCatalog.PropertyValueKind));
    }
}
