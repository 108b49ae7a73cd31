using System.Text;

namespace SamPerms.Cli.Io;

/// <summary>
/// A standard stream as the commands see it: a write that fails (a full disk, a reader that went away, a closed
/// descriptor) is recorded, not thrown, so the command finishes and the process ends with exit 2 and one clear
/// line, instead of an abort or an "internal error". What is written can be filtered on the way: stderr escapes
/// input text (<see cref="Output.Escaping.TextEscape"/>), and both streams conceal NoEcho parameter values.
/// </summary>
public sealed class GuardedWriter(Func<TextWriter> open, string name, Func<string, string>? filter = null) : TextWriter
{
    private TextWriter? _inner;
    private readonly List<string> _concealed = [];

    /// <summary>The stream's name for messages ("standard output").</summary>
    public string Name { get; } = name;

    /// <summary>Why writing failed (the first failure), or null while every write has succeeded.</summary>
    public string? Failure { get; private set; }

    public override Encoding Encoding => _inner?.Encoding ?? new UTF8Encoding(false);

    public GuardedWriter(TextWriter inner, string name, Func<string, string>? filter = null)
        : this(() => inner, name, filter)
    {
    }

    /// <summary>What the wrapped writer holds, when it keeps its text (a <see cref="StringWriter"/> buffering a report).</summary>
    public override string ToString() => (_inner ??= open()).ToString() ?? "";

    /// <summary>Values never to print (NoEcho parameters): each occurrence is written as <c>****</c>.</summary>
    public void Conceal(IEnumerable<string> values)
    {
        foreach (var v in values)
        {
            if (v.Length > 0 && !_concealed.Contains(v))
            {
                _concealed.Add(v);
            }
        }

        // Longer values first, so that a value holding another is concealed whole.
        _concealed.Sort((a, b) => b.Length.CompareTo(a.Length));
    }

    public override void Write(char value) => Write(value.ToString());

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(string? value)
    {
        if (Failure is not null || string.IsNullOrEmpty(value))
        {
            return;
        }

        foreach (var secret in _concealed)
        {
            value = value.Replace(secret, "****", StringComparison.Ordinal);
        }

        if (filter is not null)
        {
            value = filter(value);
        }

        Guard(w => w.Write(value));
    }

    /// <summary>
    /// Whether text may be written in pieces: nothing is concealed or filtered, which could span two pieces (a value
    /// to conceal is found only in the text of one write).
    /// </summary>
    public bool TakesPieces => _concealed.Count == 0 && filter is null;

    /// <summary>
    /// A builder's text, chunk by chunk when nothing is to be concealed or filtered (a big output is then never one
    /// string); else as one string, so that a concealed value split between two chunks is still found whole.
    /// </summary>
    public override void Write(StringBuilder? value)
    {
        if (value is null || value.Length == 0 || Failure is not null)
        {
            return;
        }

        if (!TakesPieces)
        {
            Write(value.ToString());
            return;
        }

        foreach (var chunk in value.GetChunks())
        {
            Guard(w => w.Write(chunk.Span));
        }
    }

    public override void WriteLine(string? value) => Write((value ?? "") + "\n");

    public override void WriteLine() => Write("\n");

    public override void Flush() => Guard(w => w.Flush());

    private void Guard(Action<TextWriter> action)
    {
        if (Failure is not null)
        {
            return;
        }

        if (_inner is null)
        {
            try
            {
                _inner = open();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                Failure = "it is closed";
                return;
            }
        }

        try
        {
            action(_inner);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException or NotSupportedException or ArgumentException)
        {
            // A standard stream the shell closed (>&-) may be a descriptor the runtime reopened read-only.
            Failure = e is UnauthorizedAccessException ? "it is closed or not open for writing" : IoErrors.Describe(e);
        }
    }
}
