using SamPerms.Model;
using SamPerms.Sam;
using SamPerms.Sam.Core;
using SamPerms.Text;

namespace SamPerms.Tests.Robustness;

/// <summary>
/// The translator's last-resort net: a failure of SamPerms while expanding one resource becomes an error about
/// that resource, located at it and saying why in words; the reference's own errors pass through unchanged.
/// </summary>
public sealed class LastResortNetTests
{
    private static readonly MapNode Resource = new() { Span = new SourceSpan(7, 3, 9, 1) };

    [Fact]
    public void An_unexpected_failure_becomes_a_located_error_about_the_resource()
    {
        var errors = new List<SamException>();
        SamTranslator.ExpandGuarded("Orders", Resource, errors, () => throw new InvalidCastException("Unable to cast StringNode to MapNode"));

        var e = Assert.IsType<UnreadableResourceException>(Assert.Single(errors));
        Assert.Equal(
            "Resource with id [Orders] is invalid. SamPerms could not read this resource: a value has a different type than SamPerms expected there. Please check its properties, and report this to SamPerms if they are valid.",
            e.Message);
        Assert.Same(Resource, e.At);
        Assert.IsType<InvalidCastException>(e.Cause);
        Assert.Contains(Unreadable.Marker, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(NullReferenceException), "a value SamPerms needs is missing")]
    [InlineData(typeof(KeyNotFoundException), "a value SamPerms needs is missing")]
    [InlineData(typeof(ArgumentOutOfRangeException), "a list has fewer items than SamPerms expected")]
    [InlineData(typeof(FormatException), "a number is malformed or out of range")]
    public void The_reason_is_said_in_words(Type exceptionType, string reason)
    {
        var errors = new List<SamException>();
        SamTranslator.ExpandGuarded("Orders", Resource, errors, () => throw (Exception)Activator.CreateInstance(exceptionType)!);
        Assert.Contains($"could not read this resource: {reason}.", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_references_own_errors_pass_through_and_unlocated_ones_point_at_the_resource()
    {
        var errors = new List<SamException>();
        SamTranslator.ExpandGuarded("Orders", Resource, errors, () => throw new InvalidResourceException("Orders", "Missing required property 'Handler'."));

        var e = Assert.Single(errors);
        Assert.Equal("Resource with id [Orders] is invalid. Missing required property 'Handler'.", e.Message);
        Assert.Same(Resource, e.At);
    }

    [Fact]
    public void Later_resources_are_still_expanded_after_a_failure()
    {
        var errors = new List<SamException>();
        var expanded = new List<string>();
        SamTranslator.ExpandGuarded("First", Resource, errors, () => throw new NullReferenceException());
        SamTranslator.ExpandGuarded("Second", Resource, errors, () => expanded.Add("Second"));
        SamTranslator.ExpandGuarded("Third", Resource, errors, () => throw new InvalidResourceException("Third", "Bad."));

        Assert.Equal(["Second"], expanded);
        Assert.Equal(["First", "Third"], errors.Select(e => e.SortKey));
    }

    [Fact]
    public void A_document_error_stops_the_transform_and_its_unlocated_causes_point_at_the_resource()
    {
        var errors = new List<SamException>();
        var located = new InvalidTemplateException("Located.") { At = new MapNode { Span = new SourceSpan(2, 1, 2, 5) } };
        var e = Assert.Throws<InvalidDocumentException>(() => SamTranslator.ExpandGuarded(
            "Orders", Resource, errors, () => throw new InvalidDocumentException([new InvalidTemplateException("Somewhere in a definition."), located])));

        Assert.Empty(errors);
        Assert.Same(Resource, e.Causes[0].At);
        Assert.NotSame(Resource, e.Causes[1].At);
    }
}
