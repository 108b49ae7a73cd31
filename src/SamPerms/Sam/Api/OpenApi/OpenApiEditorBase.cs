using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.OpenApi;

/// <summary>
/// What the Swagger (REST) and OpenAPI (HTTP) editors share (the reference's BaseEditor): reading paths and
/// methods through Fn::If conditionals, adding a path/method, checking for an existing integration. Editors work
/// on a deep copy of the document, exactly when the reference copies, because copying reorders Python 2.7 dicts.
/// </summary>
public abstract class OpenApiEditorBase
{
    public const string Integration = "x-amazon-apigateway-integration";
    public const string AnyMethod = ApiGatewayKeys.AnyMethod;
    public const string ConditionalIf = "Fn::If";
    public const string Servers = "servers";
    public static readonly string[] AllHttpMethods = ["OPTIONS", "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"];

    private bool _inPlace;
    private bool _readOnly;
    private bool _handedBack;

    protected MapNode Doc { get; set; } = null!; // set by each editor's constructor

    /// <summary>
    /// The document to edit: a deep copy, as the reference's editor makes; or, in place (<see cref="DefinitionEdits"/>),
    /// the document itself with the copy deferred. An in-place editor's caller writes <see cref="Document"/> back
    /// where the document was and uses the editor no more.
    /// </summary>
    /// <param name="readOnly">
    /// Only look keys up in the document itself, without the reference's copy: the copy's effect (the order of
    /// Python 2.7 maps) cannot matter to lookups by key, and the document is not changed.
    /// </param>
    protected MapNode Take(Node doc, bool inPlace, bool readOnly = false)
    {
        _inPlace = inPlace;
        _readOnly = readOnly;
        if (readOnly)
        {
            return (MapNode)doc;
        }

        if (!inPlace)
        {
            return (MapNode)doc.Clone();
        }

        doc.DeferDeepCopies(1);
        return (MapNode)doc;
    }

    /// <summary>The edited document handed back: a deep copy, or in place the document itself with the copy deferred.</summary>
    protected MapNode HandBack()
    {
        if (_readOnly)
        {
            throw new InvalidOperationException("An editor that only reads hands no document back.");
        }

        if (!_inPlace)
        {
            return (MapNode)Doc.Clone();
        }

        if (_handedBack)
        {
            throw new InvalidOperationException("An in-place editor hands its document back once.");
        }

        _handedBack = true;
        Doc.DeferDeepCopies(1);
        return Doc;
    }

    /// <summary>The document's paths map.</summary>
    public MapNode Paths { get; protected set; } = null!; // set by each editor's constructor

    /// <summary>A copy of the edited document with the edits written back (the reference's .swagger / .openapi).</summary>
    public abstract MapNode Document { get; }

    /// <summary>The then/else contents of an Fn::If (without AWS::NoValue), or the item itself.</summary>
    public static List<Node?> ConditionalContents(Node? item)
    {
        if (item is MapNode m && m.TryGet(ConditionalIf, out var ifArgs))
        {
            if (ifArgs is not SeqNode list)
            {
                throw EditorErrors.Document($"Value of {ConditionalIf} must be a list.", ifArgs);
            }

            return list.Items.Skip(1).Where(c => !Intrinsics.IsNoValue(c)).Select(c => (Node?)c).ToList();
        }

        return [item];
    }

    public static bool MethodDefinitionHasIntegration(MapNode methodDefinition) => Py.Truthy(methodDefinition.Get(Integration));

    public bool MethodHasIntegration(Node? rawMethodDefinition, string path, string method)
    {
        foreach (var md in ConditionalContents(rawMethodDefinition))
        {
            var def = ValidateMethodDefinitionIsDict(md, path, method);
            if (MethodDefinitionHasIntegration(def))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Wraps the whole path item in Fn::If on the condition.</summary>
    public void MakePathConditional(string path, Node condition)
    {
        Paths.Set(path, MakeConditional(condition, Paths.Get(path)!));
    }

    public static MapNode MakeConditional(Node condition, Node whenTrue, Node? whenFalse = null) =>
        N.Map((ConditionalIf, N.Seq(condition, whenTrue, whenFalse ?? N.NoValue())));

    /// <summary>The paths present now (paths added while iterating are not visited).</summary>
    public IEnumerable<PyName> IterOnPath()
    {
        foreach (var e in Paths.Entries.ToArray())
        {
            yield return new PyName(e.Key, e.KeyUnicode);
        }
    }

    /// <summary>Lower-cases a method name; "any" becomes API Gateway's any-method key.</summary>
    public static PyName NormalizeMethodName(PyName method)
    {
        if (method.Value.Length == 0)
        {
            return method;
        }

        var lower = method.Lower();
        return lower.Value == "any" ? PyName.Plain(AnyMethod) : lower;
    }

    public bool HasPath(string path, PyName? method = null)
    {
        if (!Paths.ContainsKey(path))
        {
            return false;
        }

        if (method is { } m && m.Value.Length > 0)
        {
            var normalized = NormalizeMethodName(m);
            foreach (var item in ConditionalContents(Paths.Get(path)))
            {
                if (item is not MapNode pi || !pi.ContainsKey(normalized))
                {
                    return false;
                }
            }
        }

        return true;
    }

    public bool HasIntegration(string path, PyName method)
    {
        var normalized = NormalizeMethodName(method);
        if (!HasPath(path, normalized))
        {
            return false;
        }

        foreach (var item in ConditionalContents(Paths.Get(path)))
        {
            var pathItem = ValidatePathItemIsDict(item, path);
            var md = pathItem.Get(normalized);
            if (!(md is MapNode && MethodHasIntegration(md, path, normalized)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds the path and method if missing (as empty Python 2.7 dicts).</summary>
    public void AddPath(PyName path, PyName method)
    {
        var normalized = NormalizeMethodName(method);
        bool allPlain = KnownAllPlain(Paths);
        // setdefault, with the empty dict made only when the key is missing (an event's path is mostly there already)
        var pathDict = Paths.TryGet(path.Value, out var existing) ? existing : Paths.SetDefault(path.Value, MapNode.NewPy27(), path.Unicode);
        if (pathDict is not MapNode)
        {
            throw EditorErrors.Document($"Value of '{path}' path must be a dictionary according to Swagger spec.", pathDict);
        }

        foreach (var item in ConditionalContents(pathDict))
        {
            if (item is MapNode pi && !pi.ContainsKey(normalized.Value))
            {
                pi.SetDefault(normalized.Value, MapNode.NewPy27(), normalized.Unicode);
            }
        }

        // A plain path item added to paths that were all plain leaves them so: the next editor need not look at every
        // path again (one look per event at all of an API's paths made many events cost their square).
        if (allPlain && pathDict is MapNode added && !added.ContainsKey(ConditionalIf))
        {
            NoteAllPlain(Paths);
        }
    }

    // Paths maps whose every value was a plain map (no Fn::If), and when: the map's Version and the thread's count of
    // Fn::If keys added to any map (a path item can become conditional in place). See SwaggerEditor's constructor.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<MapNode, System.Runtime.CompilerServices.StrongBox<(int, int)>> AllPlain = new();

    /// <summary>Every value of <paramref name="paths"/> is known to be a plain map (no Fn::If), as it stands now.</summary>
    protected static bool KnownAllPlain(MapNode paths) =>
        AllPlain.TryGetValue(paths, out var at) && at.Value == (paths.Version, MapNode.ConditionalKeysAdded);

    /// <summary>Records that every value of <paramref name="paths"/> is a plain map now.</summary>
    protected static void NoteAllPlain(MapNode paths)
    {
        var now = (paths.Version, MapNode.ConditionalKeysAdded);
        if (AllPlain.TryGetValue(paths, out var at))
        {
            at.Value = now;
        }
        else
        {
            AllPlain.AddOrUpdate(paths, new System.Runtime.CompilerServices.StrongBox<(int, int)>(now));
        }
    }

    public void AddTimeoutToMethod(PyName path, PyName method, Node timeout)
    {
        foreach (var md in IterOnMethodDefinitionsForPathAtMethod(path, method))
        {
            (md.Get(Integration) as MapNode)?.Set("timeoutInMillis", timeout);
        }
    }

    /// <summary>The method definitions at path+method, through conditionals, by default only those with an integration.</summary>
    public IEnumerable<MapNode> IterOnMethodDefinitionsForPathAtMethod(string path, PyName method, bool skipWithoutIntegration = true)
    {
        var normalized = NormalizeMethodName(method);
        foreach (var item in ConditionalContents(Paths.Get(path)))
        {
            var pathItem = ValidatePathItemIsDict(item, path);
            foreach (var md in ConditionalContents(pathItem.Get(normalized)))
            {
                var def = ValidateMethodDefinitionIsDict(md, path, method);
                if (skipWithoutIntegration && !MethodDefinitionHasIntegration(def))
                {
                    continue;
                }

                yield return def;
            }
        }
    }

    public static MapNode ValidateIsDict(Node? node, string message) =>
        node as MapNode ?? throw EditorErrors.Document(message, node);

    public static MapNode ValidatePathItemIsDict(Node? pathItem, string path) =>
        ValidateIsDict(pathItem, $"Value of '{path}' path must be a dictionary according to Swagger spec.");

    public static MapNode ValidateMethodDefinitionIsDict(Node? methodDefinition, string path, string method) =>
        ValidateIsDict(methodDefinition, $"Definition of method '{method}' for path '{path}' should be a map.");

    /// <summary>re.match(regex, str(data)).</summary>
    public static bool SafeCompareRegexWithString(string regex, Node? data) =>
        System.Text.RegularExpressions.Regex.IsMatch(Py.Str(data), regex.StartsWith(@"\A", StringComparison.Ordinal) ? regex : "^(?:" + regex + ")");

    public const string OpenApiVersion3Regex = @"\A3(\.\d)(\.\d)?$";

    /// <summary>The authorization scopes of the named authorizer, or an empty list.</summary>
    protected static Node AuthorizationScopes(IReadOnlyDictionary<string, IAuthorizerScopes> authorizers, string name) =>
        authorizers.TryGetValue(name, out var a) && a.AuthorizationScopes is { } scopes ? scopes : new SeqNode();
}

/// <summary>What editors need from an authorizer to fill a security requirement.</summary>
public interface IAuthorizerScopes
{
    Node? AuthorizationScopes { get; }
}
