using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace GridGovernance;

/// <summary>
/// The one place argument and state checks live. Every message is one plain sentence naming the parameter.
/// </summary>
internal static class Preconditions
{
    internal static T CheckNotNull<T>([NotNull] T? argument, [CallerArgumentExpression(nameof(argument))] string paramName = "")
        where T : class
    {
        if (argument is null)
        {
            throw new ArgumentNullException(paramName);
        }
        return argument;
    }

    internal static string CheckNotBlank([NotNull] string? argument, [CallerArgumentExpression(nameof(argument))] string paramName = "")
    {
        if (argument is null)
        {
            throw new ArgumentNullException(paramName);
        }
        if (string.IsNullOrWhiteSpace(argument))
        {
            throw new ArgumentException($"{paramName} must not be empty or white space.", paramName);
        }
        return argument;
    }

    internal static void CheckArgumentRange(string paramName, long value, long minInclusive, long maxInclusive)
    {
        if (value < minInclusive || value > maxInclusive)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be between {minInclusive} and {maxInclusive} inclusive; it was {value}.");
        }
    }

    internal static void CheckArgumentRange(string paramName, double value, double minInclusive, double maxInclusive)
    {
        if (!(value >= minInclusive && value <= maxInclusive))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be between {minInclusive} and {maxInclusive} inclusive; it was {value}.");
        }
    }

    internal static void CheckArgument([DoesNotReturnIf(false)] bool expression, string paramName, string message)
    {
        if (!expression)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    internal static void CheckState([DoesNotReturnIf(false)] bool expression, string code, string message)
    {
        if (!expression)
        {
            throw new GridGovernanceException(code, message);
        }
    }

    /// <summary>
    /// An <see cref="ArgumentException"/> naming a parameter of the public method the user called, thrown from a helper
    /// that checks that parameter's contents (so the helper's own parameter names would mislead).
    /// </summary>
    internal static ArgumentException InvalidArgument(string message, string paramName) => new(message, paramName);
}
