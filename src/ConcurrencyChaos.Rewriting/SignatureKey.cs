using System.Text;
using Mono.Cecil;

namespace ConcurrencyChaos.Rewriting;

/// <summary>
/// The key that matches a call site to its shim: the redirected member's declaring type and name, then its
/// parameter types (for an instance member the receiver first), written without assemblies and with generic
/// parameters numbered as the shim numbers them: the type's as <c>T0, T1…</c>, the method's own as <c>M0…</c>.
/// </summary>
internal static class SignatureKey
{
    /// <summary>The key of a shim redirecting <paramref name="member"/> of <paramref name="typeName"/> (of <paramref name="typeArity"/> generic parameters).</summary>
    public static string OfShim(string typeName, string member, MethodDefinition shim, int typeArity)
    {
        var key = new StringBuilder(typeName).Append("::").Append(member).Append('(');
        foreach (var parameter in shim.Parameters)
        {
            Append(key, parameter.ParameterType, typeArity, shim: true).Append(',');
        }

        return key.Append(')').ToString();
    }

    /// <summary>The keys a call of <paramref name="called"/> may have (an instance member's receiver by value or by reference).</summary>
    public static IEnumerable<string> OfCall(MethodReference called, string typeName)
    {
        var method = called is GenericInstanceMethod instance ? instance.ElementMethod : called;
        var parameters = new StringBuilder();
        foreach (var parameter in method.Parameters)
        {
            Append(parameters, parameter.ParameterType, 0, shim: false).Append(',');
        }

        var prefix = $"{typeName}::{method.Name}(";
        if (!method.HasThis || method.Name == ".ctor")
        {
            yield return $"{prefix}{parameters})";
            yield break;
        }

        var receiver = new StringBuilder(typeName);
        var tick = typeName.LastIndexOf('`');
        var arity = tick < 0 ? 0 : int.Parse(typeName.AsSpan(tick + 1), System.Globalization.CultureInfo.InvariantCulture);
        if (arity > 0)
        {
            receiver.Append('<').AppendJoin(',', Enumerable.Range(0, arity).Select(i => $"T{i}")).Append('>');
        }

        yield return $"{prefix}{receiver},{parameters})";
        yield return $"{prefix}{receiver}&,{parameters})";
    }

    private static StringBuilder Append(StringBuilder key, TypeReference type, int typeArity, bool shim)
    {
        switch (type)
        {
            case GenericParameter parameter when parameter.Type == GenericParameterType.Type:
                return key.Append('T').Append(parameter.Position);
            case GenericParameter parameter:
                return shim && parameter.Position < typeArity
                    ? key.Append('T').Append(parameter.Position)
                    : key.Append('M').Append(parameter.Position - (shim ? typeArity : 0));
            case ByReferenceType byReference:
                return Append(key, byReference.ElementType, typeArity, shim).Append('&');
            case PointerType pointer:
                return Append(key, pointer.ElementType, typeArity, shim).Append('*');
            case ArrayType array:
                return Append(key, array.ElementType, typeArity, shim).Append("[]");
            case IModifierType modified:
                return Append(key, modified.ElementType, typeArity, shim);
            case GenericInstanceType generic:
                Append(key, generic.ElementType, typeArity, shim).Append('<');
                for (var i = 0; i < generic.GenericArguments.Count; i++)
                {
                    Append(key.Append(i == 0 ? "" : ","), generic.GenericArguments[i], typeArity, shim);
                }

                return key.Append('>');
            default:
                return key.Append(type.FullName);
        }
    }
}
