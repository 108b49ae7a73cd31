namespace SamPerms.Cli.Outputs;

/// <summary>
/// Where a command writes: stdout, or a file the user named, written atomically — never one of the command's
/// inputs, never into a folder that does not exist (said plainly, without the temporary file's name).
/// </summary>
public static class OutputFile
{
    /// <summary>Paths compare as the file system compares them.</summary>
    public static StringComparison PathComparison { get; } = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    /// <summary><see cref="PathComparison"/> as a comparer, for dictionaries and sets of paths.</summary>
    public static StringComparer PathComparer { get; } = StringComparer.FromComparison(PathComparison);

    /// <summary>Why <paramref name="path"/> cannot be written, or null when it can.</summary>
    public static string? Problem(string path, IEnumerable<string> inputs, string option)
    {
        var full = Path.GetFullPath(path);
        if (inputs.Where(i => i != Inputs.TemplateInputs.Stdin).Any(i => PathComparer.Equals(Path.GetFullPath(i), full)))
        {
            return $"{option} {path} is one of the inputs: samperms never writes over its input; choose another file";
        }

        if (Directory.Exists(full))
        {
            return $"{option} {path} is a directory; give a file name";
        }

        var dir = Path.GetDirectoryName(full);
        if (dir is not null && !Directory.Exists(dir))
        {
            var shown = Path.GetDirectoryName(path) is { Length: > 0 } given ? given : dir;
            return $"{option} {path}: directory {shown} does not exist";
        }

        return null;
    }

    /// <summary>
    /// Writes <paramref name="text"/> to stdout, or to <paramref name="path"/> (atomically) after checking it;
    /// the exit code of a failure (message written), or null when written.
    /// </summary>
    public static int? Write(string? path, string text, IEnumerable<string> inputs, CliOutput output, string option = "--output-file") =>
        Write(path, inputs, output, option, stdout => stdout.Write(text), file => AtomicFile.WriteAllText(file, text));

    /// <summary><see cref="Write(string?, string, IEnumerable{string}, CliOutput, string)"/> of a builder's text, written chunk by chunk.</summary>
    public static int? Write(string? path, System.Text.StringBuilder text, IEnumerable<string> inputs, CliOutput output, string option = "--output-file") =>
        Write(path, inputs, output, option, stdout => stdout.Write(text), file => AtomicFile.WriteAllText(file, text));

    private static int? Write(string? path, IEnumerable<string> inputs, CliOutput output, string option, Action<TextWriter> toStdout, Action<string> toFile)
    {
        if (path is null)
        {
            toStdout(output.Out);
            return null;
        }

        if (Problem(path, inputs, option) is { } problem)
        {
            output.Error(problem);
            return ExitCodes.UsageOrIo;
        }

        try
        {
            toFile(path);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            output.Error($"cannot write {path}: {Reason(e)}");
            return ExitCodes.UsageOrIo;
        }
    }

    /// <summary>The reason of an I/O failure without the temporary file's name.</summary>
    public static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        DirectoryNotFoundException => "its directory does not exist",
        PathTooLongException => "the path is too long",
        _ => e.Message.Contains(".tmp", StringComparison.Ordinal) ? "the file system refused it" : e.Message,
    };
}
