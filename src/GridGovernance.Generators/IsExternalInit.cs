// netstandard2.0 lacks the type the compiler needs for init accessors and records; defining it here is the
// documented way to use records on older targets.
namespace System.Runtime.CompilerServices;

internal static class IsExternalInit
{
}
