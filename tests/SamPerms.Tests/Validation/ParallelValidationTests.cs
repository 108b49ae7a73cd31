using System.Text;
using SamPerms.Diagnostics;
using SamPerms.Validation;

namespace SamPerms.Tests.Validation;

/// <summary>
/// A large template is validated on two cores (the permission map and the schema check beside the other rules):
/// its findings are those of the same rules run one after the other on one thread.
/// </summary>
public sealed class ParallelValidationTests
{
    private static string Template(int functions)
    {
        var yaml = new StringBuilder("Transform: AWS::Serverless-2016-10-31\nResources:\n");
        for (int i = 0; i < functions; i++)
        {
            yaml.Append($"  Fn{i}:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.12\n      Handler: app.handler\n")
                .Append($"      CodeUri: s3://bucket/app{i}.zip\n      Policies:\n        - S3ReadPolicy:\n            BucketName: bucket-{i}\n")
                .Append($"        - Statement:\n            - Effect: Allow\n              Action: [s3:GetObject, s3:GetObject, iam:PassRole]\n              Resource: '*'\n")
                .Append($"      Events:\n        Get:\n          Type: Api\n          Properties:\n            Path: /items{i}\n            Method: get\n")
                .Append($"        Tick:\n          Type: Schedule\n          Properties:\n            Schedule: rate(1 hour)\n");
        }

        return yaml.Append("      Timeoutt: 3\n").ToString();
    }

    [Fact]
    public void Findings_are_those_of_the_rules_run_one_after_the_other()
    {
        var yaml = Template(120);
        // Rules given explicitly run on the calling thread alone; the registry's, on a template this large, on two.
        var alone = TemplateValidator.ValidateText(yaml, new ValidationOptions { Rules = RuleRegistry.All });
        var together = TemplateValidator.ValidateText(yaml, new ValidationOptions());
        Assert.Contains(alone.Diagnostics, d => d.Code == DiagnosticCatalog.OpenApiRoute);
        Assert.Contains(alone.Diagnostics, d => d.Code == DiagnosticCatalog.UnknownSamProperty);
        Assert.Equal(alone.Diagnostics.Select(d => d.Format()), together.Diagnostics.Select(d => d.Format()));
        Assert.Equal(alone.Suppressed.Select(d => d.Format()), together.Suppressed.Select(d => d.Format()));
    }
}
