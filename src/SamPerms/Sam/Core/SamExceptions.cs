using SamPerms.Model;

namespace SamPerms.Sam.Core;

/// <summary>
/// An error the reference translator raises, with its exact message. <see cref="At"/> is the template node the
/// error is about, when known, so that diagnostics can point at a line.
/// </summary>
public abstract class SamException(string message) : Exception(message)
{
    /// <summary>The node that caused the error (for line/column), if known.</summary>
    public Node? At { get; set; }

    /// <summary>The key the reference sorts causes by: the logical id, else the event id, else the message.</summary>
    public abstract string SortKey { get; }

    public SamException Locate(Node? at)
    {
        At ??= at;
        return this;
    }
}

/// <summary>"Resource with id [X] is invalid. ..."</summary>
public class InvalidResourceException(string logicalId, string detail)
    : SamException($"Resource with id [{logicalId}] is invalid. {detail}")
{
    public string LogicalId { get; } = logicalId;
    public string Detail { get; } = detail;
    public override string SortKey => LogicalId;
}

/// <summary>"Event with id [X] is invalid. ..."</summary>
public sealed class InvalidEventException(string eventId, string detail)
    : SamException($"Event with id [{eventId}] is invalid. {detail}")
{
    public string EventId { get; } = eventId;
    public string Detail { get; } = detail;
    public override string SortKey => EventId;
}

/// <summary>"Structure of the SAM template is invalid. ..."</summary>
public sealed class InvalidTemplateException(string detail)
    : SamException($"Structure of the SAM template is invalid. {detail}")
{
    public string Detail { get; } = detail;
    public override string SortKey => Message;
}

/// <summary>"'Globals' section is invalid. ..."</summary>
public sealed class InvalidGlobalsSectionException(string detail)
    : SamException($"'Globals' section is invalid. {detail}")
{
    public override string SortKey => "Globals";
}

public sealed class DuplicateLogicalIdException(string logicalId, string duplicateId, string type)
    : SamException($"Transforming resource with id [{logicalId}] attempts to create a new resource with id [{duplicateId}] and type \"{type}\". A resource with that id already exists within this template. Please use a different id for that resource.")
{
    public override string SortKey => logicalId;
}

/// <summary>"Property 'X' should be a map." / "Type of property 'X' is invalid."</summary>
public sealed class InvalidResourcePropertyTypeException(string logicalId, string keyPath, ExpectedType? expected, string? message = null)
    : InvalidResourceException(logicalId, string.IsNullOrEmpty(message) ? DefaultMessage(keyPath, expected) : message)
{
    private static string DefaultMessage(string keyPath, ExpectedType? expected) =>
        expected is { } e ? $"Property '{keyPath}' should be a {e.Description}." : $"Type of property '{keyPath}' is invalid.";
}

/// <summary>"Attribute 'X' should be a map." / "Type of attribute 'X' is invalid."</summary>
public sealed class InvalidResourceAttributeTypeException(string logicalId, string keyPath, ExpectedType? expected, string? message = null)
    : InvalidResourceException(logicalId, string.IsNullOrEmpty(message) ? DefaultMessage(keyPath, expected) : message)
{
    private static string DefaultMessage(string keyPath, ExpectedType? expected) =>
        expected is { } e ? $"Attribute '{keyPath}' should be a {e.Description}." : $"Type of attribute '{keyPath}' is invalid.";
}

/// <summary>The reference's InvalidDocumentException: every cause, deduplicated by message.</summary>
public sealed class InvalidDocumentException : SamException
{
    public InvalidDocumentException(IEnumerable<SamException> causes)
        : base("Invalid Serverless Application Specification document.")
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<SamException>();
        foreach (var c in causes)
        {
            if (c is InvalidDocumentException inner)
            {
                foreach (var ic in inner.Causes)
                {
                    if (seen.Add(ic.Message))
                    {
                        list.Add(ic);
                    }
                }
            }
            else if (seen.Add(c.Message))
            {
                list.Add(c);
            }
        }

        Causes = list;
    }

    public IReadOnlyList<SamException> Causes { get; }

    public override string SortKey => Message;

    /// <summary>The full message the reference prints: a header, then every cause sorted by its key.</summary>
    public string FullMessage
    {
        get
        {
            var sb = new System.Text.StringBuilder();
            sb.Append("Invalid Serverless Application Specification document. Number of errors found: ")
                .Append(Causes.Count).Append('.');
            foreach (var c in Causes.OrderBy(c => c.SortKey, StringComparer.Ordinal))
            {
                sb.Append(' ').Append(c.Message);
            }

            return sb.ToString();
        }
    }
}

/// <summary>The reference's ExpectedType: what a value should have been, for messages.</summary>
public sealed record ExpectedType(string Description)
{
    public static readonly ExpectedType Map = new("map");
    public static readonly ExpectedType List = new("list");
    public static readonly ExpectedType String = new("string");
    public static readonly ExpectedType Boolean = new("boolean");

    public bool Matches(Node? value) => Description switch
    {
        "map" => value is MapNode,
        "list" => value is SeqNode,
        "string" => value is StringNode,
        "boolean" => value is BoolNode,
        _ => true,
    };
}

/// <summary>
/// The last-resort net's error: SamPerms failed on a resource in a way the reference has no message for (a bug
/// or a shape nobody anticipated). It names the resource and says why in plain words, so one bad resource never
/// produces a stack trace and the others are still reported. <see cref="Cause"/> keeps the original exception for
/// tests and bug reports.
/// </summary>
public sealed class UnreadableResourceException(string logicalId, Exception cause)
    : InvalidResourceException(logicalId, $"{Unreadable.Marker} this resource: {Unreadable.Why(cause)}. Please check its properties, and report this to SamPerms if they are valid.")
{
    public Exception Cause { get; } = cause;
}

/// <summary>The same net for work that is not about one resource (template plugins, finishing steps).</summary>
public sealed class UnreadableTemplateException(Exception cause)
    : SamException($"Structure of the SAM template is invalid. {Unreadable.Marker} the template: {Unreadable.Why(cause)}. Please check it, and report this to SamPerms if it is valid.")
{
    public Exception Cause { get; } = cause;

    public override string SortKey => Message;
}

/// <summary>How the net words its messages.</summary>
public static class Unreadable
{
    /// <summary>Every message of the net contains this text (tests look for it to find crash sites).</summary>
    public const string Marker = "SamPerms could not read";

    /// <summary>The reason in words a template author understands, from the kind of failure.</summary>
    public static string Why(Exception e) => e switch
    {
        InvalidCastException => "a value has a different type than SamPerms expected there",
        NullReferenceException or KeyNotFoundException => "a value SamPerms needs is missing",
        ArgumentOutOfRangeException or IndexOutOfRangeException => "a list has fewer items than SamPerms expected",
        FormatException or OverflowException => "a number is malformed or out of range",
        InsufficientExecutionStackException or StackOverflowException => "it is nested too deeply",
        _ => $"unexpected failure ({e.Message.TrimEnd('.')})",
    };
}
