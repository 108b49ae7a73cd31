using SamPerms.Model;

namespace SamPerms.Sam.Core;

/// <summary>
/// Everything a SAM resource's expansion may read or update: the region and partition, parameter and mapping
/// resolvers, the SAM template (as the plugins left it) and the output template being built, and shared state
/// that several resources contribute to (kept by type in <see cref="State{T}"/>, so that a new feature adds its
/// own state class instead of a field here).
/// </summary>
public sealed class TransformContext
{
    private readonly Dictionary<Type, object> _state = [];

    public TransformContext(TransformOptions options, MapNode samTemplate, MapNode parameterValues)
    {
        Options = options;
        Region = options.Region;
        Partition = options.EffectivePartition;
        SamTemplate = samTemplate;
        ParameterValues = parameterValues;
        Intrinsics = IntrinsicsResolver.ForParameters(parameterValues);
        Template = samTemplate;
        Mappings = IntrinsicsResolver.ForMappings(new MapNode());
    }

    public TransformOptions Options { get; }

    public string Region { get; }

    public string Partition { get; }

    /// <summary>The input template after the plugins ran (the reference's sam_template); API events edit it.</summary>
    public MapNode SamTemplate { get; }

    /// <summary>The output template being built (the reference's deep copy, "template").</summary>
    public MapNode Template { get; internal set; }

    /// <summary>Parameter values: overrides, then defaults, then AWS::Region and AWS::Partition.</summary>
    public MapNode ParameterValues { get; }

    public IntrinsicsResolver Intrinsics { get; }

    public IntrinsicsResolver Mappings { get; internal set; }

    /// <summary>The SAM template's Resources (as SAM resources see each other).</summary>
    public MapNode SamResources => SamTemplate.Get("Resources") as MapNode ?? new MapNode();

    /// <summary>The output template's Resources, updated as each SAM resource is expanded.</summary>
    public MapNode OutputResources => Template.Get("Resources") as MapNode ?? new MapNode();

    /// <summary>The output template's Conditions (null when it has none), as the reference passes them.</summary>
    public MapNode? Conditions => Template.Get("Conditions") as MapNode;

    /// <summary>Shared state of one kind, created on first use, living for one template's transform.</summary>
    public T State<T>() where T : class, new()
    {
        if (!_state.TryGetValue(typeof(T), out var s))
        {
            s = new T();
            _state[typeof(T)] = s;
        }

        return (T)s;
    }

    /// <summary>Sets the shared state of one kind (before the transform starts, e.g. how it is to be run).</summary>
    public void Use<T>(T state) where T : class => _state[typeof(T)] = state;

    /// <summary>Shared state of one kind if some resource created it.</summary>
    public T? StateIfAny<T>() where T : class => _state.TryGetValue(typeof(T), out var s) ? (T)s : null;

    /// <summary>"arn:${AWS::Partition}"-free ARN of an AWS managed policy in this partition.</summary>
    public string ManagedPolicyArn(string name) => $"arn:{Partition}:iam::aws:policy/{name}";
}
