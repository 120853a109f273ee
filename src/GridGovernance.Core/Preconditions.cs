using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace GridGovernance;

/// <summary>
/// The one place argument and state checks live. Every message is one plain sentence naming the parameter.
/// </summary>
/// <remarks>
/// A <c>null</c> is a programming error and gets <see cref="ArgumentNullException"/> (the .NET convention). Every other
/// refusal of an argument is bad input and gets a <see cref="GridGovernanceValidationException"/> with one problem naming
/// the parameter and a stable code (issue 14: no raw .NET exception from a public call with bad input).
/// </remarks>
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
            throw InvalidInput(paramName, ErrorCodes.InvalidValue, $"{paramName} must not be empty or white space.");
        }
        return argument;
    }

    /// <summary>Refuses a number outside its documented range (code <see cref="ErrorCodes.OutOfRange"/>, naming <paramref name="paramName"/>).</summary>
    internal static void CheckArgumentRange(string paramName, long value, long minInclusive, long maxInclusive)
    {
        if (value < minInclusive || value > maxInclusive)
        {
            throw InvalidInput(paramName, ErrorCodes.OutOfRange,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{paramName} must be between {minInclusive} and {maxInclusive} inclusive; it was {value}."));
        }
    }

    /// <summary>Refuses a number outside its documented range, or NaN (code <see cref="ErrorCodes.OutOfRange"/>).</summary>
    internal static void CheckArgumentRange(string paramName, double value, double minInclusive, double maxInclusive)
    {
        if (!(value >= minInclusive && value <= maxInclusive))
        {
            throw InvalidInput(paramName, ErrorCodes.OutOfRange,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{paramName} must be between {minInclusive} and {maxInclusive} inclusive; it was {value}."));
        }
    }

    /// <summary>Refuses an argument that breaks a rule (code <see cref="ErrorCodes.InvalidValue"/>, naming <paramref name="paramName"/>).</summary>
    internal static void CheckArgument([DoesNotReturnIf(false)] bool expression, string paramName, string message)
    {
        if (!expression)
        {
            throw InvalidInput(paramName, ErrorCodes.InvalidValue, message);
        }
    }

    /// <summary>Refuses an argument that breaks a rule with its own code (naming <paramref name="paramName"/>).</summary>
    internal static void CheckArgument([DoesNotReturnIf(false)] bool expression, string paramName, string code, string message)
    {
        if (!expression)
        {
            throw InvalidInput(paramName, code, message);
        }
    }

    /// <summary>
    /// Refuses a <c>default</c> id passed where a real one is needed: a <see cref="GridGovernanceValidationException"/>
    /// naming the parameter, code <see cref="ErrorCodes.InvalidValue"/> (bad input, not a programming error to crash on).
    /// </summary>
    internal static void CheckSpecified([DoesNotReturnIf(false)] bool specified, string paramName, string message)
    {
        if (!specified)
        {
            throw InvalidInput(paramName, ErrorCodes.InvalidValue, message);
        }
    }

    /// <summary>Refuses a date range whose end lies before its start (code <see cref="ErrorCodes.ReversedRange"/>, naming <paramref name="toName"/>).</summary>
    internal static void CheckDateRange(NodaTime.LocalDate from, NodaTime.LocalDate to, string toName = "to")
    {
        if (from > to)
        {
            throw InvalidInput(toName, ErrorCodes.ReversedRange,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{toName} ({to:yyyy-MM-dd}) must not be before from ({from:yyyy-MM-dd})."));
        }
    }

    /// <summary>A <see cref="GridGovernanceValidationException"/> with one problem naming a parameter of the public method the user called.</summary>
    internal static GridGovernanceValidationException InvalidInput(string paramName, string code, string message, Exception? innerException = null) =>
        new($"The argument '{paramName}'", [new ValidationProblem(paramName, null, code, message)], innerException);

    internal static void CheckState([DoesNotReturnIf(false)] bool expression, string code, string message)
    {
        if (!expression)
        {
            throw new GridGovernanceException(code, message);
        }
    }

    /// <summary>
    /// A <see cref="GridGovernanceValidationException"/> (code <see cref="ErrorCodes.InvalidValue"/>) naming a parameter of
    /// the public method the user called, thrown from a helper that checks that parameter's contents (so the helper's own
    /// parameter names would mislead).
    /// </summary>
    internal static GridGovernanceValidationException InvalidArgument(string message, string paramName) =>
        InvalidInput(paramName, ErrorCodes.InvalidValue, message);

    /// <summary>
    /// Refuses a lookup of a key the value does not hold, in a method that is not an indexer (an indexer throws
    /// <see cref="KeyNotFoundException"/> beside its Try- method): code <see cref="ErrorCodes.UnknownKey"/>.
    /// </summary>
    internal static GridGovernanceValidationException UnknownKey(string paramName, string message) =>
        InvalidInput(paramName, ErrorCodes.UnknownKey, message);
}
