using System.Text.RegularExpressions;
using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.OpenApi;

/// <summary>
/// What the OpenAPI and Swagger editors share (the reference's open_api/base_editor.py): walking paths and
/// methods through Fn::If branches, finding API Gateway integrations, adding paths and method settings.
/// A method written "any" is API Gateway's x-amazon-apigateway-any-method. Malformed documents raise the
/// reference's "Structure of the SAM template is invalid" errors.
/// </summary>
public abstract partial class BaseEditor
{
    public const string XApigwIntegration = "x-amazon-apigateway-integration";
    public const string ConditionalIf = "Fn::If";
    public const string XAnyMethod = "x-amazon-apigateway-any-method";
    public const string Servers = "servers";

    /// <summary>HTTP methods SAM knows (https://www.w3.org/Protocols/rfc2616/rfc2616-sec9.html).</summary>
    public static readonly string[] AllHttpMethods = ["OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"];

    /// <summary>The document's "paths" map (edited in place; the owner writes it back).</summary>
    public MapNode Paths { get; protected set; } = new();

    /// <summary>
    /// The branches of an Fn::If (skipping AWS::NoValue), or the item itself. Any map holding an Fn::If key
    /// counts, as in the reference.
    /// </summary>
    public static List<Node?> GetConditionalContents(Node? item)
    {
        if (item is MapNode m && m.TryGet(ConditionalIf, out var ifParameters))
        {
            if (ifParameters is not SeqNode args)
            {
                throw Invalid($"Value of {ConditionalIf} must be a list.", ifParameters);
            }

            return args.Items.Skip(1).Where(c => !Intrinsics.IsNoValue(c)).Select(c => (Node?)c).ToList();
        }

        return [item];
    }

    /// <summary>A method definition with a non-empty x-amazon-apigateway-integration.</summary>
    public static bool MethodDefinitionHasIntegration(MapNode methodDefinition) =>
        Py.Truthy(methodDefinition.Get(XApigwIntegration));

    /// <summary>True when any branch of the (possibly conditional) method definition has an integration.</summary>
    public bool MethodHasIntegration(Node? rawMethodDefinition, string path, string method)
    {
        foreach (var definition in GetConditionalContents(rawMethodDefinition))
        {
            var md = ValidateMethodDefinitionIsDict(definition, path, method);
            if (MethodDefinitionHasIntegration(md))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Wraps a whole path item in Fn::If so that it exists only under the condition.</summary>
    public void MakePathConditional(string path, string condition) =>
        Paths.Set(path, N.If(condition, Paths.Get(path)!));

    /// <summary>The paths as they are now (paths added while iterating are not visited).</summary>
    public IEnumerable<string> IterOnPath() => Paths.Keys.ToList();

    /// <summary>Lower case, with "any" spelled as API Gateway's any-method extension.</summary>
    public static string? NormalizeMethodName(string? method)
    {
        if (string.IsNullOrEmpty(method))
        {
            return method;
        }

        var lower = method.ToLowerInvariant();
        return lower == "any" ? XAnyMethod : lower;
    }

    /// <summary>Whether the path (and method, in every Fn::If branch) is in the document.</summary>
    public bool HasPath(string path, string? method = null)
    {
        if (!Paths.ContainsKey(path))
        {
            return false;
        }

        method = NormalizeMethodName(method);
        if (!string.IsNullOrEmpty(method))
        {
            foreach (var pathItem in GetConditionalContents(Paths.Get(path)))
            {
                if (pathItem is not MapNode item || !item.ContainsKey(method))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Whether an integration is already at path/method (in every Fn::If branch).</summary>
    public bool HasIntegration(string path, string method)
    {
        method = NormalizeMethodName(method)!;
        if (!HasPath(path, method))
        {
            return false;
        }

        foreach (var pathItem in GetConditionalContents(Paths.Get(path)))
        {
            var item = ValidatePathItemIsDict(pathItem, path);
            var md = item.Get(method);
            if (md is not MapNode || !MethodHasIntegration(md, path, method))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds path and method (empty definitions) unless present.</summary>
    public void AddPath(string path, string? method = null)
    {
        method = NormalizeMethodName(method);
        if (!Paths.TryGet(path, out var pathDict))
        {
            pathDict = new MapNode();
            Paths.Set(path, pathDict);
        }

        if (pathDict is not MapNode)
        {
            throw Invalid($"Value of '{path}' path must be a dictionary according to Swagger spec.", pathDict);
        }

        foreach (var pathItem in GetConditionalContents(pathDict))
        {
            if (pathItem is MapNode item && method is not null && !item.ContainsKey(method))
            {
                item.Set(method, new MapNode());
            }
        }
    }

    /// <summary>Sets the integration's timeoutInMillis on every definition of path/method that has one.</summary>
    public void AddTimeoutToMethod(string path, string methodName, Node timeout)
    {
        foreach (var md in IterOnMethodDefinitionsForPathAtMethod(path, methodName))
        {
            IntegrationOf(md).Set("timeoutInMillis", timeout);
        }
    }

    /// <summary>The scopes of the named authorizer when it declares some, else an empty list.</summary>
    public static Node GetAuthorizationScopes(IReadOnlyDictionary<string, IHasAuthorizationScopes> authorizers, string defaultAuthorizer)
    {
        if (authorizers.TryGetValue(defaultAuthorizer, out var authorizer) && authorizer.AuthorizationScopes is { } scopes)
        {
            return scopes;
        }

        return new SeqNode();
    }

    /// <summary>
    /// Every method definition at path/method, looking through Fn::If at both levels; by default only those
    /// that have an integration.
    /// </summary>
    public IEnumerable<MapNode> IterOnMethodDefinitionsForPathAtMethod(string pathName, string methodName, bool skipMethodsWithoutApigwIntegration = true)
    {
        var normalized = NormalizeMethodName(methodName)!;
        var result = new List<MapNode>();
        foreach (var pathItem in GetConditionalContents(Paths.Get(pathName)))
        {
            var item = ValidatePathItemIsDict(pathItem, pathName);
            foreach (var definition in GetConditionalContents(item.Get(normalized)))
            {
                var md = ValidateMethodDefinitionIsDict(definition, pathName, methodName);
                if (skipMethodsWithoutApigwIntegration && !MethodDefinitionHasIntegration(md))
                {
                    continue;
                }

                result.Add(md);
            }
        }

        return result;
    }

    public static MapNode ValidateIsDict(Node? obj, string message) =>
        obj as MapNode ?? throw Invalid(message, obj);

    public static MapNode ValidatePathItemIsDict(Node? pathItem, string path) =>
        ValidateIsDict(pathItem, $"Value of '{path}' path must be a dictionary according to Swagger spec.");

    public static MapNode ValidateMethodDefinitionIsDict(Node? methodDefinition, string path, string method) =>
        ValidateIsDict(methodDefinition, $"Definition of method '{method}' for path '{path}' should be a map.");

    /// <summary>Python's re.match against str(data).</summary>
    public static bool SafeCompareRegexWithString(Regex regex, Node? data) =>
        data is not null && regex.Match(Py.Str(data)) is { Success: true, Index: 0 };

    /// <summary>The reference raises InvalidDocumentException([InvalidTemplateException(message)]).</summary>
    public static InvalidDocumentException Invalid(string message, Node? at = null) =>
        new([new InvalidTemplateException(message).Locate(at)]);

    /// <summary>The method's integration map (the caller checked it exists).</summary>
    protected static MapNode IntegrationOf(MapNode methodDefinition) =>
        methodDefinition.Get(XApigwIntegration) as MapNode
        ?? throw Invalid($"Value of '{XApigwIntegration}' must be a dictionary according to Swagger spec.", methodDefinition);

    /// <summary>The OpenAPI 3 version pattern (3.x or 3.x.y).</summary>
    [GeneratedRegex(@"\A3(\.\d)(\.\d)?$")]
    public static partial Regex OpenApiVersion3Regex();
}

/// <summary>An authorizer as the editors see it: only its scopes matter for default security.</summary>
public interface IHasAuthorizationScopes
{
    /// <summary>The authorizer's AuthorizationScopes, null when not set.</summary>
    Node? AuthorizationScopes { get; }
}
