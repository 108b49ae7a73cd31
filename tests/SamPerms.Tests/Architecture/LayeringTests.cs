using System.Reflection;
using SamPerms.Tests.Support;

namespace SamPerms.Tests.Architecture;

/// <summary>
/// The engine is layered one way: a folder may use the folders below it, never one above. The references are
/// read from the compiled assemblies (every type a type's signatures, attributes, locals and IL name), not from
/// <c>using</c> lines, so a fully qualified name or a global using cannot slip a back edge past this test.
/// </summary>
public class LayeringTests
{
    /// <summary>The layers, lowest first; a layer may reference its own and every lower rank.</summary>
    public static readonly IReadOnlyList<string[]> Layers =
    [
        ["Text"],
        ["Model"],
        ["Diagnostics"],
        ["Yaml"],
        ["Data"],
        ["Iam", "Sam"],
        ["Permissions"],
        ["Validation"],
        ["Output"],
        ["Pipeline"],
        ["Cli"],
    ];

    private static readonly Assembly Engine = typeof(SamPerms.Model.Node).Assembly;
    private static readonly Assembly Cli = typeof(SamPerms.Cli.ExitCodes).Assembly;

    /// <summary>The layer of a type: the first folder under <c>SamPerms</c> its namespace names.</summary>
    public static string? LayerOf(Type t) => LayerOfNamespace(t.Namespace ?? "");

    public static int RankOf(string layer)
    {
        for (int i = 0; i < Layers.Count; i++)
        {
            if (Layers[i].Contains(layer))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Ours(Type t) => t.Assembly == Engine || t.Assembly == Cli;

    public static IReadOnlyList<string> BackEdges(IEnumerable<(Type From, Type To)> references)
    {
        return references
            .Select(r => (r.From, r.To, FromLayer: LayerOf(r.From), ToLayer: LayerOf(r.To)))
            .Where(r => r.FromLayer is not null && r.ToLayer is not null && r.FromLayer != r.ToLayer)
            .Where(r => RankOf(r.ToLayer!) >= RankOf(r.FromLayer!))
            .Select(r => $"{r.FromLayer} -> {r.ToLayer}: {r.From.FullName} uses {r.To.FullName}")
            .Distinct()
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
    }

    public static IEnumerable<(Type From, Type To)> AllReferences() =>
        TypeReferences.Of(Engine, Ours).Concat(TypeReferences.Of(Cli, Ours));

    /// <summary>
    /// Inside Sam, the shared core is at the bottom, the features (one folder per resource type or event family)
    /// above it and the registries with the translator (the <c>Sam</c> folder itself) on top. Outside Sam, only the
    /// core and the translator are seen: the permission map and the rules read the transformed template, not the
    /// port's internals.
    /// </summary>
    public static string? SamProblem(string fromNamespace, string toNamespace)
    {
        static int Rank(string ns) => ns == "SamPerms.Sam" ? 2 : ns == "SamPerms.Sam.Core" || ns.StartsWith("SamPerms.Sam.Core.", StringComparison.Ordinal) ? 0 : 1;
        static bool InSam(string ns) => ns == "SamPerms.Sam" || ns.StartsWith("SamPerms.Sam.", StringComparison.Ordinal);
        if (!InSam(toNamespace) || fromNamespace == toNamespace)
        {
            return null;
        }

        if (!InSam(fromNamespace))
        {
            return Rank(toNamespace) == 1 ? "outside Sam, only Sam.Core and the translator are visible" : null;
        }

        int from = Rank(fromNamespace), to = Rank(toNamespace);
        return to > from ? "inside Sam, Core < features < registries and translator" : null;
    }

    public static IReadOnlyList<string> SamBackEdges(IEnumerable<(Type From, Type To)> references) => references
        .Select(r => (r.From, r.To, Problem: SamProblem(r.From.Namespace ?? "", r.To.Namespace ?? "")))
        .Where(r => r.Problem is not null)
        .Select(r => $"{r.From.FullName} uses {r.To.FullName}: {r.Problem}")
        .Distinct()
        .OrderBy(s => s, StringComparer.Ordinal)
        .ToList();

    [Fact]
    public void EveryTypeIsInAKnownLayer()
    {
        var unplaced = Engine.GetTypes().Concat(Cli.GetTypes())
            .Select(TypeReferences.Outermost)
            .Where(t => t.Namespace is not null && !t.Namespace.StartsWith("Microsoft.", StringComparison.Ordinal)
                        && !t.Namespace.StartsWith("System.", StringComparison.Ordinal))
            .Where(t => LayerOf(t) is not { } layer || RankOf(layer) < 0)
            .Select(t => t.FullName)
            .Distinct()
            .ToList();
        Assert.True(unplaced.Count == 0, "types outside every layer:\n" + string.Join("\n", unplaced));
    }

    [Fact]
    public void NoLayerReferencesAHigherOrPeerLayer()
    {
        var back = BackEdges(AllReferences());
        Assert.True(back.Count == 0, $"{back.Count} references go up or sideways:\n" + string.Join("\n", back));
    }

    [Fact]
    public void InsideSamTheCoreIsAtTheBottom()
    {
        var back = SamBackEdges(AllReferences());
        Assert.True(back.Count == 0, $"{back.Count} references break Sam's inner layers:\n" + string.Join("\n", back));
    }

    /// <summary>
    /// What the compiled code cannot show: a constant is copied into its user, so a reference to it leaves no
    /// trace in the assembly. The sources' <c>using</c> directives and qualified names are checked too.
    /// </summary>
    [Fact]
    public void NoSourceNamesAHigherLayer()
    {
        var back = SourceReferences.All().SelectMany(r =>
        {
            var fromLayer = LayerOfNamespace(r.FromNamespace);
            var toLayer = LayerOfNamespace(r.ToNamespace);
            var problems = new List<string>();
            if (fromLayer is not null && toLayer is not null && fromLayer != toLayer && RankOf(toLayer) >= RankOf(fromLayer))
            {
                problems.Add($"{fromLayer} -> {toLayer}");
            }

            if (SamProblem(r.FromNamespace, r.ToNamespace) is { } p)
            {
                problems.Add(p);
            }

            return problems.Select(p => $"{r.File}:{r.Line}: names {r.ToNamespace} ({p})");
        }).ToList();
        Assert.True(back.Count == 0, $"{back.Count} source references go up:\n" + string.Join("\n", back));
    }

    [Fact]
    public void TheSourceScanSeesAConstantReference()
    {
        var found = SourceReferences.Scan("SamPerms.Permissions", "x.cs",
            "namespace SamPerms.Permissions;\nclass A { const string M = Sam.Api.OpenApi.OpenApiEditorBase.AnyMethod; }\n");
        Assert.Contains(found, r => r.ToNamespace == "SamPerms.Sam.Api.OpenApi");
        Assert.NotNull(SamProblem("SamPerms.Permissions", "SamPerms.Sam.Api.OpenApi"));
        Assert.NotNull(SamProblem("SamPerms.Sam.Core", "SamPerms.Sam.Function"));
        Assert.NotNull(SamProblem("SamPerms.Sam.Function", "SamPerms.Sam"));
        Assert.Null(SamProblem("SamPerms.Sam", "SamPerms.Sam.Function"));
    }

    /// <summary>
    /// The CLI goes through the front door: it names no SAM namespace (the options are <c>Model.TransformOptions</c>,
    /// the runs <c>Pipeline</c>'s) and, compiled, touches at most the translator's result record.
    /// </summary>
    [Fact]
    public void TheCliReachesTheEngineThroughThePipeline()
    {
        var named = SourceReferences.All()
            .Where(r => LayerOfNamespace(r.FromNamespace) == "Cli" && LayerOfNamespace(r.ToNamespace) == "Sam")
            .Select(r => $"{r.File}:{r.Line}: names {r.ToNamespace}")
            .ToList();
        var used = AllReferences()
            .Where(r => LayerOf(r.From) == "Cli" && LayerOf(r.To) == "Sam" && r.To.Namespace != "SamPerms.Sam")
            .Select(r => $"{r.From.FullName} uses {r.To.FullName}")
            .Distinct()
            .ToList();
        Assert.True(named.Count + used.Count == 0, string.Join("\n", named.Concat(used)));
        Assert.Contains(AllReferences(), r => LayerOf(r.From) == "Cli" && LayerOf(r.To) == "Pipeline");
    }

    [Fact]
    public void EveryNamespaceMatchesItsFolder()
    {
        var wrong = SourceReferences.Files()
            .Where(f => f.DeclaredNamespace != f.FolderNamespace)
            .Select(f => $"{f.Path}: namespace {f.DeclaredNamespace}, folder says {f.FolderNamespace}")
            .ToList();
        Assert.NotEmpty(SourceReferences.Files());
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    public static string? LayerOfNamespace(string ns)
    {
        if (!ns.StartsWith("SamPerms.", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = ns["SamPerms.".Length..];
        int dot = rest.IndexOf('.');
        return dot < 0 ? rest : rest[..dot];
    }

    [Fact]
    public void TheScanSeesReferencesInMethodBodies()
    {
        // A back edge written only inside a method body (no field, no signature) is still seen.
        var found = TypeReferences.Of(typeof(LayeringTests).Assembly, t => t == typeof(LayeringProbe) || t == typeof(SamPerms.Model.Node));
        Assert.Contains((typeof(LayeringProbe), typeof(SamPerms.Model.Node)), found);
        var back = BackEdges([(typeof(SamPerms.Model.Node), typeof(SamPerms.Cli.ExitCodes))]);
        Assert.Single(back);
    }
}

/// <summary>Refers to <see cref="SamPerms.Model.Node"/> only inside a method body (the scan's own check).</summary>
internal static class LayeringProbe
{
    public static int Count(object o) => o is SamPerms.Model.Node ? 1 : 0;
}
