namespace SamPerms.Sam.Core;

/// <summary>
/// Whether the template was converted to Python 2.7 types (it has an API): then SAM logical ids are unicode
/// strings, which shows in the API definitions the deployment hash is computed from.
/// </summary>
public sealed class Py27State
{
    public bool Active { get; set; }
}
