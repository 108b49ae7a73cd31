using SamPerms.Model;
using SamPerms.Model.Py27;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.Api.Rest;

/// <summary>
/// The reference's _get_function_names: the FunctionName of every function whose Api event names this API,
/// joined, so that renaming a function redeploys the API.
/// </summary>
public static class RedeployFunctionNames
{
    public static string? For(TransformContext ctx, string apiLogicalId)
    {
        var names = new List<string>();
        foreach (var resource in ctx.SamResources.Values)
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
                if (!Py.Truthy(restApi) || RestApiLink.RestApiIdString(restApi) is not StringNode apiName || apiName.Value != apiLogicalId)
                {
                    continue;
                }

                var raw = props.Get("FunctionName");
                var resolved = raw is null ? null : ctx.Intrinsics.ResolveParameterRefs(raw.Clone());
                if (!Py.Truthy(resolved))
                {
                    continue;
                }

                names.Add(Py27Str.Of(resolved));
            }
        }

        return names.Count == 0 ? null : string.Join("", names);
    }
}
