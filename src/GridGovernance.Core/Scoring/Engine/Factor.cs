namespace GridGovernance.Scoring.Engine;

/// <summary>
/// A multiplier applied as <see cref="Points.Multiply"/> does (to whole units, half away from zero), with integer
/// arithmetic when the factor is a short decimal (1.4, 1.2, 0.5) and the product fits: the same result, without
/// a decimal multiplication for every member.
/// </summary>
internal readonly struct Factor
{
    private readonly decimal value;
    private readonly long mantissa;
    private readonly long divisor;

    internal Factor(decimal value)
    {
        this.value = value;
        int scale = value.Scale;
        decimal whole = value * Pow10(scale);
        if (scale <= 9 && whole == decimal.Truncate(whole) && Math.Abs(whole) <= int.MaxValue)
        {
            mantissa = (long)whole;
            divisor = (long)Pow10(scale);
        }
    }

    private static decimal Pow10(int scale)
    {
        decimal power = 1m;
        for (int i = 0; i < scale; i++)
        {
            power *= 10m;
        }
        return power;
    }

    internal long Apply(long units)
    {
        if (divisor == 0 || units == long.MinValue || Math.Abs(units) > long.MaxValue / Math.Max(1, Math.Abs(mantissa)))
        {
            return Points.FromUnits(units).Multiply(value).Units;
        }
        if (divisor == 1)
        {
            return units * mantissa;
        }
        long product = units * mantissa;
        long quotient = Math.DivRem(product, divisor, out long remainder);
        if (Math.Abs(remainder) * 2 >= divisor)
        {
            quotient += Math.Sign(product);
        }
        return quotient;
    }
}
