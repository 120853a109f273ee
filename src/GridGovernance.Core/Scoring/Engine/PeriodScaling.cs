namespace GridGovernance.Scoring.Engine;

/// <summary>
/// Fits an amount stated for a calendar period (a rule's <see cref="RuleItemVersion.Period"/> or
/// <see cref="ScoreCategory.Period"/>) to the period assessed: pro rata by whole months when the period assessed is
/// shorter, times the number of stated periods it holds when it is longer.
/// </summary>
/// <remarks>
/// The pro-rata share of months [a, b) of a stated period of n months is ⌊U·b/n⌋ − ⌊U·a/n⌋ in ten-thousandths of a
/// point: the shares of the sub-periods that tile a stated period add up to exactly U (a yearly grant of 20 is 5 a
/// quarter; twelve monthly shares of 20 are 1.6666 or 1.6667 and add up to 20).
/// </remarks>
internal static class PeriodScaling
{
    private static int Months(PeriodKind kind) => kind switch
    {
        PeriodKind.Year => 12,
        PeriodKind.Quarter => 3,
        PeriodKind.Month => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only calendar periods have months."),
    };

    /// <summary>Whether an amount stated for <paramref name="stated"/> applies to <paramref name="assessed"/> unchanged.</summary>
    internal static bool Unscaled(PeriodKind? stated, AssessmentPeriod assessed) =>
        stated is not PeriodKind s || assessed.Kind == PeriodKind.Custom || s == assessed.Kind;

    /// <summary>Whether the period assessed is longer than <paramref name="stated"/> (a monthly rule assessed over a quarter or a year).</summary>
    internal static bool AssessedLonger(PeriodKind? stated, AssessmentPeriod assessed) =>
        !Unscaled(stated, assessed) && Months(assessed.Kind) > Months(stated!.Value);

    /// <summary>The amount (ten-thousandths, either sign) stated for <paramref name="stated"/>, fitted to <paramref name="assessed"/>.</summary>
    internal static long Scale(long units, PeriodKind? stated, AssessmentPeriod assessed)
    {
        if (Unscaled(stated, assessed))
        {
            return units;
        }
        int n = Months(stated!.Value), a = Months(assessed.Kind);
        if (a >= n)
        {
            return checked(units * (a / n));
        }
        int from = (assessed.Start.Month - 1) % n;
        long magnitude = Math.Abs(units);
        long share = magnitude * (from + a) / n - magnitude * from / n;
        return units < 0 ? -share : share;
    }

    /// <summary>A cap stated for <paramref name="stated"/>, fitted to <paramref name="assessed"/>.</summary>
    internal static PointsCap? Scale(PointsCap? cap, PeriodKind? stated, AssessmentPeriod assessed) =>
        cap is null || Unscaled(stated, assessed) ? cap : cap with { Limit = Points.FromUnits(Scale(cap.Limit.Units, stated, assessed)) };

    /// <summary>A whole count stated for <paramref name="stated"/> (a threshold's expected occurrences), fitted to <paramref name="assessed"/>.</summary>
    internal static int Scale(int count, PeriodKind? stated, AssessmentPeriod assessed) =>
        (int)Math.Min(int.MaxValue, Scale((long)count, stated, assessed));
}
