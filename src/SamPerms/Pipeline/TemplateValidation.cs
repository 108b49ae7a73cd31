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
        var report = TemplateValidator.Validate(bytes, options with { TemplateDirectory = directory, Transform = options.Transform with { TemplateDirectory = directory } }, path);
        // The excerpts come from the text as the reader decoded it (UTF-16 and UTF-32 included), so columns match.
        var text = TemplateReader.DecodeText(bytes) ?? new UTF8Encoding(false, false).GetString(bytes);
        return new ValidatedFile(path, ValidatedFile.SplitLines(text), report);
    }
}
