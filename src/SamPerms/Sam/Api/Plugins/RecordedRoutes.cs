using SamPerms.Model;

namespace SamPerms.Sam.Api.Plugins;

/// <summary>
/// The routes of one API recorded from its events, in the order first met, each path with its methods and their
/// owners' conditions; a path is found by name (an API of thousands of paths records and reads each in one step).
/// </summary>
public sealed class RecordedRoutes
{
    private readonly Dictionary<string, List<(string Method, Node? Condition)>> _byPath = new(StringComparer.Ordinal);

    /// <summary>Every path in the order first recorded, with its methods.</summary>
    public List<(string Path, List<(string Method, Node? Condition)> Methods)> InOrder { get; } = [];

    public int Count => InOrder.Count;

    /// <summary>The methods recorded for <paramref name="path"/>, or null.</summary>
    public List<(string Method, Node? Condition)>? MethodsOf(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>Records <paramref name="method"/> of <paramref name="path"/> with its owner's condition (a method recorded again keeps its place).</summary>
    public void Record(string path, string method, Node? condition)
    {
        if (!_byPath.TryGetValue(path, out var methods))
        {
            methods = [];
            _byPath[path] = methods;
            InOrder.Add((path, methods));
        }

        int i = methods.FindIndex(m => m.Method == method);
        if (i >= 0)
        {
            methods[i] = (method, condition);
        }
        else
        {
            methods.Add((method, condition));
        }
    }
}
