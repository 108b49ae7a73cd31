using SamPerms.Diagnostics;
using SamPerms.Validation;

namespace SamPerms.Tests.Validation;

public sealed class ReferenceRuleTests
{
    private const string Defined = """
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Stage: {Type: String, Default: dev}
        Conditions:
          IsProd: !Equals [!Ref Stage, prod]
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/app.zip
              Environment:
                Variables:
                  STAGE: !Ref Stage
                  REGION: !Ref AWS::Region
                  ROLE: !GetAtt FnRole.Arn
                  TOPIC: !Sub "${Topic}-${Topic.TopicName}-${AWS::StackName}-${Extra}-${!Literal}"
                  NAME: !Sub ["${Extra}", {Extra: x}]
                  IF: !If [IsProd, a, b]
          Topic:
            Type: AWS::SNS::Topic
            Condition: IsProd
            DependsOn: [Fn, FnRole]
        Outputs:
          Out:
            Condition: IsProd
            Value: !GetAtt Fn.Arn

        """;

    [Fact]
    public void Names_defined_by_the_template_or_generated_by_sam_are_fine()
    {
        var yaml = Defined.Replace("-${Extra}", "", StringComparison.Ordinal);
        var codes = new[] { DiagnosticCatalog.RefTargetMissing, DiagnosticCatalog.GetAttTargetMissing, DiagnosticCatalog.SubVariableMissing, DiagnosticCatalog.DependsOnMissing, DiagnosticCatalog.ConditionMissing };
        Assert.DoesNotContain(Check.All(yaml), d => codes.Contains(d.Code));
    }

    [Fact]
    public void Ref_to_a_missing_name_is_at_the_ref_and_suggests()
    {
        var yaml = Defined.Replace("-${Extra}", "", StringComparison.Ordinal).Replace("!Ref Stage\n", "!Ref Stag\n", StringComparison.Ordinal);
        var d = Check.One(yaml, DiagnosticCatalog.RefTargetMissing);
        Assert.Equal(Check.LineOf(yaml, "STAGE:"), d.Line);
        Assert.Contains("'Stage'", d.Message, StringComparison.Ordinal);
        Assert.Equal("Resources.Fn.Properties.Environment.Variables.STAGE", d.Path);
    }

    [Fact]
    public void GetAtt_of_a_missing_resource_is_reported()
    {
        var yaml = Defined.Replace("!GetAtt Fn.Arn", "!GetAtt Fun.Arn", StringComparison.Ordinal);
        var d = Check.One(yaml, DiagnosticCatalog.GetAttTargetMissing);
        Assert.Equal(Check.LineOf(yaml, "Fun.Arn"), d.Line);
    }

    [Fact]
    public void Sub_variables_must_be_defined_but_literals_and_sub_variables_are_fine()
    {
        var d = Check.One(Defined, DiagnosticCatalog.SubVariableMissing);
        Assert.Contains("${Extra}", d.Message, StringComparison.Ordinal);
        Assert.Equal(Check.LineOf(Defined, "TOPIC:"), d.Line);
    }

    [Fact]
    public void DependsOn_and_conditions_must_exist()
    {
        var yaml = Defined.Replace("DependsOn: [Fn, FnRole]", "DependsOn: [Fn, Nope]", StringComparison.Ordinal)
            .Replace("!If [IsProd, a, b]", "!If [IsPrd, a, b]", StringComparison.Ordinal);
        var dep = Check.One(yaml, DiagnosticCatalog.DependsOnMissing);
        Assert.Equal(Check.LineOf(yaml, "DependsOn"), dep.Line);
        var cond = Check.One(yaml, DiagnosticCatalog.ConditionMissing);
        Assert.Equal(Check.LineOf(yaml, "IsPrd"), cond.Line);
        Assert.Contains("'IsProd'", cond.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_checked_when_sam_rejects_the_template()
    {
        var yaml = Defined.Replace("s3://bucket/app.zip", "bad", StringComparison.Ordinal);
        Assert.DoesNotContain(Check.All(yaml), d => d.Code.StartsWith("SP22", StringComparison.Ordinal));
    }
}
