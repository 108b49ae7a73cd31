using SamPerms.Text;

namespace SamPerms.Validation;

/// <summary>
/// Every diagnostic code SamPerms reports, defined once. Codes are stable: SP1xxx reading the template,
/// SP2xxx SAM's own transform errors.
/// </summary>
public static class DiagnosticCatalog
{
    public const string YamlSyntax = "SP1001";
    public const string DuplicateKey = "SP1002";
    public const string UnknownTag = "SP1003";
    public const string InvalidEncoding = "SP1004";
    public const string DocumentTooLarge = "SP1005";
    public const string NestingTooDeep = "SP1006";
    public const string NotATemplate = "SP1007";
    public const string SamTransformError = "SP2001";

    public static Diagnostic Syntax(string message, SourceSpan span) =>
        new(YamlSyntax, Severity.Error, message, span);

    public static Diagnostic Duplicate(string key, SourceSpan span, SourceSpan first) =>
        new(DuplicateKey, Severity.Error, $"duplicate key '{key}' (first defined at line {first.Line}, column {first.Column})", span);

    public static Diagnostic Tag(string tag, SourceSpan span) =>
        new(UnknownTag, Severity.Error, $"unknown tag '{tag}': CloudFormation short forms are !Ref, !Sub, !GetAtt, !If, !Equals, !And, !Or, !Not, !Condition, !FindInMap, !Join, !Select, !Split, !Base64, !Cidr, !GetAZs, !ImportValue, !Transform, !ToJsonString, !Length", span);

    /// <summary>A YAML tag (!!python/object, ...) that the reference's safe loader has no constructor for.</summary>
    public static Diagnostic UnsupportedYamlTag(string tag, SourceSpan span) =>
        new(UnknownTag, Severity.Error, $"could not determine a constructor for the tag '{tag}' (SAM reads templates with YAML's safe loader)", span);

    public static Diagnostic Encoding(string message, SourceSpan span) =>
        new(InvalidEncoding, Severity.Error, message, span);

    public static Diagnostic TooLarge(string message, SourceSpan span) =>
        new(DocumentTooLarge, Severity.Error, message, span);

    public static Diagnostic TooDeep(int limit, SourceSpan span) =>
        new(NestingTooDeep, Severity.Error, $"nesting deeper than {limit} levels", span);

    public static Diagnostic NotTemplate(string message, SourceSpan span) =>
        new(NotATemplate, Severity.Error, message, span);

    public static Diagnostic Sam(string message, SourceSpan span, string? path) =>
        new(SamTransformError, Severity.Error, message, span, path);
}
