using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SamPerms.Yaml;

/// <summary>
/// YamlDotNet's parser as a stream of <see cref="YamlEvent"/>s: the reader for every text the fast reader does
/// not take, and the one whose errors SamPerms reports (as <see cref="YamlException"/>, thrown while iterating).
/// </summary>
internal static class YamlDotNetEvents
{
    /// <summary>
    /// YamlDotNet fails on some malformed input with other exceptions than YamlException (e.g.
    /// InvalidOperationException for a flow collection continued on a less indented line, which PyYAML accepts):
    /// those are reported as a syntax error where the scanner stopped.
    /// </summary>
    public const string CouldNotGoOn = "the YAML reader could not go on from here; check the brackets, quotes and indentation around this place";

    public static IEnumerable<YamlEvent> Read(string text)
    {
        var scanner = new Scanner(new StringReader(text), skipComments: true);
        var parser = new Parser(scanner);
        while (Advance(parser, scanner))
        {
            var ev = parser.Current!;
            var (start, end) = (Mark(ev.Start), Mark(ev.End));
            switch (ev)
            {
                case DocumentStart ds:
                    yield return new YamlEvent(YamlEventKind.DocumentStart, start, end, Explicit: !ds.IsImplicit);
                    break;
                case Scalar s:
                    yield return new YamlEvent(YamlEventKind.Scalar, start, end, s.Value, TagOf(s.Tag), AnchorOf(s.Anchor), Plain: s.Style == ScalarStyle.Plain);
                    break;
                case AnchorAlias a:
                    yield return new YamlEvent(YamlEventKind.Alias, start, end, a.Value.Value);
                    break;
                case SequenceStart ss:
                    yield return new YamlEvent(YamlEventKind.SequenceStart, start, end, null, TagOf(ss.Tag), AnchorOf(ss.Anchor), Flow: ss.Style == SequenceStyle.Flow);
                    break;
                case MappingStart ms:
                    bool flow = ms.Style == MappingStyle.Flow;
                    yield return new YamlEvent(YamlEventKind.MappingStart, start, end, null, TagOf(ms.Tag), AnchorOf(ms.Anchor), Flow: flow,
                        Placeless: YamlEvent.IsPlaceless(flow, start, end));
                    break;
                case SequenceEnd:
                    yield return new YamlEvent(YamlEventKind.SequenceEnd, start, end);
                    break;
                case MappingEnd:
                    yield return new YamlEvent(YamlEventKind.MappingEnd, start, end);
                    break;
            }
        }
    }

    private static bool Advance(Parser parser, Scanner scanner)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (Exception e) when (e is not YamlException and not OutOfMemoryException)
        {
            var at = scanner.CurrentPosition;
            throw new YamlException(at, at, CouldNotGoOn, e);
        }
    }

    private static YamlMark Mark(Mark m) => new((int)m.Line, (int)m.Column, (int)m.Index);

    private static string? TagOf(TagName tag) => tag.IsEmpty ? null : tag.Value;

    private static string? AnchorOf(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;
}
