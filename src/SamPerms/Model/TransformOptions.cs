namespace SamPerms.Model;

/// <summary>What the transform needs besides the template: the region (and so the partition) and parameter values.</summary>
public sealed record TransformOptions
{
    public string Region { get; init; } = "us-east-1";

    /// <summary>Explicit partition; when null it follows the region (cn-* → aws-cn, us-gov-* → aws-us-gov).</summary>
    public string? Partition { get; init; }

    public IReadOnlyDictionary<string, string> ParameterOverrides { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Accept local paths where SAM wants S3 locations (a function's CodeUri, a layer's ContentUri, an API's or a
    /// state machine's DefinitionUri), as <c>sam validate</c> does for templates not yet packaged: the path stays in
    /// the output where <c>sam package</c> / <c>aws cloudformation package</c> will put the uploaded location, and a
    /// zip function without code gets ".", the SAM CLI's default, and an image function that `sam build` builds (Metadata
    /// with DockerContext or Dockerfile) the image name it gives. Off, local paths are refused as SAM refuses them.
    /// </summary>
    public bool LocalArtifacts { get; init; }

    /// <summary>
    /// For analysis only: a Serverless Application Repository application (Location with ApplicationId) becomes a
    /// nested stack with a placeholder template URL instead of an error, so the rest of the template is analysed.
    /// Off (the transform command), it is refused as SamPerms cannot ask the repository offline.
    /// </summary>
    public bool OfflinePlaceholders { get; init; }

    /// <summary>
    /// For analysis only: the folder a template's local paths are relative to (its own), so that a state machine's
    /// local DefinitionUri file can be read. Null: local files are not read.
    /// </summary>
    public string? TemplateDirectory { get; init; }

    public string EffectivePartition => Partition ?? Partitions.FromRegion(Region);
}

public static class Partitions
{
    /// <summary>The partition of a region, as the reference maps it.</summary>
    public static string FromRegion(string region)
    {
        var r = region.ToLowerInvariant();
        if (r.StartsWith("cn-", StringComparison.Ordinal)) return "aws-cn";
        if (r.StartsWith("us-iso-", StringComparison.Ordinal)) return "aws-iso";
        if (r.StartsWith("us-isob", StringComparison.Ordinal)) return "aws-iso-b";
        if (r.StartsWith("us-gov", StringComparison.Ordinal)) return "aws-us-gov";
        if (r.StartsWith("eu-isoe", StringComparison.Ordinal)) return "aws-iso-e";
        if (r.StartsWith("us-isof", StringComparison.Ordinal)) return "aws-iso-f";
        if (r.StartsWith("eusc-", StringComparison.Ordinal)) return "aws-eusc";
        return "aws";
    }
}
