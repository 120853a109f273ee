namespace GridGovernance;

/// <summary>
/// The names under which the library reports metrics and traces, for an OpenTelemetry setup
/// (<c>.AddMeter(GridGovernanceDiagnostics.MeterName)</c>, <c>.AddSource(GridGovernanceDiagnostics.ActivitySourceName)</c>).
/// The instruments and activities are listed in docs/observability.md.
/// </summary>
[Immutable]
public static class GridGovernanceDiagnostics
{
    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/>: <c>GridGovernance</c>.</summary>
    public const string MeterName = "GridGovernance";

    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/>: <c>GridGovernance</c>.</summary>
    public const string ActivitySourceName = "GridGovernance";
}
