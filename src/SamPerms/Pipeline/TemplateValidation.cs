using System.Text;
using SamPerms.Output.Diagnostics;
using SamPerms.Validation;

namespace SamPerms.Pipeline;

/// <summary>Validates one template file: its findings with the lines they point at (for printing excerpts).</summary>
public static class TemplateValidation
{
    public static ValidatedFile Run(string path, byte[] bytes, ValidationOptions options)
    {
        var report = TemplateValidator.Validate(bytes, options with { TemplateDirectory = Path.GetDirectoryName(Path.GetFullPath(path)) }, path);
        var text = new UTF8Encoding(false, false).GetString(bytes);
        return new ValidatedFile(path, ValidatedFile.SplitLines(text), report);
    }
}
