namespace SamPerms.Iam;

/// <summary>
/// The statements of a policy set an evaluation needs for one request (an action and a resource, each a pattern or
/// not), in their order in the set: a whole list (<see cref="StatementList"/>), or an index that leaves out those
/// that cannot apply (<see cref="StatementIndex"/>). Leaving them out never changes an answer: they neither cover nor
/// touch the request.
/// </summary>
public interface IStatementLookup
{
    /// <summary>The statements that may apply to some of the request (those an Allow or Deny may touch).</summary>
    IReadOnlyList<Statement> Touching(string action, string resource);

    /// <summary>The statements that may apply to all of the request (those that may cover it).</summary>
    IReadOnlyList<Statement> Covering(string action, string resource);
}

/// <summary>Every statement of a list, for any request.</summary>
public sealed class StatementList(IReadOnlyList<Statement> statements) : IStatementLookup
{
    public IReadOnlyList<Statement> Touching(string action, string resource) => statements;

    public IReadOnlyList<Statement> Covering(string action, string resource) => statements;
}
