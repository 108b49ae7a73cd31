using System.Reflection;
using System.Reflection.Emit;

namespace SamPerms.Tests.Architecture;

/// <summary>
/// Every type a compiled type refers to: its base type and interfaces, its fields, properties and method
/// signatures, its attributes, the locals of its methods and each type, method and field token their IL uses
/// (calls, news, casts, typeof, field loads). Compiler-generated types (lambdas' closures, iterators, async
/// state machines) are nested in the type that wrote them, so their references count as their writer's.
/// </summary>
public static class TypeReferences
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>The outermost type that declares <paramref name="t"/> (itself when it is not nested).</summary>
    public static Type Outermost(Type t)
    {
        while (t.DeclaringType is { } d)
        {
            t = d;
        }

        return t;
    }

    /// <summary>Every (from, to) pair of outermost types of <paramref name="assembly"/> and the assemblies it names.</summary>
    public static IEnumerable<(Type From, Type To)> Of(Assembly assembly, Func<Type, bool> counts)
    {
        var pairs = new HashSet<(Type, Type)>();
        foreach (var type in assembly.GetTypes())
        {
            var from = Outermost(type);
            if (!counts(from))
            {
                continue;
            }

            foreach (var referenced in Referenced(type))
            {
                foreach (var leaf in Unwrap(referenced))
                {
                    var to = Outermost(leaf);
                    if (to != from && counts(to))
                    {
                        pairs.Add((from, to));
                    }
                }
            }
        }

        return pairs;
    }

    private static IEnumerable<Type> Unwrap(Type t)
    {
        if (t.HasElementType)
        {
            foreach (var e in Unwrap(t.GetElementType()!))
            {
                yield return e;
            }

            yield break;
        }

        if (t.IsGenericParameter)
        {
            yield break;
        }

        if (t.IsGenericType && !t.IsGenericTypeDefinition)
        {
            yield return t.GetGenericTypeDefinition();
            foreach (var a in t.GetGenericArguments())
            {
                foreach (var e in Unwrap(a))
                {
                    yield return e;
                }
            }

            yield break;
        }

        yield return t;
    }

    private static IEnumerable<Type> Referenced(Type type)
    {
        if (type.BaseType is { } b)
        {
            yield return b;
        }

        foreach (var i in type.GetInterfaces())
        {
            yield return i;
        }

        foreach (var a in type.CustomAttributes)
        {
            yield return a.AttributeType;
        }

        foreach (var f in type.GetFields(Declared))
        {
            yield return f.FieldType;
        }

        foreach (var p in type.GetProperties(Declared))
        {
            yield return p.PropertyType;
        }

        foreach (var m in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (m is MethodInfo mi)
            {
                yield return mi.ReturnType;
            }

            foreach (var p in m.GetParameters())
            {
                yield return p.ParameterType;
            }

            foreach (var t in InBody(m))
            {
                yield return t;
            }
        }
    }

    private static IEnumerable<Type> InBody(MethodBase method)
    {
        MethodBody? body;
        try
        {
            body = method.GetMethodBody();
        }
        catch (Exception e) when (e is BadImageFormatException or InvalidOperationException)
        {
            yield break;
        }

        if (body is null)
        {
            yield break;
        }

        foreach (var local in body.LocalVariables)
        {
            yield return local.LocalType;
        }

        var il = body.GetILAsByteArray() ?? [];
        var typeArgs = method.DeclaringType is { IsGenericType: true } dt ? dt.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (int pos = 0; pos < il.Length;)
        {
            short value = il[pos] == 0xFE ? (short)(0xFE00 | il[pos + 1]) : il[pos];
            pos += il[pos] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    pos += 1;
                    break;
                case OperandType.InlineVar:
                    pos += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    pos += 8;
                    break;
                case OperandType.InlineSwitch:
                    int n = BitConverter.ToInt32(il, pos);
                    pos += 4 + 4 * n;
                    break;
                case OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok:
                    int token = BitConverter.ToInt32(il, pos);
                    pos += 4;
                    foreach (var t in Resolve(method.Module, token, typeArgs, methodArgs))
                    {
                        yield return t;
                    }

                    break;
                default:
                    pos += 4;
                    break;
            }
        }
    }

    private static IEnumerable<Type> Resolve(Module module, int token, Type[]? typeArgs, Type[]? methodArgs)
    {
        MemberInfo? member;
        try
        {
            member = module.ResolveMember(token, typeArgs, methodArgs);
        }
        catch (Exception e) when (e is ArgumentException or BadImageFormatException or TypeLoadException or MissingMemberException)
        {
            yield break;
        }

        switch (member)
        {
            case Type t:
                yield return t;
                break;
            case FieldInfo f:
                yield return f.DeclaringType!;
                yield return f.FieldType;
                break;
            case MethodBase m:
                yield return m.DeclaringType!;
                if (m is MethodInfo mi)
                {
                    yield return mi.ReturnType;
                    if (mi.IsGenericMethod)
                    {
                        foreach (var a in mi.GetGenericArguments())
                        {
                            yield return a;
                        }
                    }
                }

                break;
        }
    }
}
