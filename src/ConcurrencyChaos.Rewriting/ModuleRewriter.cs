using Mono.Cecil;
using Mono.Cecil.Cil;

namespace ConcurrencyChaos.Rewriting;

/// <summary>
/// Rewrites the method bodies of one module: every <c>call</c>, <c>callvirt</c> or <c>newobj</c> of a redirected
/// member becomes a <c>call</c> of its shim, which takes the same arguments (the receiver first) and returns the
/// same type, so the stack, the awaiter patterns the compiler emits and the async state machines are unchanged.
/// A static member used as a method group (<c>ldftn</c>) points at its shim instead. A call under a
/// <c>constrained.</c> prefix (a generic receiver) and an instance member used as a method group are left alone.
/// </summary>
internal sealed class ModuleRewriter(ModuleDefinition module, ShimMap shims)
{
    private readonly Dictionary<MethodDefinition, MethodReference> _imported = [];

    /// <summary>Rewrites every body; returns how many call sites now go through a shim.</summary>
    public int Rewrite()
    {
        var count = 0;
        foreach (var type in module.GetTypes())
        {
            foreach (var method in type.Methods)
            {
                if (method.HasBody)
                {
                    count += Rewrite(method.Body);
                }
            }
        }

        return count;
    }

    private int Rewrite(MethodBody body)
    {
        var count = 0;
        foreach (var instruction in body.Instructions)
        {
            if (instruction.OpCode.Code == Code.Ldftn
                && instruction.Operand is MethodReference group
                && !group.HasThis
                && shims.Find(group) is { } groupShim)
            {
                // A static member as a method group (Select(Task.Delay)): its shim has the same signature, so the
                // delegate points at the shim instead.
                instruction.Operand = Instantiate(Import(groupShim), group);
                count++;
                continue;
            }

            if (instruction.OpCode.Code is not (Code.Call or Code.Callvirt or Code.Newobj)
                || instruction.Operand is not MethodReference called
                || instruction.Previous?.OpCode.Code == Code.Constrained
                || shims.Find(called) is not { } shim)
            {
                continue;
            }

            instruction.OpCode = OpCodes.Call;
            instruction.Operand = Instantiate(Import(shim), called);
            count++;
        }

        return count;
    }

    private MethodReference Import(MethodDefinition shim)
    {
        if (!_imported.TryGetValue(shim, out var imported))
        {
            imported = module.ImportReference(shim);
            _imported[shim] = imported;
        }

        return imported;
    }

    /// <summary>The shim's generic parameters are the type's arguments of the call, then the method's own.</summary>
    private static MethodReference Instantiate(MethodReference shim, MethodReference called)
    {
        if (!shim.HasGenericParameters)
        {
            return shim;
        }

        var instance = new GenericInstanceMethod(shim);
        if (called.DeclaringType is GenericInstanceType type)
        {
            foreach (var argument in type.GenericArguments)
            {
                instance.GenericArguments.Add(argument);
            }
        }

        if (called is GenericInstanceMethod method)
        {
            foreach (var argument in method.GenericArguments)
            {
                instance.GenericArguments.Add(argument);
            }
        }

        return instance;
    }
}
