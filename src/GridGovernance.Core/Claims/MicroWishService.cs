using GridGovernance.Persistence;
using GridGovernance.Scoring.Ledger;
using NodaTime;

namespace GridGovernance.Claims;

/// <summary>
/// The application service of micro-wishes (认领微心愿): one wish, one claimant; an unfulfilled claim lapses after
/// <see cref="GridGovernanceOptions"/>-independent <c>expiryDays</c> passed by the caller and the wish returns to the
/// pool; fulfilment can earn points. Dates are passed in: there are no timers.
/// </summary>
/// <remarks>Claims are retried on <see cref="ConcurrencyException"/> from a fresh load, so of two members claiming the
/// same wish at once exactly one wins and the other gets <c>claims.wish-taken</c>.</remarks>
[Immutable]
public sealed class MicroWishService
{
    /// <summary>Days a claim stays valid when the caller does not say.</summary>
    public const int DefaultExpiryDays = 7;

    private readonly IRepository<MicroWish> wishes;
    private readonly IUnitOfWork unitOfWork;
    private readonly PointsLedgerService ledger;

    /// <summary>Creates the service (normally resolved from DI, one per scope).</summary>
    /// <param name="wishes">The wishes.</param>
    /// <param name="unitOfWork">The scope's unit of work.</param>
    /// <param name="ledger">The points ledger, used only when a fulfilment names a <see cref="ClaimPointsAward"/>.</param>
    public MicroWishService(IRepository<MicroWish> wishes, IUnitOfWork unitOfWork, PointsLedgerService ledger)
    {
        this.wishes = Preconditions.CheckNotNull(wishes);
        this.unitOfWork = Preconditions.CheckNotNull(unitOfWork);
        this.ledger = Preconditions.CheckNotNull(ledger);
    }

    /// <summary>Puts a wish in the pool.</summary>
    /// <param name="wish">The wish.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<MicroWish> AddAsync(MicroWish wish, CancellationToken cancellationToken = default)
    {
        await wishes.AddAsync(Preconditions.CheckNotNull(wish), cancellationToken).ConfigureAwait(false);
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return wish;
    }

    /// <summary>A member claims a wish (a lapsed claim of someone else is expired first).</summary>
    /// <param name="wish">The wish.</param>
    /// <param name="member">The claimant.</param>
    /// <param name="today">The day.</param>
    /// <param name="expiryDays">Days a claim stays valid.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="EntityNotFoundException">The wish does not exist.</exception>
    /// <exception cref="GridGovernanceException">Someone else holds a live claim (<c>claims.wish-taken</c>).</exception>
    /// <exception cref="IllegalTransitionException">It is fulfilled or already held by the member.</exception>
    public Task<MicroWish> ClaimAsync(WishId wish, MemberId member, LocalDate today, int expiryDays = DefaultExpiryDays, CancellationToken cancellationToken = default) =>
        ChangeAsync(wish, w => w.Claim(member, today, expiryDays), cancellationToken);

    /// <summary>Returns every wish whose claim has lapsed on <paramref name="today"/> to the pool.</summary>
    /// <param name="today">The day to judge on.</param>
    /// <param name="expiryDays">Days a claim stays valid.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The wishes that returned to the pool, in id order.</returns>
    public Task<IReadOnlyList<WishId>> ExpireClaimsAsync(LocalDate today, int expiryDays = DefaultExpiryDays, CancellationToken cancellationToken = default) =>
        UnitOfWorkRetry.RunAsync<IReadOnlyList<WishId>>(unitOfWork, async () =>
        {
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

    /// <summary>
    /// The claimant fulfils the wish; when <paramref name="award"/> is given the item is recorded for them
    /// (<see cref="LedgerSource.Claim"/>, key <c>wish:{id}</c>). Calling again after success records a missing award only.
    /// </summary>
    /// <param name="wish">The wish.</param>
    /// <param name="member">The claimant.</param>
    /// <param name="today">The day.</param>
    /// <param name="award">The item to award, or <c>null</c>.</param>
    /// <param name="expiryDays">Days a claim stays valid; a lapsed claim cannot be fulfilled.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The ledger entry, or <c>null</c> without an award.</returns>
    /// <exception cref="GridGovernanceException">The member does not hold a live claim (<c>claims.not-claimant</c>).</exception>
    public async Task<LedgerEntry?> FulfilAsync(WishId wish, MemberId member, LocalDate today, ClaimPointsAward? award = null, int expiryDays = DefaultExpiryDays, CancellationToken cancellationToken = default)
    {
        var fulfilled = await UnitOfWorkRetry.RunAsync(unitOfWork, async () =>
        {
            var loaded = await wishes.GetByIdAsync(wish, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(nameof(MicroWish), wish);
            if (loaded.Status == WishStatus.Fulfilled && loaded.Claimant == member)
            {
                return loaded;
            }
            loaded.Fulfil(member, today, expiryDays);
            await wishes.UpdateAsync(loaded, cancellationToken).ConfigureAwait(false);
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return loaded;
        }, cancellationToken).ConfigureAwait(false);
        if (award is null)
        {
            return null;
        }
        return await ledger.RecordAsync(Authority.Actor.System("micro-wishes"), award.RuleBook, LedgerSource.Claim, new LedgerEntryRequest
        {
            Member = member,
            ItemCode = award.ItemCode,
            OccurredOn = fulfilled.FulfilledOn ?? today,
            IdempotencyKey = $"wish:{wish.Value}",
            Value = award.Value,
            Evidence = wish.ToString(),
        }, cancellationToken).ConfigureAwait(false);
    }

    private Task<MicroWish> ChangeAsync(WishId wish, Action<MicroWish> change, CancellationToken cancellationToken) =>
        UnitOfWorkRetry.RunAsync(unitOfWork, async () =>
        {
            var loaded = await wishes.GetByIdAsync(wish, cancellationToken).ConfigureAwait(false) ?? throw new EntityNotFoundException(nameof(MicroWish), wish);
            change(loaded);
            await wishes.UpdateAsync(loaded, cancellationToken).ConfigureAwait(false);
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return loaded;
        }, cancellationToken);
}
