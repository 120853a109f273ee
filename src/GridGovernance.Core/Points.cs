using System.Globalization;

namespace GridGovernance;

/// <summary>
/// An exact amount of points (积分): a decimal with at most four places (0.5, 1.25 and 0.625 occur in real sheets),
/// held as a whole number of ten-thousandths so that sums over millions of ledger entries are exact and fast.
/// No floating point is involved anywhere.
/// </summary>
/// <remarks>
/// In JSON (System.Text.Json, no options needed) an amount is an exact JSON number, <c>1.25</c> or <c>-20</c>; a string
/// holding such a number (<c>"1.25"</c>) is read too. More than four decimal places, exponents and anything else are
/// refused with a <see cref="System.Text.Json.JsonException"/>: the amount is never read through a double.
/// <para>
/// As text (<see cref="IParsable{TSelf}"/>, <see cref="ISpanParsable{TSelf}"/>, <see cref="ISpanFormattable"/>) an amount is
/// its invariant decimal, <c>1.25</c>, whatever the culture: ASP.NET Core binds it from a route or query value
/// (<c>?min=0.5</c>), and an amount that is not exact to 0.0001 does not bind.
/// </para>
/// </remarks>
[Immutable]
[System.Text.Json.Serialization.JsonConverter(typeof(JsonConverter))]
public readonly struct Points : IEquatable<Points>, IComparable<Points>, IComparable, ISpanFormattable, ISpanParsable<Points>
{
    /// <summary>How many units make one point.</summary>
    public const long UnitsPerPoint = 10_000;

    private Points(long units)
    {
        Units = units;
    }

    /// <summary>No points.</summary>
    public static Points Zero => default;

    /// <summary>The amount in ten-thousandths of a point.</summary>
    public long Units { get; }

    /// <summary>Whether the amount is above zero.</summary>
    public bool IsPositive => Units > 0;

    /// <summary>Whether the amount is below zero.</summary>
    public bool IsNegative => Units < 0;

    /// <summary>Makes an amount from a decimal with at most four places.</summary>
    /// <param name="value">The points, e.g. <c>1.25m</c>.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="value"/> has more than four decimal places or is too large.</exception>
    public static Points From(decimal value)
    {
        if (value is > long.MaxValue / 2 / UnitsPerPoint or < long.MinValue / 2 / UnitsPerPoint)
        {
            throw Preconditions.InvalidInput(nameof(value), ErrorCodes.ArithmeticOverflow,
                string.Create(CultureInfo.InvariantCulture, $"value ({value}) is too large for points."));
        }
        decimal scaled = value * UnitsPerPoint;
        if (scaled != decimal.Truncate(scaled))
        {
            throw Preconditions.InvalidInput(nameof(value), ErrorCodes.InvalidValue,
                string.Create(CultureInfo.InvariantCulture, $"value ({value}) has more than four decimal places; points are exact to 0.0001."));
        }
        return new Points((long)scaled);
    }

    /// <summary>Makes an amount from whole points.</summary>
    /// <param name="value">The points.</param>
    public static Points From(int value) => new(value * UnitsPerPoint);

    /// <summary>Makes an amount from ten-thousandths of a point (for stores and engines).</summary>
    /// <param name="units">The amount in units.</param>
    public static Points FromUnits(long units) => new(units);

    /// <summary>Parses an invariant decimal such as <c>"-0.5"</c> (no thousands separators: <c>"1,5"</c> is refused, not read as 15).</summary>
    /// <param name="text">The text.</param>
    /// <exception cref="FormatException">The text is not a decimal.</exception>
    /// <exception cref="GridGovernanceValidationException">It has more than four decimal places.</exception>
    public static Points Parse(string text) =>
        From(decimal.Parse(Preconditions.CheckNotNull(text), NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));

    // Explicit: a public Parse(string, IFormatProvider) beside Parse(string) would make every Parse(string) call a
    // CA1305 warning, though points never depend on the culture.
    /// <summary>Parses an invariant decimal such as <c>"-0.5"</c>, whatever the culture (<see cref="IParsable{TSelf}"/>).</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: points are always invariant.</param>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a decimal exact to 0.0001 within range.</exception>
    static Points IParsable<Points>.Parse(string s, IFormatProvider? provider) =>
        Parse(Preconditions.CheckNotNull(s).AsSpan(), provider);

    /// <summary>Parses an invariant decimal such as <c>"-0.5"</c>, whatever the culture.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: points are always invariant.</param>
    /// <exception cref="FormatException">The text is not a decimal exact to 0.0001 within range.</exception>
    public static Points Parse(ReadOnlySpan<char> s, IFormatProvider? provider) =>
        TryParse(s, provider, out var value)
            ? value
            : throw new FormatException($"'{CodeText.Shown(s.ToString())}' is not an amount of points: an invariant decimal exact to 0.0001, such as 1.25 or -20.");

    /// <summary>Reads an invariant decimal exact to 0.0001 (<c>"1.25"</c>, <c>" -20 "</c>); no separators, no exponent. ASP.NET Core binds route and query values through it.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored: points are always invariant.</param>
    /// <param name="result">The amount, or <see cref="Zero"/>.</param>
    /// <returns>Whether the text is such an amount.</returns>
    public static bool TryParse([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? s, IFormatProvider? provider, out Points result)
    {
        if (s is null)
        {
            result = Zero;
            return false;
        }
        return TryParse(s.AsSpan(), provider, out result);
    }

    /// <inheritdoc cref="TryParse(string, IFormatProvider, out Points)"/>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Points result)
    {
        result = Zero;
        if (!decimal.TryParse(s, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || value is > long.MaxValue / 2 / UnitsPerPoint or < long.MinValue / 2 / UnitsPerPoint)
        {
            return false;
        }
        decimal scaled = value * UnitsPerPoint;
        if (scaled != decimal.Truncate(scaled))
        {
            return false;
        }
        result = new Points((long)scaled);
        return true;
    }

    /// <summary>The amount as a decimal.</summary>
    public decimal ToDecimal() => (decimal)Units / UnitsPerPoint;

    /// <summary>
    /// Multiplies by a factor (a role multiplier such as 1.4, a conduct factor such as 0.5), rounding half away
    /// from zero to four places.
    /// </summary>
    /// <param name="factor">The factor.</param>
    public Points Multiply(decimal factor)
    {
        if (factor == 1m)
        {
            return this;
        }
        try
        {
            return new Points((long)decimal.Round(Units * factor, 0, MidpointRounding.AwayFromZero));
        }
        catch (OverflowException ex)
        {
            throw new GridGovernanceException(ErrorCodes.ArithmeticOverflow, $"{this} × {factor} does not fit Points.", ex);
        }
    }

    /// <summary>The smaller of two amounts.</summary>
    /// <param name="left">One amount.</param>
    /// <param name="right">The other.</param>
    public static Points Min(Points left, Points right) => left.Units <= right.Units ? left : right;

    /// <summary>The larger of two amounts.</summary>
    /// <param name="left">One amount.</param>
    /// <param name="right">The other.</param>
    public static Points Max(Points left, Points right) => left.Units >= right.Units ? left : right;

    /// <summary>Adds two amounts.</summary>
    /// <exception cref="GridGovernanceException">The sum does not fit (code <c>value.overflow</c>).</exception>
    public static Points operator +(Points left, Points right)
    {
        long sum = unchecked(left.Units + right.Units);
        // Overflow when both operands have the same sign and the result's sign differs.
        return ((left.Units ^ sum) & (right.Units ^ sum)) < 0 ? throw Overflow(left, "+", right) : new(sum);
    }

    /// <summary>Subtracts an amount.</summary>
    /// <exception cref="GridGovernanceException">The difference does not fit (code <c>value.overflow</c>).</exception>
    public static Points operator -(Points left, Points right)
    {
        long difference = unchecked(left.Units - right.Units);
        return ((left.Units ^ right.Units) & (left.Units ^ difference)) < 0 ? throw Overflow(left, "-", right) : new(difference);
    }

    /// <summary>Negates an amount.</summary>
    /// <exception cref="GridGovernanceException">The amount is the smallest there is, whose negation does not fit (code <c>value.overflow</c>).</exception>
    public static Points operator -(Points value) =>
        value.Units == long.MinValue
            ? throw new GridGovernanceException(ErrorCodes.ArithmeticOverflow, $"-({value.Units} units) does not fit Points.", new OverflowException())
            : new(-value.Units);

    private static GridGovernanceException Overflow(Points left, string op, Points right) =>
        new(ErrorCodes.ArithmeticOverflow, $"{left.Units} units {op} {right.Units} units does not fit Points.", new OverflowException());

    /// <summary>Compares two amounts.</summary>
    public static bool operator ==(Points left, Points right) => left.Units == right.Units;

    /// <summary>Compares two amounts.</summary>
    public static bool operator !=(Points left, Points right) => left.Units != right.Units;

    /// <summary>Compares two amounts.</summary>
    public static bool operator <(Points left, Points right) => left.Units < right.Units;

    /// <summary>Compares two amounts.</summary>
    public static bool operator >(Points left, Points right) => left.Units > right.Units;

    /// <summary>Compares two amounts.</summary>
    public static bool operator <=(Points left, Points right) => left.Units <= right.Units;

    /// <summary>Compares two amounts.</summary>
    public static bool operator >=(Points left, Points right) => left.Units >= right.Units;

    /// <inheritdoc />
    public bool Equals(Points other) => Units == other.Units;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Points other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Units.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(Points other) => Units.CompareTo(other.Units);

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        Points other => CompareTo(other),
        _ => throw new ArgumentException($"Cannot compare Points with a {obj.GetType().Name}.", nameof(obj)),
    };

    /// <summary>The amount as an invariant decimal with no trailing zeros, e.g. <c>1.25</c> or <c>-20</c>.</summary>
    public override string ToString() => ToDecimal().ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>The amount as <see cref="ToString()"/> writes it: points are always invariant.</summary>
    /// <param name="format"><see langword="null"/>, <c>""</c> or <c>"G"</c>.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <exception cref="FormatException">Another format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        CheckFormat(format);
        return ToString();
    }

    /// <inheritdoc cref="ToString(string, IFormatProvider)"/>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">How many characters were written.</param>
    /// <param name="format"><c>""</c> or <c>"G"</c>.</param>
    /// <param name="provider">Ignored.</param>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        CheckFormat(format);
        return ToDecimal().TryFormat(destination, out charsWritten, "0.####", CultureInfo.InvariantCulture);
    }

    private static void CheckFormat(ReadOnlySpan<char> format)
    {
        if (!format.IsEmpty && !format.SequenceEqual("G"))
        {
            throw new FormatException($"Points have one text form (format \"G\"); '{CodeText.Shown(format.ToString())}' is not a format of Points.");
        }
    }

    /// <summary>Reads and writes <see cref="Points"/> as an exact JSON number (see the remarks on <see cref="Points"/>).</summary>
    [Immutable]
    public sealed class JsonConverter : System.Text.Json.Serialization.JsonConverter<Points>
    {
        /// <inheritdoc />
        public override Points Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options)
        {
            string? text = reader.TokenType switch
            {
                System.Text.Json.JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
                System.Text.Json.JsonTokenType.String => reader.GetString(),
                _ => throw new System.Text.Json.JsonException($"Points are a JSON number such as 1.25 (or a string holding one), not {reader.TokenType}."),
            };
            return ReadText(text);
        }

        /// <inheritdoc />
        public override void Write(System.Text.Json.Utf8JsonWriter writer, Points value, System.Text.Json.JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteRawValue(value.ToString(), skipInputValidation: true);
        }

        private static Points ReadText(string? text)
        {
            // Digits, one optional sign and one optional point only: no exponent, no separators, no spaces.
            if (string.IsNullOrEmpty(text) || text.Length > 40 || !IsPlainDecimal(text)
                || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                throw new System.Text.Json.JsonException($"Points are a plain decimal such as 1.25 or -20 (no exponent, at most four decimal places); '{Shown(text)}' is not one.");
            }
            try
            {
                return From(value);
            }
            catch (GridGovernanceValidationException e)
            {
                throw new System.Text.Json.JsonException($"Points are exact to 0.0001 and at most {long.MaxValue / 2 / UnitsPerPoint} in size; '{Shown(text)}' is not.", e);
            }
        }

        private static bool IsPlainDecimal(string text)
        {
            int start = text[0] is '-' or '+' ? 1 : 0;
            bool digits = false, point = false;
            for (int i = start; i < text.Length; i++)
            {
                char c = text[i];
                if (c is >= '0' and <= '9')
                {
                    digits = true;
                }
                else if (c == '.' && !point)
                {
                    point = true;
                }
                else
                {
                    return false;
                }
            }
            return digits;
        }

        private static string Shown(string? text) => text is null ? "null" : CodeText.Shown(text);
    }
}
