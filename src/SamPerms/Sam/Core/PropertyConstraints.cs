namespace SamPerms.Sam.Core;

/// <summary>
/// The reference's __validation_rules__: properties that exclude each other, must come together, or need
/// another. All failures are joined into one error, one message per line.
/// </summary>
public static class PropertyConstraints
{
    public abstract record Rule;

    public sealed record MutuallyExclusive(params string[] Properties) : Rule;

    public sealed record MutuallyInclusive(params string[] Properties) : Rule;

    /// <summary>The first property requires the second.</summary>
    public sealed record Requires(string Property, string Required) : Rule;

    public static void Check(SamResource resource, IEnumerable<Rule> rules, Func<string, object?>? nested = null)
    {
        object? Value(string p) => p.Contains('.', StringComparison.Ordinal) ? nested?.Invoke(p) : resource.Prop(p);
        var messages = new List<string>();
        foreach (var rule in rules)
        {
            switch (rule)
            {
                case MutuallyExclusive me:
                    var present = me.Properties.Where(p => Value(p) is not null).Select(p => $"'{p}'").ToList();
                    if (present.Count > 1)
                    {
                        messages.Add($"Cannot specify {Combine(present)} together.");
                    }

                    break;
                case MutuallyInclusive mi:
                    var count = mi.Properties.Count(p => Value(p) is not null);
                    if (count > 0 && count < mi.Properties.Length)
                    {
                        messages.Add($"Properties must be used together: {Combine(mi.Properties)}.");
                    }

                    break;
                case Requires rq:
                    if (Value(rq.Property) is not null && Value(rq.Required) is null)
                    {
                        messages.Add($"'{rq.Property}' requires '{rq.Required}'.");
                    }

                    break;
            }
        }

        if (messages.Count > 0)
        {
            throw new InvalidResourceException(resource.LogicalId, string.Join("\n", messages)).Locate(resource.Properties);
        }
    }

    private static string Combine(IReadOnlyList<string> words) =>
        words.Count switch
        {
            0 => "",
            1 => words[0],
            _ => string.Join(", ", words.Take(words.Count - 1)) + " and " + words[^1],
        };
}
