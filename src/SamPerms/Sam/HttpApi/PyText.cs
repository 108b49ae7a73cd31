namespace SamPerms.Sam.HttpApi;

/// <summary>Python str methods the API v2 logical ids are built with.</summary>
internal static class PyText
{
    /// <summary>str.isalnum(): non-empty and every character a letter or a number.</summary>
    public static bool IsAlnum(string s) => s.Length > 0 && s.All(c => char.IsLetter(c) || char.IsNumber(c));

    /// <summary>str.capitalize(): the first character upper case, the rest lower case.</summary>
    public static string Capitalize(string s) =>
        s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant();
}
