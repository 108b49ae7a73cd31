namespace SamPerms.Output.Diagnostics;

/// <summary>
/// A template's text as lines, for the excerpts of findings: split at each line feed (a carriage return before it
/// dropped), as <c>text.Replace("\r\n", "\n").Split('\n')</c> would. Where each line starts is found once, when a
/// line is first asked for, and a line is cut from the text only when shown: a big template's tens of thousands of
/// lines are not each copied for the few findings a run prints.
/// </summary>
public sealed class SourceLines(string text) : IReadOnlyList<string>
{
    private List<int>? _starts;

    public int Count => Starts.Count;

    public string this[int index]
    {
        get
        {
            var starts = Starts;
            int start = starts[index];
            int end = index + 1 < starts.Count ? starts[index + 1] - 1 : text.Length; // the line feed excluded
            if (index + 1 < starts.Count && end > start && text[end - 1] == '\r')
            {
                end--; // a CR LF line break
            }

            return text.Substring(start, end - start);
        }
    }

    private List<int> Starts => _starts ??= FindStarts(text);

    private static List<int> FindStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int at = text.IndexOf('\n'); at >= 0; at = text.IndexOf('\n', at + 1))
        {
            starts.Add(at + 1);
        }

        return starts;
    }

    public IEnumerator<string> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
