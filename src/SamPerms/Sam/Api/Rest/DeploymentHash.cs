using System.Globalization;
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
    public static void MakeAutoDeployable(CfnResource deployment, CfnResource stage, Node? openApiVersion, Node? swagger, Node? domain, string? functionNames, bool alwaysDeploy)
    {
        if (!Py.Truthy(swagger))
        {
            return;
        }

        var input = new List<string> { Py27Str.Of(swagger) };
        if (Py.Truthy(openApiVersion))
        {
            input.Add(Py27Str.Of(openApiVersion));
        }

        if (Py.Truthy(domain))
        {
            input.Add(PyJson.Dumps(domain!, sortKeys: false, compact: false));
        }

        if (!string.IsNullOrEmpty(functionNames))
        {
            input.Add(functionNames);
        }

        if (alwaysDeploy)
        {
            // Any value that changes every run will do; the reference uses the current time.
            input = [DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)];
        }

        var data = string.Join("||", input);
        var digest = LogicalIds.Sha1Hex(data);
        deployment.LogicalId += digest[..LogicalIds.HashLength];
        deployment["Description"] = $"RestApi deployment id: {digest}";
        stage["DeploymentId"] = N.Ref(deployment.LogicalId);
    }
}
