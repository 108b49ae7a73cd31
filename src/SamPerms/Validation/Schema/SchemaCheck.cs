using SamPerms.Model;

namespace SamPerms.Validation.Schema;

/// <summary>
/// The schema's verdict on a template's SAM resources, started on another core as soon as the template is read so
/// that it runs while the template is transformed. The verdict is a function of the JSON text the schema is handed
/// (<see cref="SamResourceSchema.JsonOf"/>), taken on the calling thread before anything else reads the template:
/// the other thread touches no template node. It is used when the template the rules read (after the language
/// extensions) gives the same text, and evaluated again otherwise.
/// </summary>
public sealed class SchemaCheck
{
    // Below this much JSON the evaluation costs less than handing it to another thread.
    private const int BackgroundFrom = 64 * 1024;

    private readonly string _json;
    private readonly Task<List<SchemaViolation>> _running;

    private SchemaCheck(string json)
    {
        _json = json;
        _running = Task.Run(() => SamResourceSchema.EvaluateJson(json));
    }

    /// <summary>Starts checking the template as read; null when there is no second core or too little to check to gain from one.</summary>
    public static SchemaCheck? Start(Node? root)
    {
        if (Environment.ProcessorCount < 2 || (root as MapNode)?.Get("Resources") is not MapNode resources)
        {
            return null;
        }

        return SamResourceSchema.JsonOf(resources) is { Length: >= BackgroundFrom } json ? new SchemaCheck(json) : null;
    }

    /// <summary>The schema errors of <paramref name="resources"/>: the started check's when it was handed the same text.</summary>
    public List<SchemaViolation> ViolationsOf(MapNode resources)
    {
        var json = SamResourceSchema.JsonOf(resources);
        return string.Equals(json, _json, StringComparison.Ordinal) ? _running.GetAwaiter().GetResult() : SamResourceSchema.EvaluateJson(json);
    }
}
