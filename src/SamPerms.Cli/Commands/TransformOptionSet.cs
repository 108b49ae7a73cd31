using System.CommandLine;
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
            Description = "SAM CLI configuration to take region and parameter_overrides from [default: samconfig.toml, .yaml or .yml in the current directory, when there is one]",
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

    public IEnumerable<Option> All => [Region, Partition, Parameters, LocalArtifacts, ConfigFile, ConfigEnv];

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
    public bool TryResolve(ParseResult parse, IEnumerable<string> parameterItems, CliOutput output, out TransformOptions options)
    {
        options = new TransformOptions();
        var configFile = parse.GetValue(ConfigFile);
        var configEnv = parse.GetValue(ConfigEnv);
        if (configFile is not null && !File.Exists(configFile))
        {
            output.Error($"--config-file {configFile}: no such file");
            return false;
        }

        SamConfigValues? config = null;
        if ((configFile ?? SamConfig.Find(Directory.GetCurrentDirectory())) is { } file)
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
            output.Error($"--config-env {configEnv}: no samconfig.toml, samconfig.yaml or samconfig.yml here; give --config-file");
            return false;
        }

        // The configuration's overrides first, so that the command line's win.
        if (!ParameterOverrides.TryParse([.. config?.ParameterOverrides ?? [], .. parameterItems], out var values, out var error))
        {
            output.Error(config is not null && config.ParameterOverrides.Count > 0 ? $"{error} (overrides of {config.File}, then the command line)" : error!);
            return false;
        }

        options = new TransformOptions
        {
            Region = parse.GetValue(Region) ?? config?.Region ?? CommonOptions.RegionOrDefault(null),
            Partition = parse.GetValue(Partition),
            ParameterOverrides = values,
            LocalArtifacts = parse.GetValue(LocalArtifacts),
        };
        return true;
    }
}
