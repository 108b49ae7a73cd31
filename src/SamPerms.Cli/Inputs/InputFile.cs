using SamPerms.Pipeline;

namespace SamPerms.Cli.Inputs;

/// <summary>
/// Reads one input: a file, or standard input for <c>-</c>; why not, in words (a directory, no such file,
/// permission), or its refusal when it is over the size limit (from a file's length, before reading it;
/// standard input is read up to the limit and no further).
/// </summary>
public static class InputFile
{
    /// <summary>How an input is named in messages and reports: its path, or <c>stdin</c>.</summary>
    public static string Shown(string path) => path == TemplateInputs.Stdin ? "stdin" : path;

    public static FileRead Read(string path, CliOutput output)
    {
        if (path == TemplateInputs.Stdin)
        {
            using var stdin = output.OpenStdin();
            return FileInput.FromStream(Shown(path), stdin);
        }

        return FileInput.Read(path);
    }

    /// <summary>Reads the input, or writes "cannot read X: why" and returns null.</summary>
    public static byte[]? ReadOrSay(string path, CliOutput output)
    {
        var read = Read(path, output);
        if (read.Bytes is null)
        {
            output.Error($"cannot read {Shown(path)}: {read.Reason}");
        }

        return read.Bytes;
    }
}
