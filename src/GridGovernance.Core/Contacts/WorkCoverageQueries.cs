using System.Collections.Immutable;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Specifications;
using NodaTime;

namespace GridGovernance.Contacts;

/// <summary>
/// Coverage (两个覆盖) with work coverage (工作覆盖) computed from the library's own data: the stationed units reached by a
/// contact come from members' dual registrations and contact logs (<see cref="StationedUnitContacts"/>), not from the
/// caller. Reads only.
/// </summary>
[Immutable]
public sealed class WorkCoverageQueries
{
    private readonly OrganisationQueries organisation;
    private readonly IReadRepository<Member> members;
    private readonly IReadRepository<ContactLog> logs;

    /// <summary>Creates the queries (normally resolved from DI after <c>AddGridGovernance()</c>).</summary>
    /// <param name="organisation">The organisation queries (the index and the other coverage figures).</param>
    /// <param name="members">Members (their dual registrations).</param>
    /// <param name="logs">Contact logs.</param>
    public WorkCoverageQueries(OrganisationQueries organisation, IReadRepository<Member> members, IReadRepository<ContactLog> logs)
    {
        this.organisation = Preconditions.CheckNotNull(organisation);
        this.members = Preconditions.CheckNotNull(members);
        this.logs = Preconditions.CheckNotNull(logs);
    }

    /// <summary>The stationed units a contact reached on <paramref name="asOf"/> (see <see cref="StationedUnitContacts.ReachedOn"/>).</summary>
    /// <param name="asOf">The day.</param>
    /// <param name="windowDays">How many days up to <paramref name="asOf"/> a contact counts for; 1 to <see cref="StationedUnitContacts.MaxWindowDays"/>.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="windowDays"/> is out of range (<c>input.out-of-range</c>).</exception>
    public async Task<ImmutableHashSet<StationedUnitId>> StationedUnitsReachedAsync(LocalDate asOf, int windowDays = StationedUnitContacts.DefaultWindowDays,
        CancellationToken cancellationToken = default)
    {
        Preconditions.CheckArgumentRange(nameof(windowDays), windowDays, 1, StationedUnitContacts.MaxWindowDays);
        int firstYear = asOf.PlusDays(-(windowDays - 1)).Year, lastYear = asOf.Year;
        var roster = await members.ListAsync(cancellationToken).ConfigureAwait(false);
        var covering = await logs.ListAsync(Specification.Create<ContactLog>(q => q.Where(l => l.Id.Year >= firstYear && l.Id.Year <= lastYear)), cancellationToken)
            .ConfigureAwait(false);
        return StationedUnitContacts.ReachedOn(roster, covering, asOf, windowDays);
    }

    /// <summary>
    /// The coverage figures as of <paramref name="asOf"/>, with the stationed units a contact reached computed by
    /// <see cref="StationedUnitsReachedAsync"/> (<see cref="CoverageReport.StationedUnitsReachedByContact"/>).
    /// </summary>
    /// <param name="asOf">The day.</param>
    /// <param name="windowDays">How many days up to <paramref name="asOf"/> a contact counts for.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="windowDays"/> is out of range (<c>input.out-of-range</c>).</exception>
    public async Task<CoverageReport> ComputeCoverageAsync(LocalDate asOf, int windowDays = StationedUnitContacts.DefaultWindowDays, CancellationToken cancellationToken = default)
    {
        var reached = await StationedUnitsReachedAsync(asOf, windowDays, cancellationToken).ConfigureAwait(false);
        return await organisation.ComputeCoverageAsync(asOf, reached, cancellationToken).ConfigureAwait(false);
    }
}
