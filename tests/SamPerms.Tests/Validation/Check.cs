using System.Text;
using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Validation;
using SamPerms.Yaml;

namespace SamPerms.Tests.Validation;

/// <summary>Runs the validator on small templates written in the tests.</summary>
public static class Check
{
    /// <summary>A function SAM accepts, to build test templates from.</summary>
    public const string Function = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: s3://bucket/app.zip

        """;

    public static IReadOnlyList<Diagnostic> All(string yaml, ValidationOptions? options = null) =>
        TemplateValidator.ValidateText(yaml, options ?? new ValidationOptions()).Diagnostics;

    public static IReadOnlyList<Diagnostic> All(byte[] bytes, ValidationOptions? options = null) =>
        TemplateValidator.Validate(bytes, options ?? new ValidationOptions()).Diagnostics;

    /// <summary>The findings of one code.</summary>
    public static List<Diagnostic> Code(string yaml, string code) => All(yaml).Where(d => d.Code == code).ToList();

    /// <summary>Exactly one finding of the code, returned for further checks.</summary>
    public static Diagnostic One(string yaml, string code)
    {
        var all = All(yaml);
        var found = all.Where(d => d.Code == code).ToList();
        Assert.True(found.Count == 1, $"expected one {code}, got: {string.Join(" | ", all.Select(d => d.Format()))}");
        return found[0];
    }

    public static void None(string yaml, string code)
    {
        var found = Code(yaml, code);
        Assert.True(found.Count == 0, $"expected no {code}, got: {string.Join(" | ", found.Select(d => d.Format()))}");
    }

    /// <summary>The 1-based line of the first line containing <paramref name="text"/>.</summary>
    public static int LineOf(string yaml, string text)
    {
        var lines = yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(text, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        throw new ArgumentException($"'{text}' is not in the template");
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}

/// <summary>One template that produces a code: the reachability table of the catalog (and each rule's positive case).</summary>
public sealed record CodeSample(string Code, byte[] Bytes, ReaderLimits? Limits = null, string? TemplateDirectory = null)
{
    /// <summary>How the sample is validated: local artifacts accepted (as the CLI does), looked up beside it when it has a folder.</summary>
    public ValidationOptions Options => new()
    {
        Limits = Limits,
        TemplateDirectory = TemplateDirectory,
        Transform = new SamPerms.Model.TransformOptions { LocalArtifacts = TemplateDirectory is not null },
    };

    public override string ToString() => Code;
}
