using SamPerms.Data;

namespace SamPerms.Iam;

/// <summary>
/// Whether an action can act on the resources a pattern names, by the resource types the IAM action catalog lists
/// for it: <c>s3:ListBucket</c> acts on buckets (<c>arn:aws:s3:::B</c>), not on objects (<c>arn:aws:s3:::B/*</c>), so
/// granting it on objects grants nothing. Placeholders of an ARN format hold no '/' unless their name says they
/// are paths or keys, and no ':' unless they end the ARN; a symbol naming a template resource holds neither.
/// An action without resource types acts only on the literal <c>*</c>. When the catalog cannot tell (unknown
/// action, unknown format) the answer is yes.
/// </summary>
public static class ResourceApplicability
{
    private static readonly string[] PathLike = ["Path", "Object", "LogGroup", "Parameter", "Key", "Resource", "Secret", "Prefix"];

    /// <summary>
    /// Names of ARN format placeholders that AWS documents as plain names (no '/' and no ':'): what the sure mode
    /// still holds them to. Every other placeholder may hold anything there.
    /// </summary>
    private static readonly HashSet<string> PlainNames = new(StringComparer.Ordinal)
    {
        "Partition", "Region", "Account", "BucketName", "TableName", "QueueName", "TopicName", "FunctionName", "StreamName", "StateMachineName",
    };

    /// <summary>
    /// As <see cref="Applies(string, string, Func{string, bool})"/>, answering "no" only when it is sure: a format
    /// placeholder may hold '/' and ':' unless it is a documented plain name (a bucket, table, queue, topic, function,
    /// stream or state machine name, the partition, region or account), and an action without resource types is
    /// said not to apply only to a resource without wildcards.
    /// </summary>
    public static bool AppliesSurely(string action, string resource, Func<string, bool> isNameSymbol) =>
        Applies(action, resource, isNameSymbol, sure: true);

    public static bool Applies(string action, string resource, Func<string, bool> isNameSymbol) =>
        Applies(action, resource, isNameSymbol, sure: false);

    private static bool Applies(string action, string resource, Func<string, bool> isNameSymbol, bool sure)
    {
        if (Wildcard.IsAll(resource) || Wildcard.HasWildcard(action) || IamActionCatalog.Find(action) is not { } known)
        {
            return true;
        }

        if (known.ResourceTypes.Count == 0)
        {
            // It acts on the literal resource "*" only (IAM User Guide, NotAction: s3:ListAllMyBuckets "requires
            // the "*" resource"): a grant on anything that cannot be "*" grants nothing.
            return (sure && Wildcard.HasWildcard(SymbolicPattern.WithoutSymbols(resource)))
                || Wildcard.Matches(ArnWildcards.Encode(SymbolicPattern.Starred(resource)), "*", ignoreCase: false);
        }

        if (IamActionCatalog.Service(known.Service) is not { } service)
        {
            return true;
        }

        var pattern = Tokens.OfPattern(resource, isNameSymbol);
        foreach (var type in known.ResourceTypes)
        {
            if (!service.ResourceArns.TryGetValue(type, out var format) || Tokens.Intersect(pattern, Tokens.OfFormatCached(format, sure)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Patterns as tokens: a character, any one character, or a run of characters from a class.</summary>
    private static class Tokens
    {
        // A token is a char (Kind 0), '?' (Kind 1), a run (Kind 2) that may or may not hold '/' and ':', or an
        // opaque name (Kind 3): one unknown value without '/' or ':' that only a run can produce.
        public readonly record struct Token(int Kind, char Char, bool Slash, bool Colon);

        // A catalog format's tokens, made once per format (a role of many statements asks about the same few).
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Format, bool Sure), List<Token>> Formats = new();

        public static List<Token> OfFormatCached(string format, bool sure) => Formats.GetOrAdd((format, sure), key => OfFormat(key.Format, key.Sure));

        public static List<Token> OfPattern(string pattern, Func<string, bool> isNameSymbol)
        {
            var tokens = new List<Token>(pattern.Length);
            for (int i = 0; i < pattern.Length; i++)
            {
                if (pattern[i] == '$' && i + 1 < pattern.Length && pattern[i + 1] == '{' && pattern.IndexOf('}', i) is var end and > 0)
                {
                    var symbol = pattern[(i + 2)..end];
                    if (isNameSymbol(symbol) || symbol.StartsWith("AWS::", StringComparison.Ordinal))
                    {
                        // A name (or account, region) fills a placeholder of the format, never its literal text.
                        tokens.Add(new Token(3, (char)symbol.GetHashCode(StringComparison.Ordinal), false, false));
                    }
                    else
                    {
                        tokens.Add(new Token(2, '\0', true, true));
                    }

                    i = end;
                }
                else
                {
                    tokens.Add(pattern[i] switch
                    {
                        '*' => new Token(2, '\0', true, true),
                        '?' => new Token(1, '\0', true, true),
                        var c => new Token(0, c, false, false),
                    });
                }
            }

            return tokens;
        }

        public static List<Token> OfFormat(string format, bool sure)
        {
            var tokens = new List<Token>();
            for (int i = 0; i < format.Length; i++)
            {
                if (format[i] == '$' && i + 1 < format.Length && format[i + 1] == '{' && format.IndexOf('}', i) is var end and > 0)
                {
                    var name = format[(i + 2)..end];
                    var last = end == format.Length - 1;
                    tokens.Add(sure
                        ? new Token(2, '\0', !PlainNames.Contains(name), last || !PlainNames.Contains(name))
                        : new Token(2, '\0', PathLike.Any(p => name.Contains(p, StringComparison.Ordinal)), last));
                    i = end;
                }
                else
                {
                    tokens.Add(new Token(0, format[i], false, false));
                }
            }

            return tokens;
        }

        /// <summary>Is there a string both token lists produce? Same dynamic programming as glob intersection.</summary>
        public static bool Intersect(List<Token> a, List<Token> b)
        {
            // can[i, j] needs only row i + 1 and row i itself: two rows of b.Count + 1 (on the stack when small).
            int width = b.Count + 1;
            Span<bool> below = width <= 512 ? stackalloc bool[width] : new bool[width];
            Span<bool> row = width <= 512 ? stackalloc bool[width] : new bool[width];
            for (int i = a.Count; i >= 0; i--)
            {
                for (int j = b.Count; j >= 0; j--)
                {
                    bool ok;
                    if (i == a.Count && j == b.Count)
                    {
                        ok = true;
                    }
                    else if (i < a.Count && a[i].Kind == 2)
                    {
                        // The run ends, or it produces b's next character, or b's run (facing it) ends.
                        ok = below[j] || (j < b.Count && (b[j].Kind == 2 || Holds(a[i], b[j])) && row[j + 1]);
                    }
                    else if (j < b.Count && b[j].Kind == 2)
                    {
                        ok = row[j + 1] || (i < a.Count && Holds(b[j], a[i]) && below[j]);
                    }
                    else
                    {
                        ok = i < a.Count && j < b.Count && Same(a[i], b[j]) && below[j + 1];
                    }

                    row[j] = ok;
                }

                var done = below;
                below = row;
                row = done;
            }

            return below[0];
        }

        /// <summary>Can the run produce the single-character token?</summary>
        private static bool Holds(Token run, Token single) =>
            single.Kind is 1 or 3 || ((single.Char != '/' || run.Slash) && (single.Char != ':' || run.Colon));

        private static bool Same(Token a, Token b) =>
            a.Kind == 3 || b.Kind == 3 ? a.Kind == b.Kind && a.Char == b.Char : a.Kind == 1 || b.Kind == 1 || a.Char == b.Char;
    }
}
