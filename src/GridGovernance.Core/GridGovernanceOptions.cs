using GridGovernance.Authority;
using GridGovernance.Organisation;
using NodaTime;

namespace GridGovernance;

/// <summary>
/// The library's settings, given to <c>services.AddGridGovernance(o =&gt; …)</c> (checked when they are registered)
/// or bound from configuration by <c>services.AddGridGovernance(configuration)</c> (checked when the host starts);
/// every problem is reported at once. The configuration shape is in docs/configuration.md.
/// </summary>
[Mutable]
public sealed class GridGovernanceOptions
{
    /// <summary>The zone in which dates, periods and deadlines are reckoned. Default: Asia/Shanghai.</summary>
    public DateTimeZone TimeZone { get; set; } = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    /// <summary>Which unit kinds exist and which may sit under which. Default: <see cref="HierarchySchemas.Standard"/>.</summary>
    public HierarchySchema Schema { get; set; } = HierarchySchemas.Standard;

    /// <summary>The households a grid is expected to hold, for coverage reports. Default: 200–300 (Wanshan).</summary>
    public GridHouseholdBand GridHouseholdBand { get; set; } = new(200, 300);

    /// <summary>
    /// Who may do what: the capability table every service applies through <see cref="IAuthorityPolicy"/>.
    /// Default: <see cref="AuthorityTable.Default"/>, from the case reports.
    /// </summary>
    public AuthorityTable Authority { get; set; } = AuthorityTable.Default;

    /// <summary>
    /// The problems found while binding configuration (a zone id the tzdb does not know, a schema that is not a
    /// preset, a key nobody reads), each with its configuration key as <see cref="ValidationProblem.Field"/>; reported
    /// by the validator with <see cref="Validate"/>'s.
    /// </summary>
    internal List<ValidationProblem> BindingProblems { get; } = [];

    /// <summary>The configuration section the options were bound from (e.g. <c>GridGovernance</c>), or <c>null</c>.</summary>
    internal string? ConfigurationPath { get; set; }

    /// <summary>Lists every problem with the current settings (empty when they are valid).</summary>
    public IReadOnlyList<ValidationProblem> Validate()
    {
        var problems = new List<ValidationProblem>();
        if (TimeZone is null)
        {
            problems.Add(new(nameof(TimeZone), null, ErrorCodes.InvalidValue, "TimeZone must be set (for example DateTimeZoneProviders.Tzdb[\"Asia/Shanghai\"])."));
        }
        if (Schema is null)
        {
            problems.Add(new(nameof(Schema), null, ErrorCodes.InvalidValue, "Schema must be set (for example HierarchySchemas.Standard)."));
        }
        if (Authority is null)
        {
            problems.Add(new(nameof(Authority), null, ErrorCodes.InvalidValue, "Authority must be set (for example AuthorityTable.Default)."));
        }
        if (GridHouseholdBand.Min < 0)
        {
            problems.Add(new(nameof(GridHouseholdBand) + ".Min", null, ErrorCodes.InvalidValue, $"GridHouseholdBand.Min must be zero or more; it was {GridHouseholdBand.Min}."));
        }
        if (GridHouseholdBand.Max < GridHouseholdBand.Min)
        {
            problems.Add(new(nameof(GridHouseholdBand) + ".Max", null, ErrorCodes.InvalidValue,
                $"GridHouseholdBand.Max ({GridHouseholdBand.Max}) must not be below GridHouseholdBand.Min ({GridHouseholdBand.Min})."));
        }
        return problems;
    }
}
