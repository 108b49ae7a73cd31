using System.CommandLine;

namespace SamPerms.Cli.Commands;

/// <summary>Options shared by the commands that transform templates.</summary>
public static class CommonOptions
{
    public static Option<string?> Region() => new("--region", "-r")
    {
        Description = "AWS region the template is deployed to (default: the region of samconfig, $AWS_REGION, $AWS_DEFAULT_REGION, else us-east-1)",
    };

    public static Option<string?> Partition()
    {
        var o = new Option<string?>("--partition")
        {
            Description = "AWS partition (default: follows the region: cn-* → aws-cn, us-gov-* → aws-us-gov)",
        };
        o.AcceptOnlyFromAmong("aws", "aws-cn", "aws-us-gov");
        return o;
    }

    public static Option<string[]> ParameterOverrides() => new("--parameter-overrides", "-p")
    {
        Description = "Template parameter values: Key=Value ... (or ParameterKey=K,ParameterValue=V); pseudo parameters too (AWS::AccountId=123456789012, AWS::StackName=orders)",
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>
    /// --local-artifacts [true|false]: accept local paths for CodeUri, ContentUri and DefinitionUri, as
    /// <c>sam validate</c> does for a template not yet packaged. On by default where only permissions matter.
    /// </summary>
    public static Option<bool> LocalArtifacts(bool byDefault) => new("--local-artifacts")
    {
        Description = byDefault
            ? "Accept local paths (CodeUri: src/) where SAM wants S3 locations, as `sam validate` does [default: true; --local-artifacts false refuses them as SAM does]"
            : "Accept local paths (CodeUri: src/) where SAM wants S3 locations, as `sam validate` does; they stay paths in the output, for `sam package` [default: false, as SAM]",
        DefaultValueFactory = _ => byDefault,
        Arity = ArgumentArity.ZeroOrOne,
    };

    public static string RegionOrDefault(string? region) =>
        region ?? Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") ?? "us-east-1";

    /// <summary>Overrides are Key=Value; anything else that names an existing file is a template.</summary>
    public static (List<string> Overrides, List<string> Files) SplitOverrides(IEnumerable<string> items)
    {
        var overrides = new List<string>();
        var files = new List<string>();
        foreach (var item in items)
        {
            if (!item.Contains('=', StringComparison.Ordinal) && File.Exists(item))
            {
                files.Add(item);
            }
            else
            {
                overrides.Add(item);
            }
        }

        return (overrides, files);
    }
}
