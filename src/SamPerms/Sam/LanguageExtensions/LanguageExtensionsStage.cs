using SamPerms.Model;
using SamPerms.Sam.Core;

namespace SamPerms.Sam.LanguageExtensions;

/// <summary>Why the AWS::LanguageExtensions transform cannot expand the template, at the node that causes it.</summary>
public sealed record ExtensionError(string Message, Node At);

/// <summary>The template after the language extensions (the same node when they do not apply), and their errors.</summary>
public sealed record ExtensionResult(MapNode Template, IReadOnlyList<ExtensionError> Errors, bool Applied)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// What CloudFormation does before SAM when a template lists <c>AWS::LanguageExtensions</c> before
/// <c>AWS::Serverless-2016-10-31</c> (transforms run in the order listed): <c>Fn::ForEach</c> loops are expanded
/// (nested, <c>${Id}</c> and <c>&amp;{Id}</c> identifiers, in Resources, Outputs, Conditions and any mapping below),
/// <c>Fn::Length</c>, <c>Fn::ToJsonString</c> and <c>Fn::FindInMap</c> with <c>DefaultValue</c> are evaluated,
/// and Ref / Fn::Sub / Fn::Join / Fn::Select / Fn::Split / Fn::If are resolved where parameter values (overrides,
/// then defaults) and decidable conditions make them known, including in DeletionPolicy and UpdateReplacePolicy.
/// Nodes keep the span of the source they come from, so every finding still points at the template as written.
/// </summary>
public static class LanguageExtensionsStage
{
    public const string TransformName = "AWS::LanguageExtensions";
    private const string SamTransform = "AWS::Serverless-2016-10-31";

    /// <summary>The sections the transform rewrites (Parameters and Mappings are its inputs).</summary>
    private static readonly string[] Sections = ["Conditions", "Globals", "Resources", "Outputs"];

    /// <summary>Does the template list the language extensions so that they run before SAM (or without it)?</summary>
    public static bool Applies(MapNode template)
    {
        var names = template.Get("Transform") switch
        {
            StringNode s => [s.Value],
            SeqNode seq => seq.Items.Select(i => i.Str).ToList(),
            _ => [],
        };
        int le = names.IndexOf(TransformName);
        int sam = names.IndexOf(SamTransform);
        return le >= 0 && (sam < 0 || le < sam);
    }

    public static ExtensionResult Apply(MapNode template, TransformOptions options)
    {
        if (!Applies(template))
        {
            return new ExtensionResult(template, [], false);
        }

        var values = new ExtensionValues(template, options);
        var walker = new ExtensionWalker(values);
        // Conditions first: Fn::If elsewhere is decided with them.
        var walked = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var name in Sections)
        {
            if (template.Get(name) is MapNode section)
            {
                walked[name] = walker.Walk(section, ExtensionWalker.NoLoop);
                if (name == "Conditions" && walked[name] is MapNode conditions)
                {
                    values.UseConditions(conditions);
                }
            }
        }

        var result = new MapNode(template.Count) { Span = template.Span };
        foreach (var e in template.Entries)
        {
            var value = walked.TryGetValue(e.Key, out var w) ? w : e.Value;
            result.Add(new MapEntry(e.Key, value, e.KeySpan, e.KeyUnicode) { KeyIsString = e.KeyIsString });
        }

        return new ExtensionResult(result, walker.Errors, true);
    }
}
