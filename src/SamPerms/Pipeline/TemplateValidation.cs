using System.Text;
using SamPerms.Output.Diagnostics;
using SamPerms.Validation;
using SamPerms.Yaml;

namespace SamPerms.Pipeline;

/// <summary>Validates one template file: its findings with the lines they point at (for printing excerpts).</summary>
public static class TemplateValidation
{
    public static ValidatedFile Run(string path, byte[] bytes, ValidationOptions options)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        options = options with { TemplateDirectory = directory, Transform = options.Transform with { TemplateDirectory = directory } };

        // The text is decoded once: the validator reads it, and the excerpts come from it (UTF-16 and UTF-32 included,
        // so columns match). A file over the size limit or not valid in its encoding is left to the validator's own
        // reading, which says so; its excerpts then come from a lenient decoding.
        var text = bytes.Length <= (options.Limits ?? ReaderLimits.Default).MaxBytes ? TemplateReader.DecodeText(bytes) : null;
        var report = text is not null ? TemplateValidator.ValidateText(text, options, path) : TemplateValidator.Validate(bytes, options, path);
        return new ValidatedFile(path, ValidatedFile.SplitLines(text ?? new UTF8Encoding(false, false).GetString(bytes)), report);
    }
}
