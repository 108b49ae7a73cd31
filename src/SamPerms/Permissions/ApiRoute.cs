namespace SamPerms.Permissions;

/// <summary>Who may call an API route that invokes the function.</summary>
public enum ApiAccess
{
    /// <summary>No authorization, no resource policy, no private endpoint: anyone who can reach the API.</summary>
    Open,

    /// <summary>An authorizer, IAM signing or an API key is required.</summary>
    Authorized,

    /// <summary>No authorization on the route, but a resource policy or a private endpoint limits who reaches it.</summary>
    Restricted,

    /// <summary>The API's definition is not in the template (DefinitionUri, an include) or cannot be read statically.</summary>
    Unknown,
}

/// <summary>
/// A route of a REST or HTTP API through which API Gateway invokes the function (a Lambda permission's SourceArn
/// names the API, the method and the path), and what a caller of that route needs. For a WebSocket API, Method is
/// empty and Path is the route key.
/// </summary>
public sealed record ApiRoute(string Api, string Method, string Path, ApiAccess Access, IReadOnlyList<string> Requires, IReadOnlyList<string> Notes)
{
    public string Route => Path.Length == 0 ? Method : Method.Length == 0 ? Path : $"{Method} {Path}";

    public static string AccessName(ApiAccess access) => access switch
    {
        ApiAccess.Open => "open",
        ApiAccess.Authorized => "authorized",
        ApiAccess.Restricted => "restricted",
        _ => "unknown",
    };

    /// <summary>One line: the route and what calling it takes.</summary>
    public string Describe() => Access switch
    {
        ApiAccess.Open => $"{Api} {Route}: open, no authorization: anyone who can reach the API may call it",
        ApiAccess.Authorized => $"{Api} {Route}: requires {string.Join(" + ", Requires)}" + NotesText(),
        ApiAccess.Restricted => $"{Api} {Route}: no authorization on the route" + NotesText(),
        _ => $"{Api} {Route}: unknown, {string.Join("; ", Notes)}",
    };

    private string NotesText() => Notes.Count == 0 ? "" : "; " + string.Join("; ", Notes);
}
