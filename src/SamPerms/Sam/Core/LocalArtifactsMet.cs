namespace SamPerms.Sam.Core;

/// <summary>
/// Whether a transform met a place where <see cref="Model.TransformOptions.LocalArtifacts"/> would have read the
/// template differently (a local CodeUri, ContentUri or DefinitionUri, a function with no code location, an image
/// that `sam build` builds). Only such a place makes a template that failed succeed with local artifacts: one that
/// met none is not tried again to find out whether it is merely not packaged yet.
/// </summary>
public sealed class LocalArtifactsMet
{
    public bool Any { get; private set; }

    /// <summary>Notes a place; true when local artifacts are accepted, so that the caller takes the local reading.</summary>
    public static bool At(TransformContext ctx)
    {
        ctx.State<LocalArtifactsMet>().Any = true;
        return ctx.Options.LocalArtifacts;
    }
}
