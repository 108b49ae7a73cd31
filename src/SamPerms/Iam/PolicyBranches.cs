using SamPerms.Model;

namespace SamPerms.Iam;

/// <summary>
/// The branches <see cref="StatementReader.Branches"/> found: one value (no Fn::If) held as it is, or the list of
/// an Fn::If's branches. A <c>foreach</c> over it allocates nothing.
/// </summary>
public readonly struct PolicyBranches
{
    private readonly (Node Value, string? Conditional) _single;
    private readonly List<(Node Value, string? Conditional)>? _many;

    internal PolicyBranches((Node Value, string? Conditional) single, List<(Node Value, string? Conditional)>? many)
    {
        _single = single;
        _many = many;
    }

    public Enumerator GetEnumerator() => new(_single, _many);

    public struct Enumerator((Node Value, string? Conditional) single, List<(Node Value, string? Conditional)>? many)
    {
        private int _next;

        public (Node Value, string? Conditional) Current { get; private set; }

        public bool MoveNext()
        {
            if (many is null)
            {
                Current = single;
                return _next++ == 0;
            }

            if (_next < many.Count)
            {
                Current = many[_next++];
                return true;
            }

            return false;
        }
    }
}
