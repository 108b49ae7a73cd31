using System.Text.RegularExpressions;
using SamPerms.Model;
using SamPerms.Model.Py27;
using SamPerms.Sam.Api.OpenApi;
using SamPerms.Sam.Core;
using SamPerms.Sam.Events;
using SamPerms.Sam.Events.Push;
using SamPerms.Sam.Events.Scheduler;
using SamPerms.Sam.Events.Shared;

namespace SamPerms.Sam.Api.Rest;

public sealed partial class ApiEvent
{
    private static readonly string[] RequestParameterProperties = ["Required", "Caching"];

    /// <summary>Writes this event's integration into the API definition SAM manages (or merges into the user's).</summary>
    private void AddSwaggerIntegration(MapNode api, string apiId, EventContext ectx)
    {
        var ctx = ectx.Transform;
        var body = api.Get("DefinitionBody");
        var merge = Py.Truthy(api.Get("MergeDefinitions"));
        if (body is null or NullNode)
        {
            return;
        }

        if (merge)
        {
            // Build on an empty skeleton so the user's definition does not affect what SAM generates.
            body = SwaggerEditor.GenSkeleton();
        }

        // A merge edits a new skeleton, copied as the reference does; the API's own definition is edited in place.
        var edits = merge ? new DefinitionEdits { InPlace = false } : ctx.State<DefinitionEdits>();
        edits.Run(() => EditSwagger(api, apiId, ectx, body, merge, edits.InPlace));
    }

    private void EditSwagger(MapNode api, string apiId, EventContext ectx, Node body, bool merge, bool inPlace)
    {
        var ctx = ectx.Transform;
        var uri = LambdaIntegrationUri.Build(ectx.Function, ctx.Partition, Prop("ResponseTransferMode"), ctx.State<Py27State>().Active);
        var editor = new SwaggerEditor(body, inPlace);
        if (editor.HasIntegration(Path, Method))
        {
            throw new InvalidEventException(RelativeId, $"API method \"{Method}\" defined multiple times for path \"{Path}\".");
        }

        var condition = ectx.Function.Resource.Attributes.Get("Condition");
        var methodAuth = Py.Truthy(Prop("Auth")) ? Prop("Auth")! : MapNode.NewPy27();
        var methodAuthMap = Expect.That(methodAuth, RelativeId, "Auth", isEvent: true).ToBeMap();
        var apiAuth = Py.Truthy(api.Get("Auth")) ? api.Get("Auth")! : MapNode.NewPy27();
        var apiAuthMap = Expect.That(apiAuth, apiId, "Auth").ToBeMap();
        editor.AddLambdaIntegration(Path, Method, uri, methodAuthMap, apiAuthMap, ctx.Partition, condition, Prop("ResponseTransferMode"));

        var stage = _link!.Stage;
        if (Prop("Auth") is MapNode eventAuth && Py.Truthy(eventAuth))
        {
            ApiEventAuth.AddAuthToSwagger(eventAuth, api, apiId, RelativeId, Method, Path, stage, editor, ctx.Intrinsics);
        }

        if (Py.Truthy(Prop("TimeoutInMillis")))
        {
            editor.AddTimeoutToMethod(Path, Method, Prop("TimeoutInMillis")!);
        }

        if (Py.Truthy(Prop("RequestModel")))
        {
            AddRequestModel(api, editor);
        }

        if (Py.Truthy(Prop("RequestParameters")))
        {
            editor.AddRequestParametersToMethod(Path, Method, ParseRequestParameters());
        }

        // MergeDefinitions copies the API's own definition; the reference fails with a Python error when it is not a map.
        api.Set("DefinitionBody", merge
            ? MergedDefinitions(apiId, Expect.That(api.Get("DefinitionBody"), apiId, "DefinitionBody").ToBeMap(), editor)
            : editor.Document);
    }

    private void AddRequestModel(MapNode api, SwaggerEditor editor)
    {
        var requestModel = Expect.That(Prop("RequestModel"), RelativeId, "RequestModel", isEvent: true).ToBeMap();
        var model = requestModel.Get("Model");
        if (!Py.Truthy(model))
        {
            return;
        }

        var prefix = $"Unable to set RequestModel [{Py27Str.ForMessage(model)}] on API method [{Method}] for path [{Path}] ";
        var apiModels = api.Get("Models");
        if (!Py.Truthy(apiModels))
        {
            throw new InvalidEventException(RelativeId, prefix + "because the related API does not define any Models.");
        }

        if (!Intrinsics.IsIntrinsic(apiModels) && apiModels is not MapNode)
        {
            throw new InvalidEventException(RelativeId, prefix + "because the related API Models defined is of invalid type.");
        }

        if (model is not StringNode modelName)
        {
            throw new InvalidEventException(RelativeId, prefix + "because the related API does not contain valid Models.");
        }

        if (!Py.Truthy(((MapNode)apiModels!).Get(modelName.Value)))
        {
            throw new InvalidEventException(RelativeId, prefix + "because it wasn't defined in the API's Models.");
        }

        editor.AddRequestModelToMethod(Path, Method, requestModel);
        var validateBody = requestModel.Get("ValidateBody");
        var validateParameters = requestModel.Get("ValidateParameters");
        if (validateBody is not null and not NullNode || validateParameters is not null and not NullNode)
        {
            validateBody = validateBody is null or NullNode ? BoolNode.False : validateBody;
            validateParameters = validateParameters is null or NullNode ? BoolNode.False : validateParameters;
            if (validateBody is not BoolNode body || validateParameters is not BoolNode parameters)
            {
                throw new InvalidEventException(RelativeId, $"Unable to set Validator to RequestModel [{Py27Str.ForMessage(model)}] on API method [{Method}] for path [{Path}] ValidateBody and ValidateParameters must be a boolean type, strings or intrinsics are not supported.");
            }

            editor.AddRequestValidatorToMethod(Path, Method, body.Value, parameters.Value);
        }
    }

    private List<(StringNode Name, Node Required, Node Caching)> ParseRequestParameters()
    {
        const string badKey = "Invalid value for 'RequestParameters' property. Keys must be in the format 'method.request.[querystring|path|header].{value}', e.g 'method.request.header.Authorization'.";
        var result = new List<(StringNode, Node, Node)>();
        foreach (var parameter in RequestParameterItems(Prop("RequestParameters")!))
        {
            if (parameter is MapNode m)
            {
                // The reference fails with a Python error on an empty map (no first key) and on a key that was not
                // a string in YAML (re.match on an int); both are refused as keys in the wrong format.
                if (m.Count == 0 || !m.Entries[0].KeyIsString)
                {
                    throw new InvalidEventException(RelativeId, badKey).Locate(m);
                }

                var first = m.Entries[0];
                if (!Regex.IsMatch(first.Key, @"^method\.request\.(querystring|path|header)\."))
                {
                    throw new InvalidEventException(RelativeId, badKey).Locate(m);
                }

                if (first.Value is not MapNode settings || !settings.Keys.All(RequestParameterProperties.Contains))
                {
                    throw new InvalidEventException(RelativeId, "Invalid value for 'RequestParameters' property. Values must be an object, e.g { Required: true, Caching: false }").Locate(first.Value);
                }

                result.Add((new StringNode(first.Key) { Unicode = first.KeyUnicode }, settings.Get("Required") ?? BoolNode.False, settings.Get("Caching") ?? BoolNode.False));
            }
            else if (parameter is StringNode s)
            {
                if (!Regex.IsMatch(s.Value, @"^method\.request\.(querystring|path|header)\."))
                {
                    throw new InvalidEventException(RelativeId, badKey).Locate(s);
                }

                result.Add((s, BoolNode.False, BoolNode.False));
            }
            else
            {
                throw new InvalidEventException(RelativeId, "Invalid value for 'RequestParameters' property. Property must be either a string or an object").Locate(parameter);
            }
        }

        return result;
    }

    /// <summary>
    /// What the reference's for-loop visits: a list's items, or the keys of a map (a one-key map passes the
    /// property check as a would-be intrinsic, and iterating a dict yields its keys). Keys that were not strings
    /// in YAML stand in as non-string values.
    /// </summary>
    private static IEnumerable<Node> RequestParameterItems(Node value)
    {
        if (value is SeqNode list)
        {
            return list.Items;
        }

        if (value is MapNode map)
        {
            return map.Entries.Select(e => e.KeyIsString
                ? (Node)new StringNode(e.Key) { Unicode = e.KeyUnicode, Span = e.KeySpan }
                : new NullNode { Span = e.KeySpan });
        }

        // Other types do not pass the property check (V.List); refuse them as items if they ever get here.
        return [value];
    }

    /// <summary>
    /// MergeDefinitions: the generated path/method merged over the user's (SAM's keys win), in the user's document.
    /// </summary>
    private MapNode MergedDefinitions(string apiId, MapNode source, SwaggerEditor editor)
    {
        var merged = source.ShallowCopy();
        var sourcePaths = Py.Truthy(merged.Get("paths")) ? merged.Get("paths")! : new MapNode();
        var pathMethod = DictPath.Get(sourcePaths, [Path.Value, Method.Value], out var error, out var at);
        if (error is not null)
        {
            throw new InvalidResourceException(apiId, $"Property 'DefinitionBody' is invalid: {error}").Locate(at);
        }

        var pathMethodMap = Expect.That(Py.Truthy(pathMethod) ? pathMethod : new MapNode(), apiId, $"DefinitionBody.paths.{Path}.{Method}").ToBeMap();
        var normalized = OpenApiEditorBase.NormalizeMethodName(Method);
        var generated = (MapNode)((MapNode)((MapNode)editor.Document.Get("paths")!).Get(Path)!).Get(normalized)!;
        var mergedMethod = new MapNode();
        foreach (var e in pathMethodMap.Entries)
        {
            mergedMethod.Set(e.Key, e.Value, e.KeyUnicode);
        }

        foreach (var e in generated.Entries)
        {
            mergedMethod.Set(e.Key, e.Value, e.KeyUnicode);
        }

        var paths = (MapNode)sourcePaths;
        if (!paths.ContainsKey(Path))
        {
            paths.Set(Path.Value, N.Map((Method.Value, mergedMethod)), Path.Unicode);
        }

        ((MapNode)paths.Get(Path)!).Set(Method.Value, mergedMethod, Method.Unicode);
        return merged;
    }
}
