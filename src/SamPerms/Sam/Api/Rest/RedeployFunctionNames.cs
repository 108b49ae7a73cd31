using SamPerms.Model;
using SamPerms.Model.Py27;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.Rest;

/// <summary>
/// The reference's _get_function_names: the FunctionName of every function whose Api event names this API,
/// joined, so that renaming a function redeploys the API.
/// </summary>
/// <remarks>
/// Functions are transformed before APIs, so the names of every API are gathered in one pass over the functions,
/// when the first API asks (a pass per API made a template of many APIs quadratic), and again only if the
/// template's resources change.
/// </remarks>
public static class RedeployFunctionNames
{
    public static string? For(TransformContext ctx, string apiLogicalId)
    {
        if (!ctx.State<NamesByApi>().Of(ctx).TryGetValue(apiLogicalId, out var functions))
        {
            return null;
        }

        // Each name resolved when its API asks, as the reference resolves it.
        var names = new List<string>();
        foreach (var props in functions)
        {
            var raw = props.Get("FunctionName");
            var resolved = raw is null ? null : ctx.Intrinsics.ResolveParameterRefs(raw.Clone());
            if (Py.Truthy(resolved))
            {
                names.Add(Py27Str.Of(resolved));
            }
        }

        return names.Count == 0 ? null : string.Join("", names);
    }

    /// <summary>
    /// For one transform, each API's functions (their Properties), in the order of the functions and their Api events.
    /// </summary>
    private sealed class NamesByApi
    {
        private Dictionary<string, List<MapNode>>? _byApi;
        private MapNode? _resources;
        private int _version;

        public Dictionary<string, List<MapNode>> Of(TransformContext ctx)
        {
            var resources = ctx.SamResources;
            if (_byApi is null || !ReferenceEquals(resources, _resources) || resources.Version != _version)
            {
                (_byApi, _resources, _version) = (Gather(resources), resources, resources.Version);
            }

            return _byApi;
        }

        private static Dictionary<string, List<MapNode>> Gather(MapNode resources)
        {
            var byApi = new Dictionary<string, List<MapNode>>(StringComparer.Ordinal);
            foreach (var resource in resources.Values)
            {
                if (resource is not MapNode r || (r.Get("Type")?.Str ?? "").Trim() != "AWS::Serverless::Function")
                {
                    continue;
                }

                var props = r.Get("Properties") as MapNode;
                if (props?.Get("Events") is not MapNode events || events.Count == 0)
                {
                    continue;
                }

                foreach (var ev in events.Values)
                {
                    if (ev is not MapNode e || e.Get("Type")?.Str != "Api")
                    {
                        continue;
                    }

                    var eventProps = e.Get("Properties") as MapNode;
                    var restApi = eventProps?.Get("RestApiId");
                    if (!Py.Truthy(restApi) || RestApiLink.RestApiIdString(restApi) is not StringNode apiName)
                    {
                        continue;
                    }

                    if (!byApi.TryGetValue(apiName.Value, out var functions))
                    {
                        byApi[apiName.Value] = functions = [];
                    }

                    functions.Add(props);
                }
            }

            return byApi;
        }
    }
}
