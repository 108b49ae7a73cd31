using System.Text.RegularExpressions;
using SamPerms.Model;

namespace SamPerms.Sam.Core;

/// <summary>CodeUri / ContentUri / DefinitionUri: s3://bucket/key?versionId=v strings or {Bucket, Key, Version} maps.</summary>
public static partial class S3Locations
{
    /// <summary>
    /// The location itself when local artifacts are accepted and it is a local path: a non-empty string that is no
    /// URI (no "://") and no dynamic reference; null otherwise, and the location is read as SAM reads it.
    /// </summary>
    public static StringNode? LocalPath(TransformContext ctx, Node? location) =>
        location is StringNode s && IsLocalPath(s.Value) && LocalArtifactsMet.At(ctx) ? s : null;

    public static bool IsLocalPath(string text) =>
        text.Length > 0 && !text.Contains("://", StringComparison.Ordinal) && !text.Contains("{{resolve:", StringComparison.Ordinal);

    /// <summary>{Bucket, Key[, Version]} from an s3:// URI, or null when the text is not one.</summary>
    public static MapNode? ParseUri(Node? uri)
    {
        if (uri is not StringNode s)
        {
            return null;
        }

        var text = s.Value;
        if (!text.StartsWith("s3://", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = text["s3://".Length..];
        int fragment = rest.IndexOf('#', StringComparison.Ordinal);
        if (fragment >= 0)
        {
            rest = rest[..fragment];
        }

        string query = "";
        int q = rest.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            query = rest[(q + 1)..];
            rest = rest[..q];
        }

        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        if (!IsValidNetloc(bucket))
        {
            return null;
        }

        var path = slash < 0 ? "" : rest[slash..];
        if (bucket.Length == 0 || path.Length == 0)
        {
            return null;
        }

        var pointer = N.Map(("Bucket", bucket), ("Key", path.TrimStart('/')));
        var versions = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2 && p[0] == "versionId" && p[1].Length > 0)
            .Select(p => Uri.UnescapeDataString(p[1].Replace('+', ' ')))
            .ToList();
        if (versions.Count == 1)
        {
            pointer.Set("Version", versions[0]);
        }

        return pointer;
    }

    /// <summary>
    /// {Bucket, Key[, Version]} of a location given as such a map (the map itself) or as an s3:// URI; anything else
    /// is refused with the reference's messages.
    /// </summary>
    public static MapNode Pointer(Node? location, string logicalId, string propertyName)
    {
        if (location is MapNode m)
        {
            if (!Py.Truthy(m.Get("Bucket")) || !Py.Truthy(m.Get("Key")))
            {
                throw new InvalidResourceException(logicalId, $"'{propertyName}' requires Bucket and Key properties to be specified.").Locate(location);
            }

            return m;
        }

        return ParseUri(location)
            ?? throw new InvalidResourceException(logicalId, $"'{propertyName}' is not a valid S3 Uri of the form 's3://bucket/key' with optional versionId query parameter.").Locate(location);
    }

    /// <summary>{Bucket, Key[, Version]} of the location: the shape of an HTTP API's BodyS3Location and a state machine's DefinitionS3Location.</summary>
    public static MapNode ToBucketKeyVersion(Node? location, string logicalId, string propertyName)
    {
        var pointer = Pointer(location, logicalId, propertyName);
        var result = N.Map(("Bucket", pointer.Get("Bucket")), ("Key", pointer.Get("Key")));
        if (pointer.TryGet("Version", out var version))
        {
            result.Set("Version", version);
        }

        return result;
    }

    /// <summary>The reference's construct_s3_location_object: {S3Bucket, S3Key[, S3ObjectVersion]}.</summary>
    public static MapNode ToCodeLocation(Node? location, string logicalId, string propertyName)
    {
        if (location is StringNode s && SsmRegex().Match(s.Value) is { Success: true } match && match.Value.Contains('/', StringComparison.Ordinal))
        {
            throw new InvalidResourceException(logicalId, $"Unsupported dynamic reference detected in '{propertyName}'. Please consider using alternative 'FunctionCode' object format.").Locate(location);
        }

        if (location is not (MapNode or StringNode))
        {
            throw new InvalidResourceException(logicalId, $"'{propertyName}' must be of type dict or string.").Locate(location);
        }

        var pointer = Pointer(location, logicalId, propertyName);
        var code = N.Map(("S3Bucket", pointer.Get("Bucket")), ("S3Key", pointer.Get("Key")));
        if (pointer.TryGet("Version", out var version))
        {
            code.Set("S3ObjectVersion", version);
        }

        code.Span = location.Span;
        return code;
    }

    /// <summary>
    /// Python's urlsplit refuses unbalanced brackets in the host and, since CVE-2024-11168, a bracketed host that
    /// is not an IPv6 (or IPvFuture) address: such a URI is no S3 URI to the reference.
    /// </summary>
    private static bool IsValidNetloc(string netloc)
    {
        bool open = netloc.Contains('['), close = netloc.Contains(']');
        if (open != close)
        {
            return false;
        }

        if (!open)
        {
            return true;
        }

        var host = netloc[(netloc.IndexOf('[') + 1)..netloc.IndexOf(']')];
        return host.StartsWith('v') || (System.Net.IPAddress.TryParse(host, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6);
    }

    [GeneratedRegex(@"{{resolve:(ssm|ssm-secure|secretsmanager):[a-zA-Z0-9_.\-/]+(:\d+)?}}")]
    private static partial Regex SsmRegex();
}
