using System.CommandLine;
using SamPerms.Pipeline;
using SamPerms.Model;

namespace SamPerms.Cli.Commands;

/// <summary>
/// The options every command that transforms templates shares — region, partition, parameter overrides, local
/// artifacts and the SAM CLI configuration — and how they become <see cref="TransformOptions"/>: the command line
/// first, then samconfig (the environment's deploy, then global parameters), then the environment variables.
/// </summary>
public sealed class TransformOptionSet
{
    public TransformOptionSet(bool localArtifactsByDefault)
    {
        Region = CommonOptions.Region();
        Partition = CommonOptions.Partition();
        Parameters = CommonOptions.ParameterOverrides();
        LocalArtifacts = CommonOptions.LocalArtifacts(localArtifactsByDefault);
        ConfigFile = new Option<string?>("--config-file")
        {
            Description = "SAM CLI configuration to take region, stack_name and parameter_overrides from [default: samconfig.toml, .yaml or .yml beside the template, else in the current directory]",
        };
        Config = new Option<string?>("--config")
        {
            Description = "SamPerms project file [default: .samperms.yaml beside the template, else in a parent folder up to the repository root]",
        };
        ConfigEnv = new Option<string?>("--config-env")
        {
            Description = "Environment of the configuration file [default: default]",
        };
    }

    public Option<string?> Region { get; }

    public Option<string?> Partition { get; }

    public Option<string[]> Parameters { get; }

    public Option<bool> LocalArtifacts { get; }

    public Option<string?> ConfigFile { get; }

    public Option<string?> ConfigEnv { get; }

    public Option<string?> Config { get; }

    public IEnumerable<Option> All => [Region, Partition, Parameters, LocalArtifacts, ConfigFile, ConfigEnv, Config];

    /// <summary>What the settings of the last resolved template came from (the project file included).</summary>
    public ProjectConfig Project { get; private set; } = ProjectConfig.None;

    /// <summary>The settings line of the last resolved template: configuration, environment, region, partition.</summary>
    public SettingsUsed? Used { get; private set; }

    private readonly ProjectConfigLoader _projects = new();
    private readonly HashSet<string> _said = new(StringComparer.Ordinal);

    // A batch's templates mostly share folders: each folder's configuration files are looked up and read once.
    private readonly Dictionary<string, (TransformOptions Options, ProjectConfig Project, SettingsUsed Used)> _byFolder = new(StringComparer.Ordinal);
    private (ParseResult Parse, IReadOnlyList<string> Items)? _cachedFor;
    private string? _cwd;

    /// <summary>A configuration file as the user would name it: relative to the current directory when inside it.</summary>
    private static string? Display(string? file)
    {
        if (file is null)
        {
            return null;
        }

        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.GetFullPath(file));
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? file : relative.Replace('\\', '/');
    }

    /// <summary>The project file a template sees (or --config's); null (errors written) when it is invalid.</summary>
    public ProjectConfig? ProjectFor(ParseResult parse, string template, CliOutput output) => _projects.For(parse.GetValue(Config), template, output);

    /// <summary>Adds every option of the set to the command.</summary>
    public Command AddTo(Command command)
    {
        foreach (var option in All)
        {
            command.Options.Add(option);
        }

        return command;
    }

    /// <summary>
    /// The transform options from the parsed command line, the parameter items it gave (Key=Value), and the SAM
    /// CLI configuration; false (and a message written) on a bad value or an unreadable configuration.
    /// </summary>
    public bool TryResolve(ParseResult parse, IEnumerable<string> parameterItems, CliOutput output, out TransformOptions options, string? template = null)
    {
        var items = parameterItems as IReadOnlyList<string> ?? parameterItems.ToList();
        if (_cachedFor is not { } key || !ReferenceEquals(key.Parse, parse) || !key.Items.SequenceEqual(items, StringComparer.Ordinal))
        {
            _byFolder.Clear();
            _cachedFor = (parse, items);
            _cwd = Directory.GetCurrentDirectory(); // once per command line: Path.GetFullPath(p) asks the system each time
        }

        // The settings depend on the command line and the template's folder only (the current directory is fixed for a run).
        var folderKey = template is null or Inputs.TemplateInputs.Stdin ? "" : Path.GetDirectoryName(Path.GetFullPath(template, _cwd!))!;
        if (_byFolder.TryGetValue(folderKey, out var known))
        {
            (options, Project, Used) = known;
            return true;
        }

        if (!Resolve(parse, items, output, out options, template))
        {
            return false;
        }

        _byFolder[folderKey] = (options, Project, Used!);
        return true;
    }

    private bool Resolve(ParseResult parse, IReadOnlyList<string> parameterItems, CliOutput output, out TransformOptions options, string? template)
    {
        options = new TransformOptions();
        var configFile = parse.GetValue(ConfigFile);
        var configEnv = parse.GetValue(ConfigEnv);
        if (configFile is not null && !File.Exists(configFile))
        {
            output.Error(Directory.Exists(configFile) ? $"--config-file {configFile} is a directory; give the samconfig file" : $"--config-file {configFile}: no such file");
            return false;
        }

        if (_projects.For(parse.GetValue(Config), template, output) is not { } project)
        {
            return false;
        }

        Project = project;

        // samconfig as sam finds it: beside the template (the project root), else the current directory.
        var templateFolder = template is null or Inputs.TemplateInputs.Stdin ? null : Path.GetDirectoryName(Path.GetFullPath(template));
        SamConfigValues? config = null;
        if ((configFile ?? (templateFolder is null ? null : SamConfig.Find(templateFolder)) ?? SamConfig.Find(Directory.GetCurrentDirectory())) is { } file)
        {
            // The default environment need not exist; one asked for by name must.
            if (!SamConfig.TryLoad(file, configEnv ?? SamConfig.DefaultEnvironment, environmentRequired: configEnv is not null, out config, out var configError))
            {
                output.Error(configError!);
                return false;
            }
        }
        else if (configEnv is not null)
        {
            output.Error($"--config-env {configEnv}: no samconfig.toml, samconfig.yaml or samconfig.yml beside the template or here; give --config-file");
            return false;
        }

        // stack_name is AWS::StackName; then the configuration's overrides, then the command line's (the last wins).
        var fromConfig = new List<string>();
        if (config?.StackName is { } stack)
        {
            fromConfig.Add($"AWS::StackName={stack}");
        }

        fromConfig.AddRange(config?.ParameterOverrides ?? []);
        if (!ParameterOverrides.TryParse([.. fromConfig, .. parameterItems], out var values, out var error))
        {
            output.Error(config is not null && config.ParameterOverrides.Count > 0 ? $"{error} (overrides of {config.File}, then the command line)" : error!);
            return false;
        }

        var (region, regionFrom) = parse.GetValue(Region) is { } r ? (r, "--region")
            : config?.Region is { } cr ? (cr, Path.GetFileName(config.File))
            : project.Region is { } pr ? (pr, Path.GetFileName(project.File!))
            : Environment.GetEnvironmentVariable("AWS_REGION") is { Length: > 0 } er ? (er, "$AWS_REGION")
            : Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") is { Length: > 0 } edr ? (edr, "$AWS_DEFAULT_REGION")
            : ("us-east-1", "default");
        options = new TransformOptions
        {
            Region = region,
            Partition = parse.GetValue(Partition),
            ParameterOverrides = values,
            LocalArtifacts = parse.GetValue(LocalArtifacts),
        };
        Used = new SettingsUsed(Display(config?.File), config is null ? null : config.Environment, Display(project.File), options.Region, regionFrom, options.EffectivePartition);
        // Said when a configuration file decided something (nothing to say otherwise: the command line did).
        if ((Used.SamConfig is not null || Used.ProjectFile is not null) && _said.Add(Used.Line))
        {
            output.Err.WriteLine(Used.Line);
        }

        return true;
    }
}

/// <summary>
/// Which configuration a command used: the samconfig file and environment, the project file, and the region (and
/// where it came from) and partition. Said once on stderr when a configuration file was used, and as <c>settings</c>
/// in every JSON output.
/// </summary>
public sealed record SettingsUsed(string? SamConfig, string? Environment, string? ProjectFile, string Region, string RegionFrom, string Partition)
{
    public string Line =>
        "samperms: using " + (SamConfig is null ? "no samconfig" : $"{SamConfig} (environment {Environment})")
        + (ProjectFile is null ? "" : $", {ProjectFile}")
        + $", region {Region} ({RegionFrom}), partition {Partition}";

    public Model.MapNode ToNode() => Model.N.Map(
        ("samconfig", OrNull(SamConfig)),
        ("environment", OrNull(Environment)),
        ("projectFile", OrNull(ProjectFile)),
        ("region", Region),
        ("partition", Partition));

    private static Model.Node OrNull(string? s) => s is null ? Model.NullNode.Instance : s;
}
