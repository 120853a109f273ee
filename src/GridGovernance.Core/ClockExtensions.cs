using NodaTime;

namespace GridGovernance;

/// <summary>The one reckoning of "today" that every service shares, so no two of them disagree at midnight.</summary>
internal static class ClockExtensions
{
    /// <summary>Today's date in <paramref name="zone"/>.</summary>
    internal static LocalDate Today(this IClock clock, DateTimeZone zone) => clock.GetCurrentInstant().InZone(zone).Date;
}
