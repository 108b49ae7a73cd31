using SamPerms.Iam;

namespace SamPerms.Permissions.Trust;

/// <summary>
/// One principal a role's trust policy (AssumeRolePolicyDocument) names, read from one statement: its type as IAM
/// writes it (Service, AWS, Federated, CanonicalUser), its value, and the statement it comes from (effect, sts
/// actions, IAM condition such as aws:SourceArn or sts:ExternalId, template condition). Principal "*" is
/// AWS "*": any principal of any account.
/// </summary>
public sealed record TrustedPrincipal(string Type, string Value, Statement Statement, Source Source)
{
    public string Effect => Statement.Effect;

    public bool IsAllow => Statement.IsAllow;

    public IReadOnlyList<string> Actions => Statement.Actions;

    /// <summary>Written as NotPrincipal: every principal except this one.</summary>
    public bool Except => Statement.NotPrincipal;

    /// <summary>Any principal of any AWS account ("*" or {AWS: "*"}).</summary>
    public bool Everyone => Type == "AWS" && Value == "*";

    /// <summary>"Service: lambda.amazonaws.com", "AWS: arn:aws:iam::111122223333:root", as IAM writes it.</summary>
    public string Display => (Except ? "all except " : "") + $"{Type}: {Value}";

    /// <summary>The statement's IAM condition as every output shows conditions ("StringEquals sts:ExternalId=..."), or null.</summary>
    public string? ConditionText(StaticValues? values) => Statement.Condition is { } c ? IamConditionText.Render(c, values) : null;
}

/// <summary>
/// Who may assume one AWS::IAM::Role of the template (one SAM generates for a function or state machine, or one
/// written in the template): every principal of its trust policy, and the functions and state machines that run
/// with it. Built by <see cref="RoleTrustReader"/>; the one model of trust for every output and the baseline diff.
/// </summary>
public sealed record RoleTrust(string RoleId, Source Source, IReadOnlyList<string> UsedBy, IReadOnlyList<TrustedPrincipal> Principals)
{
    /// <summary>The template condition the role is created under, if any.</summary>
    public string? TemplateCondition { get; init; }

    /// <summary>The trust policy could not be read (missing, or not a document): who may assume it is not known here.</summary>
    public bool Unknown { get; init; }
}
