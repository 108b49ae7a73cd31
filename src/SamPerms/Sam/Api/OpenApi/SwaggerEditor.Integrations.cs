using SamPerms.Model;

namespace SamPerms.Sam.Api.OpenApi;

public sealed partial class SwaggerEditor
{
    /// <summary>Adds an aws_proxy Lambda integration at path+method (the reference's add_lambda_integration).</summary>
    public void AddLambdaIntegration(PyName path, PyName method, Node integrationUri, MapNode methodAuth, MapNode apiAuth, string partition, Node? condition = null, Node? invokeMode = null)
    {
        method = NormalizeMethodName(method);
        if (HasIntegration(path, method))
        {
            throw EditorErrors.Document($"Lambda integration already exists on Path={path}, Method={method}", Paths.Get(path));
        }

        AddPath(path, method);
        var uri = condition is not null ? MakeConditional(condition, integrationUri) : integrationUri;
        foreach (var item in ConditionalContents(Paths.Get(path)))
        {
            var pathItem = ValidatePathItemIsDict(item, path);
            var md = ValidateMethodDefinitionIsDict(pathItem.Get(method), path, method);
            var integration = MapNode.NewPy27();
            md.Set(Integration, integration);
            integration.Set("type", "aws_proxy");
            integration.Set("httpMethod", "POST");
            integration.Set("uri", uri);
            if (invokeMode is StringNode { Value: "RESPONSE_STREAM" })
            {
                integration.Set("responseTransferMode", "STREAM");
            }

            if (methodAuth.Get("Authorizer") is StringNode { Value: "AWS_IAM" }
                || (apiAuth.Get("DefaultAuthorizer") is StringNode { Value: "AWS_IAM" } && methodAuth.Count == 0))
            {
                var methodRole = InvokeRoleOf(methodAuth);
                var apiRole = InvokeRoleOf(apiAuth);
                var credentials = InvokeRole(Py.Truthy(methodRole) ? methodRole : apiRole, partition);
                if (Py.Truthy(credentials) && credentials is not StringNode { Value: "NONE" })
                {
                    integration.Set("credentials", credentials!);
                }
            }

            md.SetDefault("responses", MapNode.NewPy27());
            if (condition is not null)
            {
                pathItem.Set(method, MakeConditional(condition, md));
            }
        }
    }

    private static Node? InvokeRoleOf(MapNode auth)
    {
        var role = auth.Get("InvokeRole");
        if (!Py.Truthy(role) && auth.ContainsKey("InvokeRole"))
        {
            return new StringNode("NONE");
        }

        return role;
    }

    /// <summary>CALLER_CREDENTIALS (or nothing) means the caller's own credentials.</summary>
    private static Node? InvokeRole(Node? role, string partition) =>
        Py.Truthy(role) && role is not StringNode { Value: "CALLER_CREDENTIALS" } ? role : new StringNode($"arn:{partition}:iam::*:user/*");

    /// <summary>Adds an aws integration (Step Functions StartExecution) at path+method.</summary>
    public void AddStateMachineIntegration(PyName path, PyName method, Node integrationUri, Node credentials, Node? requestTemplates = null, Node? condition = null)
    {
        method = NormalizeMethodName(method);
        if (HasIntegration(path, method))
        {
            throw EditorErrors.Document($"Integration already exists on Path={path}, Method={method}", Paths.Get(path));
        }

        AddPath(path, method);
        if (condition is not null)
        {
            integrationUri = MakeConditional(condition, integrationUri);
        }

        foreach (var item in ConditionalContents(Paths.Get(path)))
        {
            var pathItem = ValidatePathItemIsDict(item, path);
            var integrationResponses = MapNode.NewPy27();
            integrationResponses.Set("200", MapNode.Py27From(N.Map(("statusCode", "200"))));
            integrationResponses.Set("400", MapNode.Py27From(N.Map(("statusCode", "400"))));
            var defaultResponses = MapNode.NewPy27();
            defaultResponses.Set("200", MapNode.Py27From(N.Map(("description", "OK"))));
            defaultResponses.Set("400", MapNode.Py27From(N.Map(("description", "Bad Request"))));

            var md = ValidateMethodDefinitionIsDict(pathItem.Get(method), path, method);
            var integration = MapNode.NewPy27();
            md.Set(Integration, integration);
            integration.Set("type", "aws");
            integration.Set("httpMethod", "POST");
            integration.Set("uri", integrationUri);
            integration.Set("responses", integrationResponses);
            integration.Set("credentials", credentials);
            md.SetDefault("responses", defaultResponses);
            if (Py.Truthy(requestTemplates))
            {
                integration.Update(N.Map(("requestTemplates", requestTemplates)));
            }

            if (condition is not null)
            {
                pathItem.Set(method, MakeConditional(condition, md));
            }
        }
    }
}
