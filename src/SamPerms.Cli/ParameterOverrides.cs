namespace SamPerms.Cli;

/// <summary>
/// Parses <c>--parameter-overrides</c> values: <c>Key=Value</c>, or the SAM CLI's
/// <c>ParameterKey=Key,ParameterValue=Value</c>.
/// </summary>
public static class ParameterOverrides
{
    public static bool TryParse(IEnumerable<string> items, out Dictionary<string, string> values, out string? error)
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        error = null;
        foreach (var item in items)
        {
            const string samCliKey = "ParameterKey=";
            const string samCliValue = ",ParameterValue=";
            if (item.StartsWith(samCliKey, StringComparison.Ordinal) && item.Contains(samCliValue, StringComparison.Ordinal))
            {
                int v = item.IndexOf(samCliValue, StringComparison.Ordinal);
                values[item[samCliKey.Length..v]] = item[(v + samCliValue.Length)..];
                continue;
            }

            int eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                error = $"parameter override '{item}' is not of the form Key=Value";
                return false;
            }

            values[item[..eq]] = item[(eq + 1)..];
        }

        return true;
    }
}
