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
    private const int KeptCapacity = 1 << 20; // a builder that grew beyond this (a huge definition) is not kept

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
