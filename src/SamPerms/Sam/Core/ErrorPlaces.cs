using SamPerms.Model;

namespace SamPerms.Sam.Core;

/// <summary>
/// Where an error points when the offending value has no place in the file (a value SAM made: a generated path,
/// a security list copied from Auth, a default): the nearest node the author wrote that it came from.
/// </summary>
public static class ErrorPlaces
{
    /// <summary>
    /// Runs <paramref name="work"/>; its errors (and every cause of a document error) without a known location
    /// are located at <paramref name="fallback"/>, when that has one. Callers nest these, innermost (most precise)
    /// first: an outer fallback only fills what the inner ones could not. The filling happens in an exception
    /// filter that declines the exception: each level looks at it on its way out, none catches and throws it again
    /// (a rethrow walks the stack once more, for every level of nesting).
    /// </summary>
    public static void LocatedAt(Node? fallback, Action work)
    {
        try
        {
            work();
        }
        catch (SamException e) when (FillAndPass(e, fallback))
        {
            throw; // never reached: the filter declines
        }
    }

    /// <inheritdoc cref="LocatedAt(Node?, Action)"/>
    public static T LocatedAt<T>(Node? fallback, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (SamException e) when (FillAndPass(e, fallback))
        {
            throw; // never reached: the filter declines
        }
    }

    /// <summary>
    /// <see cref="Fill"/> when <paramref name="fallback"/> has a place, as an exception filter: always false, so the
    /// exception goes on as it was thrown.
    /// </summary>
    public static bool FillAndPass(SamException e, Node? fallback)
    {
        if (fallback is { Span.IsKnown: true })
        {
            Fill(e, fallback);
        }

        return false;
    }

    /// <summary>Locates <paramref name="e"/> (or each of its causes) at <paramref name="fallback"/> where it has no place yet.</summary>
    public static void Fill(SamException e, Node fallback)
    {
        IEnumerable<SamException> errors = e is InvalidDocumentException d ? d.Causes : [e];
        foreach (var error in errors)
        {
            if (error.At is not { Span.IsKnown: true })
            {
                error.At = fallback;
            }
        }
    }
}
