namespace SamPerms.Cli.Inputs;

/// <summary>Reads one input: a file, or standard input for <c>-</c>; why not, in words (a directory, no such file, permission).</summary>
public static class InputFile
{
    /// <summary>How an input is named in messages and reports: its path, or <c>stdin</c>.</summary>
    public static string Shown(string path) => path == TemplateInputs.Stdin ? "stdin" : path;

    public static byte[]? Read(string path, CliOutput output, out string? reason)
    {
        reason = null;
        if (path == TemplateInputs.Stdin)
        {
            using var stdin = output.OpenStdin();
            using var buffer = new MemoryStream();
            stdin.CopyTo(buffer);
            return buffer.ToArray();
        }

        var read = Pipeline.FileInput.Read(path);
        reason = read.Reason;
        return read.Bytes;
    }

    /// <summary>Reads the input, or writes "cannot read X: why" and returns null.</summary>
    public static byte[]? ReadOrSay(string path, CliOutput output)
    {
        var bytes = Read(path, output, out var reason);
        if (bytes is null)
        {
            output.Error($"cannot read {Shown(path)}: {reason}");
        }

        return bytes;
    }
}
