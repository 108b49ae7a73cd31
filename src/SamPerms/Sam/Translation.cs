using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam;

/// <summary>
/// The CloudFormation template SAM would produce, with the origin of every generated resource; or, when SAM
/// rejects the template, its full error message and each cause.
/// </summary>
internal sealed class Translation
{
    private Translation(MapNode? template, IReadOnlyDictionary<string, Origin> origins, InvalidDocumentException? error)
    {
        Template = template;
        Origins = origins;
        Error = error;
    }

    public MapNode? Template { get; }

    /// <summary>Logical id of each output resource → where it came from.</summary>
    public IReadOnlyDictionary<string, Origin> Origins { get; }

    public InvalidDocumentException? Error { get; }

    public bool Succeeded => Error is null;

    /// <summary>The reference's full error message ("Invalid Serverless Application Specification document. ...").</summary>
    public string? ErrorMessage => Error?.FullMessage;

    public static Translation Success(MapNode template, IReadOnlyDictionary<string, Origin> origins) => new(template, origins, null);

    public static Translation Failure(InvalidDocumentException error) => new(null, new Dictionary<string, Origin>(), error);
}
