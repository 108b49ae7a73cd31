using SamPerms.Model;
using SamPerms.Sam;
using SamPerms.Sam.Core;

namespace SamPerms.Pipeline;

/// <summary>
/// The transform as the <c>transform</c> command offers it: the outcome, and whether the template only fails
/// because it is not packaged yet (it transforms when local paths are accepted).
/// </summary>
public sealed record Transformation(TransformOutcome Outcome, bool NotPackaged)
{
    public static Transformation Run(byte[] bytes, TransformOptions options)
    {
        var outcome = SamTranslator.TransformBytes(bytes, options);
        bool notPackaged = !outcome.Succeeded && !options.LocalArtifacts
            && SamTranslator.TransformBytes(bytes, options with { LocalArtifacts = true }).Succeeded;
        return new Transformation(outcome, notPackaged);
    }

    /// <summary>What to tell the user when <see cref="NotPackaged"/>.</summary>
    public static string NotPackagedHint(string path) =>
        $"hint: {path} is not packaged yet (local code paths, or images that sam build builds): SAM transforms the packaged template (`sam package`); pass --local-artifacts to keep the paths and see the rest";
}
