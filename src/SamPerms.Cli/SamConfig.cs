using SamPerms.Diagnostics;
using SamPerms.Model;
using SamPerms.Yaml;
using Tomlyn;
using Tomlyn.Model;

namespace SamPerms.Cli;

/// <summary>What a SAM CLI configuration file says about a deploy: its region and parameter overrides.</summary>
public sealed record SamConfigValues(string? Region, IReadOnlyList<string> ParameterOverrides, string File, string Environment)
{
    /// <summary>The stack's name (<c>stack_name</c>): the value of <c>AWS::StackName</c>.</summary>
    public string? StackName { get; init; }
}

/// <summary>
/// Reads the SAM CLI's configuration (samconfig.toml, samconfig.yaml or samconfig.yml) as <c>sam deploy</c> does:
/// the environment's <c>deploy.parameters</c>, falling back to its <c>global.parameters</c>, for
/// <c>region</c> and <c>parameter_overrides</c> (a string of Key=Value pairs, quoted as in a shell, or a list).
/// </summary>
public static class SamConfig
{
    public const string DefaultEnvironment = "default";

    private static readonly string[] DefaultNames = ["samconfig.toml", "samconfig.yaml", "samconfig.yml"];

    /// <summary>The configuration file the SAM CLI would read from <paramref name="directory"/>, if there is one.</summary>
    public static string? Find(string directory) =>
        DefaultNames.Select(n => Path.Combine(directory, n)).FirstOrDefault(File.Exists);

    /// <summary>
    /// The values of <paramref name="environment"/> in <paramref name="file"/>. A missing environment gives no
    /// values when <paramref name="environmentRequired"/> is false (the default one need not exist).
    /// </summary>
    public static bool TryLoad(string file, string environment, bool environmentRequired, out SamConfigValues? values, out string? error)
    {
        values = null;
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            error = $"cannot read {file}: {e.Message}";
            return false;
        }

        var environments = new List<string>();
        var sections = file.EndsWith(".toml", StringComparison.OrdinalIgnoreCase) ? ReadToml(file, text, environment, environments, out error) : ReadYaml(file, text, environment, environments, out error);
        if (error is not null)
        {
            return false;
        }

        if (sections is null)
        {
            if (environmentRequired)
            {
                error = $"{file}: no environment '{environment}'" + (environments.Count > 0
                    ? $"{Diagnostics.Suggest.DidYouMean(environment, environments)}; its environments are {string.Join(", ", environments)}"
                    : "; it defines no environment");
                return false;
            }

            values = new SamConfigValues(null, [], file, environment);
            return true;
        }

        string? region = null;
        string? stackName = null;
        List<string>? overrides = null;
        foreach (var (section, entries) in sections)
        {
            foreach (var (key, value) in entries)
            {
                switch (key)
                {
                    case "region" when region is null:
                        region = value as string ?? Invalid(ref error, $"{file}: [{environment}.{section}.parameters] region must be a string");
                        break;
                    case "stack_name" when stackName is null:
                        stackName = value as string ?? Invalid(ref error, $"{file}: [{environment}.{section}.parameters] stack_name must be a string");
                        break;
                    case "parameter_overrides" when overrides is null:
                        overrides = value switch
                        {
                            string s => SplitShellWords(s),
                            IEnumerable<string> list => [.. list],
                            _ => null,
                        };
                        if (overrides is null)
                        {
                            error = $"{file}: [{environment}.{section}.parameters] parameter_overrides must be a string of Key=Value pairs or a list of them";
                        }

                        break;
                }
            }
        }

        if (error is not null)
        {
            return false;
        }

        values = new SamConfigValues(region, overrides ?? [], file, environment) { StackName = stackName };
        return true;
    }

    /// <summary>"A=1 B=\"two words\" C='x'" → A=1, B=two words, C=x (quotes group and are removed, as in a shell).</summary>
    public static List<string> SplitShellWords(string text)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        bool inWord = false;
        char quote = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else if (c == '\\' && quote == '"' && i + 1 < text.Length && text[i + 1] is '"' or '\\')
                {
                    current.Append(text[++i]);
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    private static string? Invalid(ref string? error, string message)
    {
        error ??= message;
        return null;
    }

    /// <summary>The environment's deploy and global parameter tables, in that order; null when the environment is absent.</summary>
    private static List<(string Section, List<(string Key, object? Value)> Entries)>? ReadToml(string file, string text, string environment, List<string> environments, out string? error)
    {
        error = null;
        TomlTable model;
        try
        {
            model = TomlSerializer.Deserialize<TomlTable>(text, SamConfigToml.Default) ?? new TomlTable();
        }
        catch (TomlException e)
        {
            error = $"{file}:{Describe(e)}";
            return null;
        }

        environments.AddRange(model.Where(kv => kv.Value is TomlTable).Select(kv => kv.Key));
        if (!model.TryGetValue(environment, out var env) || env is not TomlTable envTable)
        {
            return null;
        }

        var result = new List<(string, List<(string, object?)>)>();
        foreach (var section in new[] { "deploy", "global" })
        {
            if (envTable.TryGetValue(section, out var s) && s is TomlTable st && st.TryGetValue("parameters", out var p) && p is TomlTable pt)
            {
                result.Add((section, pt.Select(kv => (kv.Key, kv.Value is TomlArray a ? (object?)a.Select(x => x?.ToString() ?? "").ToList() : kv.Value)).ToList()));
            }
        }

        return result;
    }

    /// <summary>"line:column: message" from Tomlyn's "(line,column) : error : message", possibly wrapped by its converter.</summary>
    private static string Describe(TomlException e)
    {
        var message = e.Message;
        // The innermost "(line,column) : error :" is the reason; the outer ones name Tomlyn's converter.
        var match = System.Text.RegularExpressions.Regex.Matches(message, @"\((\d+),(\d+)\)\s*(?::\s*error\s*)?:\s*").LastOrDefault();
        return match is not null
            ? $"{match.Groups[1].Value}:{match.Groups[2].Value}: {Reason(message[(match.Index + match.Length)..])}"
            : " " + message;
    }

    /// <summary>Tomlyn's reason for a reader, without its advice to a programmer (TomlSerializerOptions).</summary>
    private static string Reason(string text)
    {
        int advice = text.IndexOf(" Change TomlSerializerOptions", StringComparison.Ordinal);
        return (advice >= 0 ? text[..advice] : text).Replace("␤", "end of line", StringComparison.Ordinal).Trim();
    }

    private static List<(string Section, List<(string Key, object? Value)> Entries)>? ReadYaml(string file, string text, string environment, List<string> environments, out string? error)
    {
        error = null;
        var read = TemplateReader.ReadText(text);
        if (!read.Succeeded || read.Root is not MapNode root)
        {
            var d = read.Diagnostics.FirstOrDefault();
            error = d is null ? $"{file}: not a mapping" : $"{file}:{d.Span.Line}:{d.Span.Column}: {d.Message}";
            return null;
        }

        environments.AddRange(root.Entries.Where(e => e.Value is MapNode).Select(e => e.Key));
        if (root.Get(environment) is not MapNode env)
        {
            return null;
        }

        var result = new List<(string, List<(string, object?)>)>();
        foreach (var section in new[] { "deploy", "global" })
        {
            if ((env.Get(section) as MapNode)?.Get("parameters") is MapNode parameters)
            {
                result.Add((section, parameters.Entries.Select(e => (e.Key, e.Value switch
                {
                    SeqNode seq => (object?)seq.Select(x => x.Str ?? "").ToList(),
                    StringNode s => s.Value,
                    _ => e.Value?.Str is { } str ? str : (object?)e.Value,
                })).ToList()));
            }
        }

        return result;
    }
}

/// <summary>The TOML model without reflection (native AOT): Tomlyn's source generator writes the type info.</summary>
[Tomlyn.Serialization.TomlSerializable(typeof(TomlTable))]
internal sealed partial class SamConfigToml : Tomlyn.Serialization.TomlSerializerContext;
