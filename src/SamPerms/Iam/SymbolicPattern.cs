using SamPerms.Model;

namespace SamPerms.Iam;

/// <summary>
/// Wildcard patterns that may hold symbols for values known only at deploy time, written <c>${Name}</c>
/// (<c>arn:aws:s3:::${SourceBucket}/*</c>, <c>${AWS::AccountId}</c>). A symbol is one unknown but fixed string:
/// it equals itself; two symbols naming different template resources never name the same thing; against literal
/// text or a pseudo parameter, it may or may not match — the answer is then <see cref="Certainty.Maybe"/>.
/// </summary>
public static class SymbolicPattern
{
    /// <summary>Does every value of <paramref name="narrow"/> match <paramref name="wide"/>?</summary>
    public static Certainty Covers(string wide, string narrow, bool ignoreCase)
    {
        if (!HasSymbol(wide) && !HasSymbol(narrow))
        {
            return CertaintyExtensions.From(Wildcard.Covers(wide, narrow, ignoreCase));
        }

        var symbols = new Dictionary<string, char>(StringComparer.Ordinal);
        if (Wildcard.Covers(Atomic(wide, symbols), Atomic(narrow, symbols), ignoreCase))
        {
            return Certainty.Yes;
        }

        if (!MayBeEqual(wide, narrow, ignoreCase))
        {
            return Certainty.No;
        }

        // Some values of the symbols make it cover: the wide side's own symbols standing for anything, or the
        // narrow side's symbols (free to be any one value) meeting it somewhere.
        var shared = Symbols(wide).Intersect(Symbols(narrow), StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var narrowFree = Symbols(narrow).Any(s => !shared.Contains(s));
        var wideStarred = Starred(wide, shared, symbols);
        return Wildcard.Covers(wideStarred, Atomic(narrow, symbols), ignoreCase) || narrowFree ? Certainty.Maybe : Certainty.No;
    }

    /// <summary>Is there a value both patterns match?</summary>
    public static Certainty Intersects(string a, string b, bool ignoreCase)
    {
        if (!HasSymbol(a) && !HasSymbol(b))
        {
            return CertaintyExtensions.From(Wildcard.Intersects(a, b, ignoreCase));
        }

        var symbols = new Dictionary<string, char>(StringComparer.Ordinal);
        if (Wildcard.Intersects(Atomic(a, symbols), Atomic(b, symbols), ignoreCase))
        {
            // Identical symbols line up; the common value exists whatever they stand for only when no symbol had
            // to meet a wildcard-free literal. Symbols facing stars are fine, so this is a yes.
            return Certainty.Yes;
        }

        return MayBeEqual(a, b, ignoreCase) ? Certainty.Maybe : Certainty.No;
    }

    /// <summary>The pattern with every symbol standing for any value (a star).</summary>
    public static string Starred(string pattern) => Replace(pattern, StarOf);

    /// <summary>
    /// A symbol for a name CloudFormation generates, written where a resource's own name is compared with policy
    /// patterns (<c>${Fn|generated-name}</c>): its values are letters, digits and hyphens only (a stack name, the logical
    /// id and a random suffix), so that, say, <c>function:CodeDeployHook_*</c> never names such a function.
    /// </summary>
    public static string GeneratedName(string symbol) => "${" + symbol + GeneratedNameMark + "}";

    private const string GeneratedNameMark = "|generated-name";

    private static bool IsGeneratedName(string symbol) => symbol.EndsWith(GeneratedNameMark, StringComparison.Ordinal);

    /// <summary>
    /// The values a symbol not known to be another one can take, as a pattern: any text; a generated name's (letters,
    /// digits and hyphens, with a hyphen at least: "stack-Fn-1A2B3C4D", "Machine-AbC123"); or, for the account id,
    /// region and partition, letters, digits and hyphens.
    /// </summary>
    private static string StarOf(string symbol) =>
        IsGeneratedName(symbol) ? GeneratedNameStar
        : symbol is "AWS::AccountId" or "AWS::Region" or "AWS::Partition" ? NameStarText
        : "*";

    private static readonly string NameStarText = ArnWildcards.NameStar.ToString();
    private static readonly string GeneratedNameStar = NameStarText + "-" + NameStarText;

    /// <summary>The pattern's literal text, symbols left out.</summary>
    public static string WithoutSymbols(string pattern) => Replace(pattern, _ => "");

    public static bool HasSymbol(string pattern) => pattern.Contains("${", StringComparison.Ordinal);

    /// <summary>The symbols of a pattern, in order (<c>SourceBucket</c>, <c>AWS::AccountId</c>).</summary>
    public static IEnumerable<string> Symbols(string pattern) => SubPlaceholders.Of(pattern);

    /// <summary>Could the patterns match a common value once the symbols are known?</summary>
    private static bool MayBeEqual(string a, string b, bool ignoreCase)
    {
        // Different template resources have different names and ARNs: if each side names resources and none
        // is shared, they cannot meet.
        var ra = Symbols(a).Where(IsResourceSymbol).Select(ResourceOf).ToHashSet(StringComparer.Ordinal);
        var rb = Symbols(b).Where(IsResourceSymbol).Select(ResourceOf).ToHashSet(StringComparer.Ordinal);
        if (ra.Count > 0 && rb.Count > 0 && !ra.Overlaps(rb))
        {
            return false;
        }

        // A symbol both sides name is the same value there: keep it whole; only the others may be anything.
        var shared = Symbols(a).Intersect(Symbols(b), StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var symbols = new Dictionary<string, char>(StringComparer.Ordinal);
        return Wildcard.Intersects(Starred(a, shared, symbols), Starred(b, shared, symbols), ignoreCase);
    }

    /// <summary>
    /// The template resources a pattern without wildcards names through its symbols, or null when it has a wildcard
    /// (or a character that stands for one) or names no resource. Two such patterns that name no resource in common
    /// have no value in common: neither covers nor meets the other, nor the other with a qualifier appended.
    /// </summary>
    public static HashSet<string>? ResourcesOfExact(string pattern)
    {
        foreach (var c in WithoutSymbols(pattern))
        {
            if (c is '*' or '?' || char.IsBetween(c, '\uE000', '\uF8FF'))
            {
                return null;
            }
        }

        var resources = Symbols(pattern).Where(IsResourceSymbol).Select(ResourceOf).ToHashSet(StringComparer.Ordinal);
        return resources.Count > 0 ? resources : null;
    }

    private static bool IsResourceSymbol(string symbol) =>
        !symbol.StartsWith("AWS::", StringComparison.Ordinal) && !symbol.StartsWith("Import:", StringComparison.Ordinal);

    private static string ResourceOf(string symbol)
    {
        if (IsGeneratedName(symbol))
        {
            symbol = symbol[..^GeneratedNameMark.Length];
        }

        int dot = symbol.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? symbol : symbol[..dot];
    }

    /// <summary>Each distinct symbol becomes one private-use character, the same one on both sides.</summary>
    private static string Atomic(string pattern, Dictionary<string, char> symbols) =>
        Replace(pattern, s =>
        {
            if (!symbols.TryGetValue(s, out var c))
            {
                c = (char)(0xE000 + symbols.Count);
                symbols[s] = c;
            }

            return c.ToString();
        });

    /// <summary>Each symbol not shared becomes a star (the values it could take); shared ones stay one character.</summary>
    private static string Starred(string pattern, HashSet<string> shared, Dictionary<string, char> symbols) =>
        Replace(pattern, s => shared.Contains(s) ? Atomic("${" + s + "}", symbols) : StarOf(s));

    private static string Replace(string pattern, Func<string, string> replace) => SubPlaceholders.Replace(pattern, replace);
}
