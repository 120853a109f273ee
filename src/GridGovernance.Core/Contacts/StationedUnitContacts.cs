using System.Collections.Immutable;
using GridGovernance.Organisation;
using NodaTime;

namespace GridGovernance.Contacts;

/// <summary>
/// Which stationed units (驻区单位) a contact reached, derived from the library's own data: the part of work coverage
/// (工作覆盖) that goes through people. Pure and deterministic.
/// </summary>
/// <remarks>
/// A stationed unit is reached by a contact on a day when a member registered for it (双报到 with
/// <see cref="DualRegistration.Workplace"/> naming it: 在职党员进社区) logged a contact with a household
/// (<see cref="ContactLog"/>) within the window ending that day, on a day the registration held. The link is the member:
/// the unit's own in-service member doing the party's work in the community. A contact plan alone (an assignment, not a
/// contact made) does not count.
/// </remarks>
[Immutable]
public static class StationedUnitContacts
{
    /// <summary>The default window: a contact in the year up to the day (365 days, the day included).</summary>
    public const int DefaultWindowDays = 365;

    /// <summary>The longest window accepted (ten years).</summary>
    public const int MaxWindowDays = 3660;

    /// <summary>The stationed units a contact reached on <paramref name="asOf"/>.</summary>
    /// <param name="members">The members (their dual registrations name the stationed units they work in); any order.</param>
    /// <param name="logs">Contact logs covering the window; any order. Logs of members not in <paramref name="members"/> are ignored.</param>
    /// <param name="asOf">The day asked about (the window's last day).</param>
    /// <param name="windowDays">How many days up to <paramref name="asOf"/> a contact counts for; 1 to <see cref="MaxWindowDays"/>.</param>
    /// <returns>The stationed units reached (the same set for the same inputs in any order).</returns>
    /// <exception cref="GridGovernanceValidationException"><paramref name="windowDays"/> is out of range (<c>input.out-of-range</c>).</exception>
    public static ImmutableHashSet<StationedUnitId> ReachedOn(IEnumerable<Member> members, IEnumerable<ContactLog> logs, LocalDate asOf, int windowDays = DefaultWindowDays)
    {
        Preconditions.CheckNotNull(members);
        Preconditions.CheckNotNull(logs);
        Preconditions.CheckArgumentRange(nameof(windowDays), windowDays, 1, MaxWindowDays);
        var first = asOf.PlusDays(-(windowDays - 1));
        var registered = new Dictionary<MemberId, List<DualRegistration>>();
        foreach (var member in members)
        {
            foreach (var registration in Preconditions.CheckNotNull(member).DualRegistrations)
            {
                if (registration.Workplace is not null)
                {
                    if (!registered.TryGetValue(member.Id, out var list))
                    {
                        registered[member.Id] = list = [];
                    }
                    list.Add(registration);
                }
            }
        }
        var reached = ImmutableHashSet.CreateBuilder<StationedUnitId>();
        foreach (var log in logs)
        {
            if (!registered.TryGetValue(Preconditions.CheckNotNull(log).Member, out var registrations))
            {
                continue;
            }
            foreach (var record in log.Records)
            {
                if (record.Date < first || record.Date > asOf)
                {
                    continue;
                }
                foreach (var registration in registrations)
                {
                    if (registration.Validity.Contains(record.Date))
                    {
                        reached.Add(registration.Workplace!.Value);
                    }
                }
            }
        }
        return reached.ToImmutable();
    }
}
