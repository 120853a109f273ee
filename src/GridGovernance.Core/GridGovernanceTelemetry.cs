using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GridGovernance;

/// <summary>
/// The library's one meter and one activity source (docs/observability.md). They are static because the engines
/// (assessment, matching, contact planning) are static functions with no container to ask; with no listener, an
/// instrument's <c>Add</c> and <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> cost a check of a flag.
/// </summary>
internal static class GridGovernanceTelemetry
{
    public static readonly ActivitySource Source = new(GridGovernanceDiagnostics.ActivitySourceName, typeof(GridGovernanceTelemetry).Assembly.GetName().Version?.ToString());

    private static readonly Meter Meter = new(GridGovernanceDiagnostics.MeterName, typeof(GridGovernanceTelemetry).Assembly.GetName().Version?.ToString());

    public static readonly Counter<long> Declarations = Meter.CreateCounter<long>("gridgovernance.points.declarations", "{declaration}", "Declarations (申报) of points accepted for review.");
    public static readonly Counter<long> Approvals = Meter.CreateCounter<long>("gridgovernance.points.approvals", "{declaration}", "Declarations approved (审核通过).");
    public static readonly Counter<long> Publications = Meter.CreateCounter<long>("gridgovernance.points.publications", "{publication}", "Periods published (公示).");
    public static readonly Counter<long> OrdersFiled = Meter.CreateCounter<long>("gridgovernance.workorders.filed", "{order}", "Work orders filed.");
    public static readonly Counter<long> OrdersOverdue = Meter.CreateCounter<long>("gridgovernance.workorders.overdue", "{order}", "Overdue work orders found by the escalation scan.");
    public static readonly Counter<long> OrdersEscalated = Meter.CreateCounter<long>("gridgovernance.workorders.escalated", "{order}", "Work orders escalated, by hand or by the scan.");
    public static readonly Counter<long> Refusals = Meter.CreateCounter<long>("gridgovernance.authority.refusals", "{refusal}", "Commands the authority policy refused, tagged with the capability.");
    public static readonly Counter<long> Retries = Meter.CreateCounter<long>("gridgovernance.storage.retries", "{retry}", "Commands retried after a concurrency conflict.");
    public static readonly Counter<long> Imports = Meter.CreateCounter<long>("gridgovernance.organisation.imports", "{import}", "Roster batches imported.");
    public static readonly Histogram<double> AssessmentDuration = Meter.CreateHistogram<double>("gridgovernance.points.assessment.duration", "s", "How long an assessment of a roster over a period took.");
    public static readonly Histogram<double> MatchingDuration = Meter.CreateHistogram<double>("gridgovernance.claims.matching.duration", "s", "How long an exact claim matching took.");

    /// <summary>Starts timing for <paramref name="histogram"/>: 0 when nobody listens, so nothing is read.</summary>
    public static long Start(Histogram<double> histogram) => histogram.Enabled ? Stopwatch.GetTimestamp() : 0;

    /// <summary>Records the seconds since <paramref name="started"/> (from <see cref="Start"/>), if it timed anything.</summary>
    public static void Stop(Histogram<double> histogram, long started)
    {
        if (started != 0)
        {
            histogram.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }
}
