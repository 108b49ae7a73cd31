using System.Globalization;
using System.Text;
using SamPerms.Model;
using SamPerms.Model.Py27;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.Rest;

/// <summary>
/// The reference's make_auto_deployable: CloudFormation only redeploys an API for a new Deployment resource, so
/// the Deployment's logical id carries a hash of the definition's Python str() (kept for compatibility), the
/// OpenApiVersion, the custom domain and the names of the functions behind it.
/// </summary>
public static class DeploymentHash
{
    // A builder that grew beyond this (a big definition) is let go, not kept: emptying a builder of several chunks
    // makes one array of its whole capacity, which past 85 KB is a large object (and large objects adding up to a
    // few megabytes set off a full collection of a big template's heap).
    private const int KeptCapacity = 32 * 1024;

    [ThreadStatic]
    private static StringBuilder? _data;

    public static void MakeAutoDeployable(CfnResource deployment, CfnResource stage, Node? openApiVersion, Node? swagger, Node? domain, string? functionNames, bool alwaysDeploy)
    {
        if (!Py.Truthy(swagger))
        {
            return;
        }

        // The reference hashes "||".join of the parts; the text is built in one reused builder and hashed piece by piece.
        var data = _data ?? new StringBuilder();
        _data = null; // a nested use (none today) would get its own builder
        Py27Str.AppendTo(data, swagger);
        if (Py.Truthy(openApiVersion))
        {
            Py27Str.AppendTo(data.Append("||"), openApiVersion);
        }

        if (Py.Truthy(domain))
        {
            data.Append("||").Append(PyJson.Dumps(domain!, sortKeys: false, compact: false));
        }

        if (!string.IsNullOrEmpty(functionNames))
        {
            data.Append("||").Append(functionNames);
        }

        if (alwaysDeploy)
        {
            // Any value that changes every run will do; the reference uses the current time.
            data.Clear().Append(DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        }

        var digest = LogicalIds.Sha1Hex(data);
        if (data.Capacity <= KeptCapacity)
        {
            _data = data.Clear();
        }

        deployment.LogicalId += digest[..LogicalIds.HashLength];
        deployment["Description"] = $"RestApi deployment id: {digest}";
        stage["DeploymentId"] = N.Ref(deployment.LogicalId);
    }
}
