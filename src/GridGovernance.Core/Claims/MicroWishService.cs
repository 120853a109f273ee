using GridGovernance.Authority;
using GridGovernance.Persistence;
using GridGovernance.Scoring.Ledger;
using NodaTime;

namespace GridGovernance.Claims;

/// <summary>
/// The application service of micro-wishes (认领微心愿): one wish, one claimant; an unfulfilled claim lapses after
/// <see cref="GridGovernanceOptions"/>-independent <c>expiryDays</c> passed by the caller and the wish returns to the
/// pool; fulfilment can earn points. Dates are passed in: there are no timers.
/// </summary>
/// <remarks>
/// <para>Claims are retried on <see cref="ConcurrencyException"/> from a fresh load, so of two members claiming the
/// same wish at once exactly one wins and the other gets <c>claims.wish-taken</c>.</para>
/// <para>Every command names its <see cref="Actor"/> first and asks <see cref="IAuthorityPolicy"/> before it changes
/// anything: a wish is put in the pool by a post with <c>claims.propose</c> over <see cref="MicroWish.Unit"/>, claimed
/// and fulfilled by a member in person (<c>claims.wish</c>; the claimant is the acting member), and the lapsed claims
/// are swept by the system. A refusal throws <see cref="ForbiddenException"/> (<c>claims.forbidden</c>).</para>
/// </remarks>
[Immutable]
public sealed class MicroWishService
{
    /// <summary>Days a claim stays valid when the caller does not say.</summary>
    public const int DefaultExpiryDays = 7;

    /// <summary>The subject of the sweep: the whole pool, at no node, so only the system may run it by default.</summary>
    private static readonly AuthoritySubject Pool = new("micro-wishes");
    private readonly IRepository<MicroWish> wishes;
    private readonly IUnitOfWork unitOfWork;
    private readonly IClock clock;
    private readonly GridGovernanceOptions options;
    private readonly IAuthorityPolicy authority;
    private readonly PointsLedgerService ledger;

    /// <summary>Creates the service (normally resolved from DI, one per scope).</summary>
    /// <param name="wishes">The wishes.</param>
    /// <param name="unitOfWork">The scope's unit of work.</param>
    /// <param name="clock">The clock, for the day whose posts count when a wish is added.</param>
    /// <param name="options">The settings (the time zone of "today").</param>
    /// <param name="authority">The authority policy every command asks first.</param>
    /// <param name="ledger">The points ledger, used only when a fulfilment names a <see cref="ClaimPointsAward"/>.</param>
    public MicroWishService(IRepository<MicroWish> wishes, IUnitOfWork unitOfWork, IClock clock, GridGovernanceOptions options, IAuthorityPolicy authority, PointsLedgerService ledger)
    {
        this.wishes = Preconditions.CheckNotNull(wishes);
        this.unitOfWork = Preconditions.CheckNotNull(unitOfWork);
        this.clock = Preconditions.CheckNotNull(clock);
        this.options = Preconditions.CheckNotNull(options);
        this.authority = Preconditions.CheckNotNull(authority);
        this.ledger = Preconditions.CheckNotNull(ledger);
        Preconditions.CheckArgument(ledger.SharesUnitOfWork(unitOfWork), nameof(ledger),
            "The ledger must stage in the same unit of work as the wishes (one scope), so that a fulfilment and its award are saved together.");
    }

    /// <summary>Puts a wish in the pool.</summary>
    /// <param name="actor">
    /// Who acts: a post with <see cref="Capabilities.ProposeProject"/> (<c>claims.propose</c>: a secretary, committee
    /// member or rotating chair) whose jurisdiction covers <see cref="MicroWish.Unit"/>, checked on today's roster.
    /// </param>
    /// <param name="wish">The wish.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ForbiddenException">The actor may not (<c>claims.forbidden</c>); nothing was added.</exception>
    public async Task<MicroWish> AddAsync(Actor actor, MicroWish wish, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckNotNull(wish);
        InputPolicy.ThrowIfAny("The wish",
        [
            InputPolicy.CheckText(wish.Text, "wish.Text", wish.Id.ToString(), InputPolicy.MaxFreeTextLength, freeText: true),
            InputPolicy.CheckText(wish.Resident, "wish.Resident", wish.Id.ToString(), InputPolicy.MaxNameLength),
        ]);
        await authority.DemandAsync(actor, Capabilities.ProposeProject, SubjectOf(wish), clock.Today(options.TimeZone), cancellationToken).ConfigureAwait(false);
        await wishes.AddAsync(wish, cancellationToken).ConfigureAwait(false);
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return wish;
    }

    /// <summary>A member claims a wish (a lapsed claim of someone else is expired first).</summary>
    /// <param name="actor">The claimant, in person (<see cref="Actor.Member(MemberId)"/>, on the roster on <paramref name="today"/>; <c>claims.wish</c>).</param>
    /// <param name="wish">The wish.</param>
    /// <param name="today">The day; the roster of this day counts.</param>
    /// <param name="expiryDays">Days a claim stays valid.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ForbiddenException">The actor is not a member in person on the roster (<c>claims.forbidden</c>).</exception>
    /// <exception cref="EntityNotFoundException">The wish does not exist.</exception>
    /// <exception cref="GridGovernanceException">Someone else holds a live claim (<c>claims.wish-taken</c>).</exception>
    /// <exception cref="IllegalTransitionException">It is fulfilled or already held by the member.</exception>
    public Task<MicroWish> ClaimAsync(Actor actor, WishId wish, LocalDate today, int expiryDays = DefaultExpiryDays, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        return UnitOfWorkRetry.RunAsync(unitOfWork, async () =>
        {
            var loaded = await LoadAsync(wish, cancellationToken).ConfigureAwait(false);
            await authority.DemandAsync(actor, Capabilities.ClaimWish, SubjectOf(loaded), today, cancellationToken).ConfigureAwait(false);
            loaded.Claim(actor.MemberId, today, expiryDays);
            await wishes.UpdateAsync(loaded, cancellationToken).ConfigureAwait(false);
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return loaded;
        }, cancellationToken);
    }

    /// <summary>Returns every wish whose claim has lapsed on <paramref name="today"/> to the pool.</summary>
    /// <param name="actor">
    /// Who sweeps: the system (<see cref="Actor.System"/>, e.g. <c>Actor.System("wish-expiry")</c>). The sweep asks
    /// <see cref="Capabilities.CompleteProject"/> (<c>claims.complete</c>, the claims capability the default table grants
    /// the system) on the whole pool, which sits at no node, so no post may run it by default.
    /// </param>
    /// <param name="today">The day to judge on.</param>
    /// <param name="expiryDays">Days a claim stays valid.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The wishes that returned to the pool, in id order.</returns>
    /// <exception cref="ForbiddenException">The actor may not (<c>claims.forbidden</c>).</exception>
    public Task<IReadOnlyList<WishId>> ExpireClaimsAsync(Actor actor, LocalDate today, int expiryDays = DefaultExpiryDays, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        return UnitOfWorkRetry.RunAsync<IReadOnlyList<WishId>>(unitOfWork, async () =>
        {
            await authority.DemandAsync(actor, Capabilities.CompleteProject, Pool, today, cancellationToken).ConfigureAwait(false);
            var expired = new List<WishId>();
            foreach (var wish in await wishes.ListAsync(new WishesInStatus(WishStatus.Claimed), cancellationToken).ConfigureAwait(false))
            {
                if (wish.ExpireIfDue(today, expiryDays))
                {
                    expired.Add(wish.Id);
                    await wishes.UpdateAsync(wish, cancellationToken).ConfigureAwait(false);
                }
            }
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return expired;
        }, cancellationToken);
    }

    /// <summary>
    /// The claimant fulfils the wish; when <paramref name="award"/> is given the item is recorded for them
    /// (<see cref="LedgerSource.Claim"/>, key <c>wish:{id}</c>) in the same unit of work: either the wish is fulfilled
    /// and the award recorded, or nothing changed. Calling again after success, on any day, reads the stored facts (the
    /// stored <see cref="MicroWish.FulfilledOn"/> and the award under its key), records a missing award only and returns
    /// the same entry, never an idempotency conflict.
    /// </summary>
    /// <param name="actor">The claimant, in person (<c>claims.wish</c>); any other member is refused with <c>claims.not-claimant</c>.</param>
    /// <param name="wish">The wish.</param>
    /// <param name="today">The day; the roster of this day counts.</param>
    /// <param name="award">The item to award, or <c>null</c>.</param>
    /// <param name="expiryDays">Days a claim stays valid; a lapsed claim cannot be fulfilled.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ledger entry, or <c>null</c> without an award.</returns>
    /// <exception cref="ForbiddenException">The actor is not a member in person on the roster (<c>claims.forbidden</c>).</exception>
    /// <exception cref="GridGovernanceException">
    /// The member does not hold a live claim (<c>claims.not-claimant</c>), or the award is refused (the member was not on
    /// the roster on the day, <c>hierarchy.not-on-roster</c>, or a <c>points.*</c> refusal); nothing was changed.
    /// </exception>
    public Task<LedgerEntry?> FulfilAsync(Actor actor, WishId wish, LocalDate today, ClaimPointsAward? award = null, int expiryDays = DefaultExpiryDays, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        var member = actor.MemberId;
        return UnitOfWorkRetry.RunAsync(unitOfWork, async () =>
        {
            var loaded = await LoadAsync(wish, cancellationToken).ConfigureAwait(false);
            await authority.DemandAsync(actor, Capabilities.ClaimWish, SubjectOf(loaded), today, cancellationToken).ConfigureAwait(false);
            bool fulfilling = loaded.Status != WishStatus.Fulfilled || loaded.Claimant != member;
            if (fulfilling)
            {
                loaded.Fulfil(member, today, expiryDays);
                await wishes.UpdateAsync(loaded, cancellationToken).ConfigureAwait(false);
            }
            LedgerEntry? entry = null;
            if (award is not null)
            {
                var request = new LedgerEntryRequest
                {
                    Member = member,
                    ItemCode = award.ItemCode,
                    OccurredOn = loaded.FulfilledOn ?? today,
                    IdempotencyKey = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"wish:{wish.Value}"),
                    Value = award.Value,
                    Evidence = wish.ToString(),
                };
                var staged = (await ledger.StageAwardsAsync(Authority.Actor.System("micro-wishes"), award.RuleBook, LedgerSource.Claim, [request], newFact: fulfilling, cancellationToken).ConfigureAwait(false))[0];
                entry = staged.Entry ?? throw staged.Refusal!;
            }
            if (unitOfWork.HasChanges)
            {
                await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            return entry;
        }, cancellationToken);
    }

    private async Task<MicroWish> LoadAsync(WishId wish, CancellationToken cancellationToken) =>
        await wishes.GetByIdAsync(wish, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(nameof(MicroWish), wish);

    /// <summary>A wish sits at its unit and is its claimant's matter (a wish stored before units were kept sits nowhere).</summary>
    private static AuthoritySubject SubjectOf(MicroWish wish) =>
        new(wish.Id.ToString()) { Node = wish.Unit.IsSpecified ? wish.Unit : null, Owner = wish.Claimant };
}
