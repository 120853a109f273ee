namespace GridGovernance;

// Input policy codes (issue 14): what every validator reports for hostile or careless input; see InputPolicy.
public static partial class ErrorCodes
{
    /// <summary>A text is longer than its field allows (see <see cref="InputPolicy"/> for each field's limit).</summary>
    public const string TextTooLong = "input.text-too-long";
    /// <summary>
    /// A text holds a character the input policy refuses: NUL or another control character, a bidi control
    /// (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), a zero-width character (U+200B–U+200D, U+2060, U+FEFF)
    /// or an unpaired surrogate.
    /// </summary>
    public const string ForbiddenCharacter = "input.forbidden-character";
    /// <summary>An enum field holds a value its type does not define, e.g. <c>(MemberKind)99</c>.</summary>
    public const string UndefinedEnum = "input.undefined-enum";
    /// <summary>A number lies outside the range its field documents (a multiplier, a cap, a capacity, a claimant count...).</summary>
    public const string OutOfRange = "input.out-of-range";
    /// <summary>A required location is missing or <see cref="GeoPoint.Unknown"/>.</summary>
    public const string LocationRequired = "input.location-required";
    /// <summary>An arithmetic result does not fit its type (points beyond the range of <see cref="Points"/>, a total of credits).</summary>
    public const string ArithmeticOverflow = "value.overflow";
    /// <summary>A date range is outside what the library can count over (e.g. a board asked for <c>LocalDate.MinIsoValue</c>).</summary>
    public const string DateOutOfRange = "value.date-out-of-range";
    /// <summary>A range's end lies before its start, e.g. a board or report asked for <c>from</c> after <c>to</c>.</summary>
    public const string ReversedRange = "input.reversed-range";
    /// <summary>
    /// A lookup names a key the value does not hold: a member not in a ranking, a code not in a rule book, a unit not in
    /// a hierarchy index (indexers throw <see cref="System.Collections.Generic.KeyNotFoundException"/> beside their Try- method instead).
    /// </summary>
    public const string UnknownKey = "input.unknown-key";
    /// <summary>A list that must hold each key once holds one twice (a member on a roster, a unit in a ranking).</summary>
    public const string DuplicateInput = "input.duplicate";
}
