namespace SamPerms.Cli.Help;

/// <summary>What every command's <c>--help</c> ends with: a few examples and its exit codes (one entry per command).</summary>
public static class CommandEpilogs
{
    private static readonly Dictionary<string, string> ByCommand = new(StringComparer.Ordinal)
    {
        [""] = """
            Examples:
              samperms permissions                                 # template.yaml in this folder
              samperms validate -t template.yaml --format sarif --output-file samperms.sarif
              samperms diff template.yaml --intent intent.yaml
              samperms help validate

            Exit codes: 0 success, 1 findings or an invalid template, 2 usage or file error.
            """,
        ["transform"] = """
            Examples:
              samperms transform -t template.yaml --region eu-west-1
              samperms transform template.yaml -o packaged.yaml    # format from the extension
              samperms transform 'services/**/template.yaml' --out-dir out   # out/orders/template.json, ...
              cat template.yaml | samperms transform -

            Exit codes: 0 success; 1 a template is invalid (SAM rejects it, or it cannot be read); 2 usage error,
            or an output that cannot be written (never one of the inputs).
            """,
        ["permissions"] = """
            Examples:
              samperms permissions                                 # template.yaml in this folder
              samperms permissions -t template.yaml --function Resizer --format json
              samperms permissions template.yaml --format markdown --output-file permissions.md

            Exit codes: 0 success (also when there are no functions: it says so); 1 the template is invalid;
            2 usage error, or a file that cannot be read or written.
            """,
        ["diff"] = """
            Examples:
              samperms diff template.yaml --intent intent.yaml
              samperms diff template.yaml --intent intent.yaml --fail-on missing,unverifiable
              samperms diff old/template.yaml template.yaml --format markdown --output-file diff.md
              samperms diff --git origin/main                     # each changed template against the base branch

            Exit codes: 0 no finding of a --fail-on kind; 1 such a finding, or an invalid template; 2 usage error,
            an unreadable file or an invalid intent.
            """,
        ["can"] = """
            Examples:
              samperms can template.yaml Resizer s3:PutObject 'arn:aws:s3:::thumbnails/*'
              samperms can Resizer dynamodb:PutItem                 # template.yaml here; on which resources
              samperms can template.yaml Resizer --invoked-by s3.amazonaws.com --format json

            Exit codes: 0 it may; 1 it may not, it cannot be told before deploy, or the template is invalid;
            2 usage error (unknown function, bad action) or a file that cannot be read or written.
            """,
        ["explain"] = """
            Examples:
              samperms explain                                     # template.yaml here: every SAM resource and what it becomes
              samperms explain ResizeFunction --format markdown --output-file explain.md
              samperms explain template.yaml --format json

            Exit codes: 0 success; 1 the template is invalid; 2 usage error (unknown logical id) or a file that
            cannot be read.
            """,
        ["report"] = """
            Examples:
              samperms report -o report.html                       # template.yaml here; one self-contained page, open it from disk
              samperms report template.yaml --region eu-west-1 -o report.html

            Exit codes: 0 success; 1 the template is invalid; 2 usage error or a file that cannot be read or
            written.
            """,
        ["validate"] = """
            Examples:
              samperms validate                                    # template.yaml in this folder
              samperms validate '**/template.yaml' --format sarif --output-file samperms.sarif
              samperms validate template.yaml --fail-on warning --ignore SP3104,SP31*
              samperms validate --list-rules

            Exit codes: 0 nothing at the --fail-on level (default: error); 1 a finding at that level, or a file
            that cannot be read (reported as a finding); 2 usage error or a bad configuration file.
            """,
    };

    /// <summary>The epilog of a command (the root's for ""), or null when it has none.</summary>
    public static string? For(string command) => ByCommand.GetValueOrDefault(command);

    /// <summary>The commands that have an epilog, for the test that every command has one.</summary>
    public static IEnumerable<string> Commands => ByCommand.Keys;
}
