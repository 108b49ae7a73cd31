namespace SamPerms.Pipeline;

/// <summary>
/// A project's settings for SamPerms (<c>.samperms.yaml</c>, schemas/samperms-config.schema.json): codes ignored
/// everywhere, the level <c>validate</c> fails at and the level it shows, a default region, and the intent file of
/// each template. The command line wins over every one of them.
/// </summary>
public sealed record ProjectConfig
{
    public static readonly ProjectConfig None = new();

    /// <summary>The file the settings come from; null when there is none.</summary>
    public string? File { get; init; }

    public IReadOnlyList<string> Ignore { get; init; } = [];

    /// <summary>validate's exit threshold: error, warning, info or none.</summary>
    public string? FailOn { get; init; }

    /// <summary>The lowest severity validate shows: error, warning or info.</summary>
    public string? Show { get; init; }

    public string? Region { get; init; }

    /// <summary>Intent files by template, both as full paths.</summary>
    public IReadOnlyDictionary<string, string> Intents { get; init; } = new Dictionary<string, string>();

    /// <summary>The intent file the project names for a template, or null.</summary>
    public string? IntentFor(string template) =>
        Intents.TryGetValue(Path.GetFullPath(template), out var intent) ? intent : null;
}
