using SamPerms.Iam;
using SamPerms.Model;

namespace SamPerms.Permissions.Effective;

/// <summary>How a resource policy statement's Principal takes in a caller.</summary>
public enum PrincipalFit
{
    /// <summary>It does not name the caller.</summary>
    None,

    /// <summary>It names a value known only at deploy: it may be the caller.</summary>
    Maybe,

    /// <summary>It names the caller's account (its root or id): for an Allow, the account's IAM policies decide.</summary>
    Account,

    /// <summary>It names the caller itself, or everyone ("*").</summary>
    Named,
}

/// <summary>Who asks: a role of the template (its ARN spellings) or an AWS service principal.</summary>
public sealed record Caller(IReadOnlyList<string> Arns, string? Service)
{
    public static Caller Role(string roleId, StaticValues values) =>
        new([values.Render(N.GetAtt(roleId, "Arn")).Text, values.CanonicalArn(roleId) ?? "", "${" + roleId + ".Arn}"], null);

    public static Caller OfService(string service) => new([], service);
}

/// <summary>
/// Reads a Principal (or NotPrincipal) element as IAM matches it against one caller (IAM User Guide, "AWS JSON
/// policy elements: Principal"): "*" and {"AWS": "*"} name everyone; an account root ARN or a bare account id
/// names the account (here only the template's own, ${AWS::AccountId}); a role ARN names that role; a service
/// principal names that service. A NotPrincipal takes in everyone it does not list.
/// </summary>
public static class PrincipalMatch
{
    public static PrincipalFit Of(Statement st, Caller caller, StaticValues values)
    {
        if (st.Principal is null)
        {
            return PrincipalFit.None;
        }

        var fit = Fit(st.Principal, caller, values);
        return !st.NotPrincipal ? fit : fit switch
        {
            PrincipalFit.None => PrincipalFit.Named,
            PrincipalFit.Maybe => PrincipalFit.Maybe,
            _ => PrincipalFit.None,
        };
    }

    /// <summary>"arn:aws:iam::${AWS::AccountId}:root", or the bare account id of the template.</summary>
    public static bool IsAccountRoot(string principal) =>
        principal.EndsWith(":root", StringComparison.Ordinal) && principal.Contains("${AWS::AccountId}", StringComparison.Ordinal)
        || principal == "${AWS::AccountId}";

    private static PrincipalFit Fit(Node principal, Caller caller, StaticValues values)
    {
        if (principal is not MapNode m || Intrinsics.IsIntrinsic(m))
        {
            var text = values.Render(principal);
            return text.Text == "*" ? PrincipalFit.Named : text.Exact ? PrincipalFit.None : PrincipalFit.Maybe;
        }

        var best = PrincipalFit.None;
        foreach (var entry in m.Entries)
        {
            foreach (var v in StatementReader.Values(entry.Value, values, canonical: false))
            {
                var f = entry.Key switch
                {
                    "AWS" => Aws(v, caller, values),
                    "Service" => caller.Service is { } s && (string.Equals(v.Text, s, StringComparison.OrdinalIgnoreCase) || v.Text == "*") ? PrincipalFit.Named
                        : caller.Service is not null && !v.Exact ? PrincipalFit.Maybe : PrincipalFit.None,
                    _ => PrincipalFit.None,
                };
                best = f > best ? f : best;
            }
        }

        return best;
    }

    private static PrincipalFit Aws(PolicyValue v, Caller caller, StaticValues values)
    {
        if (v.Text == "*")
        {
            return PrincipalFit.Named;
        }

        if (caller.Service is not null)
        {
            return PrincipalFit.None;
        }

        if (IsAccountRoot(v.Text))
        {
            return PrincipalFit.Account;
        }

        var canonical = values.Canonical(v.Text);
        if (caller.Arns.Any(a => a.Length > 0 && (a == v.Text || a == canonical)))
        {
            return PrincipalFit.Named;
        }

        // A value not known before deploy may name the role; a written ARN of something else does not.
        return v.Exact || !v.Text.Contains("${", StringComparison.Ordinal) ? PrincipalFit.None
            : SymbolicPattern.Symbols(v.Text).All(s => s.StartsWith("AWS::", StringComparison.Ordinal) || values.ResourceType(s.Split('.')[0]) is not null) ? PrincipalFit.None
            : PrincipalFit.Maybe;
    }
}
