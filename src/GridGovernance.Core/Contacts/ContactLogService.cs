using GridGovernance.Authority;
using GridGovernance.Persistence;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Specifications;
using NodaTime;

namespace GridGovernance.Contacts;

/// <summary>
/// Writes members' contact logs (联系记实簿) and, when configured, records the points a contact earns through the
/// points ledger (<see cref="LedgerSource.ContactVisit"/>).
/// </summary>
/// <remarks>
/// A member has one <see cref="ContactLog"/> per year: a contact goes into the log of its date's year. Writing asks
/// <see cref="IAuthorityPolicy"/> for <see cref="Capabilities.LogContact"/> (<c>contacts.log</c>) first: the member in
/// person writes their own log, a group leader (党小组长) or secretary writes the log of a member within their post's
/// jurisdiction; a refusal throws <see cref="ForbiddenException"/> (<c>contacts.forbidden</c>).
/// </remarks>
[Immutable]
public sealed class ContactLogService
{
    private readonly IRepository<ContactLog> logs;
    private readonly IUnitOfWork unitOfWork;
    private readonly IClock clock;
    private readonly GridGovernanceOptions options;
    private readonly IAuthorityPolicy authority;
    private readonly ContactLogOptions contactOptions;
    private readonly PointsLedgerService? ledger;

    /// <summary>Creates the service.</summary>
    /// <param name="logs">The logs.</param>
    /// <param name="unitOfWork">The unit of work.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="options">The library options (time zone).</param>
    /// <param name="authority">The authority policy asked before a record is written.</param>
    /// <param name="contactOptions">Points configuration; none when <c>null</c>.</param>
    /// <param name="ledger">The points ledger, needed only when <see cref="ContactLogOptions.PointsItemCode"/> is set.</param>
    public ContactLogService(IRepository<ContactLog> logs, IUnitOfWork unitOfWork, IClock clock, GridGovernanceOptions options, IAuthorityPolicy authority, ContactLogOptions? contactOptions = null, PointsLedgerService? ledger = null)
    {
        this.logs = Preconditions.CheckNotNull(logs);
        this.unitOfWork = Preconditions.CheckNotNull(unitOfWork);
        this.clock = Preconditions.CheckNotNull(clock);
        this.options = Preconditions.CheckNotNull(options);
        this.authority = Preconditions.CheckNotNull(authority);
        this.contactOptions = contactOptions ?? new ContactLogOptions();
        Preconditions.CheckArgument(ledger is null || ledger.SharesUnitOfWork(unitOfWork), nameof(ledger),
            "The ledger must stage in the same unit of work as the contact logs (one scope), so that a contact and its points are saved together.");
        this.ledger = ledger;
    }

    /// <summary>
    /// Writes a contact in the member's log of its year (starting the log on the year's first contact) and, when an item
    /// is configured, the kind earns points and a rule book is given, the points with an idempotency key made of member,
    /// household, date and kind (so writing the same contact again never pays twice), both in one save: when the points
    /// are refused, the contact is not written either.
    /// </summary>
    /// <param name="actor">
    /// Who writes: the member of the request in person (<see cref="Actor.Member(MemberId)"/>), or a group leader or
    /// secretary in a post whose jurisdiction covers that member today (never on their own log in a post); stored as
    /// <see cref="ContactRecord.RecordedBy"/>.
    /// </param>
    /// <param name="request">The contact; <see cref="ContactRecordRequest.Member"/> is whose log it goes in.</param>
    /// <param name="ruleBook">The rule book in force, for the points; <c>null</c> for none.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The record written.</returns>
    /// <exception cref="ForbiddenException">The actor may not write this member's log (<c>contacts.forbidden</c>); nothing was written.</exception>
    /// <exception cref="GridGovernanceException"><c>contacts.invalid-record</c>: a future date, no member or household, notes too long;
    /// or the points are refused (<c>points.*</c>, <c>hierarchy.not-on-roster</c> when the member was not on the roster on the day).
    /// Nothing was written.</exception>
    public async Task<ContactRecord> RecordAsync(Actor actor, ContactRecordRequest request, RuleBook? ruleBook = null, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotNull(request);
        var now = clock.GetCurrentInstant();
        var today = now.InZone(options.TimeZone).Date;
        Preconditions.CheckState(request.Member.IsSpecified && request.Household.IsSpecified, ErrorCodes.ContactsInvalidRecord, "A contact record must name a member and a household.");
        CheckRequest(request);
        var subject = AuthoritySubject.OfMember(new ContactLogId(request.Member, request.Date.Year).ToString(), request.Member);
        await authority.DemandAsync(actor, Capabilities.LogContact, subject, today, cancellationToken).ConfigureAwait(false);
        Preconditions.CheckState(request.Date <= today, ErrorCodes.ContactsInvalidRecord, $"A contact on {request.Date:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}).");
        Preconditions.CheckState(Enum.IsDefined(request.Kind), ErrorCodes.ContactsInvalidRecord, $"{request.Kind} is not a contact kind.");
        var record = new ContactRecord(request.Household, request.Date, request.Kind, (request.Notes ?? "").Trim(), now, actor.AuditName);
        var award = AwardOf(request, ruleBook);
        await UnitOfWorkRetry.RunAsync(unitOfWork, async () =>
        {
            var log = await logs.GetByIdAsync(new ContactLogId(request.Member, request.Date.Year), cancellationToken).ConfigureAwait(false);
            if (log is null)
            {
                log = ContactLog.Start(request.Member, request.Date.Year);
                log.Add(record);
                await logs.AddAsync(log, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                log.Add(record);
                await logs.UpdateAsync(log, cancellationToken).ConfigureAwait(false);
            }
            if (award is not null)
            {
                // Staged in this unit of work and saved with the record: a refused award writes neither.
                var staged = (await ledger!.StageAwardsAsync(Authority.Actor.System("contacts"), ruleBook!, LedgerSource.ContactVisit, [award], newFact: false, cancellationToken)
                    .ConfigureAwait(false))[0];
                if (staged.Entry is null)
                {
                    throw staged.Refusal!;
                }
            }
            return await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <summary>A member's log of a year, or <c>null</c> when they wrote nothing that year.</summary>
    /// <param name="member">The member.</param>
    /// <param name="year">The year of the contacts.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    public Task<ContactLog?> LogOfAsync(MemberId member, int year, CancellationToken cancellationToken = default) =>
        logs.GetByIdAsync(new ContactLogId(member, year), cancellationToken);

    /// <summary>
    /// Every member's logs of the years from <paramref name="from"/> to <paramref name="to"/> (their dates' years): what
    /// <see cref="ContactCoverageMonitor.Check(ContactPlan, IEnumerable{ContactLog}, Organisation.HierarchyIndex?, Organisation.HierarchySchema, NodaTime.LocalDate, int)"/> needs for a window between the two dates.
    /// </summary>
    /// <param name="from">The window's first day.</param>
    /// <param name="to">The window's last day.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="to"/> is before <paramref name="from"/> (code <c>input.reversed-range</c>).</exception>
    public Task<IReadOnlyList<ContactLog>> LogsCoveringAsync(LocalDate from, LocalDate to, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckDateRange(from, to);
        int first = from.Year, last = to.Year;
        return logs.ListAsync(Specification.Create<ContactLog>(q => q.Where(l => l.Id.Year >= first && l.Id.Year <= last)), cancellationToken);
    }

    /// <summary>The points a contact earns, or <c>null</c> when no item is configured, the kind earns none or no rule book is given.</summary>
    private LedgerEntryRequest? AwardOf(ContactRecordRequest request, RuleBook? ruleBook)
    {
        if (contactOptions.PointsItemCode is not string item || ruleBook is null || ledger is null || !contactOptions.KindsEarningPoints.Contains(request.Kind))
        {
            return null;
        }
        var key = FormattableString.Invariant($"contact:{request.Member.Value}:{request.Household.Value}:{request.Date:yyyy-MM-dd}:{request.Kind}");
        return new LedgerEntryRequest { Member = request.Member, ItemCode = item, OccurredOn = request.Date, IdempotencyKey = key, Evidence = key };
    }

    private static void CheckRequest(ContactRecordRequest request)
    {
        string key = request.Member.ToString();
        var problems = new List<ValidationProblem?>
        {
            request.Notes is { Length: > ContactLog.MaxNotesLength }
                ? new ValidationProblem("request.Notes", key, ErrorCodes.ContactsInvalidRecord, $"Notes must be at most {ContactLog.MaxNotesLength} characters; they have {request.Notes.Length}.")
                : InputPolicy.CheckText(request.Notes, "request.Notes", key, ContactLog.MaxNotesLength, required: false, freeText: true),
            Enum.IsDefined(request.Kind) ? null : new ValidationProblem("request.Kind", key, ErrorCodes.ContactsInvalidRecord, $"{request.Kind} is not a contact kind."),
            request.Date.Year is >= 1 and <= 9999 ? null : new ValidationProblem("request.Date", key, ErrorCodes.ContactsInvalidRecord, $"The year of {request.Date:yyyy-MM-dd} is outside 1–9999."),
        };
        InputPolicy.ThrowIfAny("The contact record", problems);
    }
}
