using GridGovernance.Authority;
using GridGovernance.Persistence;
using GridGovernance.Specifications;
using NodaTime;

namespace GridGovernance.Scoring.Rewards;

/// <summary>
/// The application service of points redemption (积分兑换物资或服务): credits spendable points to members, keeps
/// the reward catalogue, and redeems items against the balance without overdraft and without double-spending.
/// </summary>
/// <remarks>
/// <para>
/// Every write loads fresh copies, changes them, and saves the scope's unit of work once, so a redemption's debit
/// and its stock change are written together or not at all. When another writer saved the same account or item
/// first (<see cref="ConcurrencyException"/>), the whole operation is retried from a fresh load
/// (<see cref="UnitOfWorkRetry"/>); the checks run again on the fresh state, so two concurrent redemptions can
/// never spend the same points twice. When the unit of work already held someone else's staged changes, there is
/// no retry (a failed save discards them, and a retry would silently drop them): the conflict is surfaced.
/// </para>
/// <para>
/// Every write is idempotent by its key: calling again with the same key (after a timeout, or after a surfaced
/// <see cref="ConcurrencyException"/>) returns the first result and changes nothing, also when the first call was in
/// an earlier year. A member's credit keys and redemption keys are two key spaces, each a member's for good.
/// </para>
/// <para>
/// A member's account is two kinds of aggregate: the small <see cref="PointsAccount"/> (the balance) and one
/// <see cref="PointsAccountYear"/> per calendar year (that year's credits and redemptions, the year of the moment they
/// are made, in <see cref="GridGovernanceOptions.TimeZone"/>). Every write saves the account with the year it writes.
/// </para>
/// <para>
/// Authority: every write names its <see cref="Actor"/> first and asks the <see cref="IAuthorityPolicy"/> before
/// anything is read for the write or saved (a refusal throws <see cref="ForbiddenException"/>, code
/// <c>rewards.forbidden</c>, and changes nothing). Crediting needs <see cref="Capabilities.CreditAccount"/> (by
/// default the system, or a secretary or cashier whose unit has the member within its jurisdiction, never for
/// oneself); redeeming needs <see cref="Capabilities.Redeem"/> (the account holder in person, or a cashier with the
/// member within jurisdiction); the catalogue needs <see cref="Capabilities.ManageRewards"/> (a secretary or cashier
/// of a top-level unit). The policy reads the roster and posts of today in <see cref="GridGovernanceOptions.TimeZone"/>.
/// </para>
/// </remarks>
[Immutable]
public sealed class RedemptionService
{
    private readonly IRepository<PointsAccount> accounts;
    private readonly IRepository<PointsAccountYear> years;
    private readonly IRepository<RewardItem> items;
    private readonly IUnitOfWork unitOfWork;
    private readonly IAuthorityPolicy authority;
    private readonly GridGovernanceOptions options;
    private readonly IClock clock;

    /// <summary>Creates the service (normally resolved from DI, one per scope).</summary>
    /// <param name="accounts">Points accounts (the balances).</param>
    /// <param name="years">The accounts' years (their credits and redemptions).</param>
    /// <param name="items">Reward items.</param>
    /// <param name="unitOfWork">The scope's unit of work, shared by the repositories.</param>
    /// <param name="authority">The authority policy every write asks first.</param>
    /// <param name="options">The library's options (the zone that decides a credit's year).</param>
    /// <param name="clock">The clock, for the time stamps of credits and redemptions.</param>
    public RedemptionService(IRepository<PointsAccount> accounts, IRepository<PointsAccountYear> years, IRepository<RewardItem> items, IUnitOfWork unitOfWork,
        IAuthorityPolicy authority, GridGovernanceOptions options, IClock clock)
    {
        this.authority = Preconditions.CheckNotNull(authority);
        this.accounts = Preconditions.CheckNotNull(accounts);
        this.years = Preconditions.CheckNotNull(years);
        this.items = Preconditions.CheckNotNull(items);
        this.unitOfWork = Preconditions.CheckNotNull(unitOfWork);
        this.options = Preconditions.CheckNotNull(options);
        this.clock = Preconditions.CheckNotNull(clock);
    }

    /// <summary>The member's spendable balance (zero when they have no account yet).</summary>
    /// <param name="member">The member.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<Points> GetBalanceAsync(MemberId member, CancellationToken cancellationToken = default)
    {
        var account = await accounts.GetByIdAsync(member, cancellationToken).ConfigureAwait(false);
        return account?.Balance ?? Points.Zero;
    }

    /// <summary>One year of a member's account: that year's credits and redemptions (<c>null</c> when there were none).</summary>
    /// <param name="member">The member.</param>
    /// <param name="year">The calendar year.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public Task<PointsAccountYear?> GetYearAsync(MemberId member, int year, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckSpecified(member.IsSpecified, nameof(member), "member must be a real member id, not default.");
        return years.GetByIdAsync(new PointsAccountYearId(member, year), cancellationToken);
    }

    /// <summary>
    /// Credits spendable points to a member, opening the account on the first credit. The same key twice is one
    /// credit: the second call returns the first credit and changes nothing. Needs <see cref="Capabilities.CreditAccount"/>.
    /// </summary>
    /// <param name="actor">Who credits: the system (e.g. <c>Actor.System("annual-grant")</c>) or a secretary or cashier in jurisdiction.</param>
    /// <param name="member">The member.</param>
    /// <param name="points">The amount; positive.</param>
    /// <param name="idempotencyKey">The caller's key for this credit, e.g. <c>"2024-Q1:member:17"</c>.</param>
    /// <param name="note">Where the points came from, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The credit, with the balance after it.</returns>
    /// <exception cref="GridGovernanceValidationException"><paramref name="member"/> is <c>default</c> (code <c>value.invalid</c>). <paramref name="points"/> is not positive or <paramref name="idempotencyKey"/> is blank.</exception>
    /// <exception cref="ForbiddenException">The actor may not credit the member's account (code <c>rewards.forbidden</c>).</exception>
    /// <exception cref="GridGovernanceException">The key was used for a different amount (code <c>points.idempotency-key-conflict</c>).</exception>
    /// <exception cref="ConcurrencyException">Other writers kept saving the account first, <see cref="UnitOfWorkRetry.MaxAttempts"/> times; call again with the same key.</exception>
    public async Task<PointsCredit> CreditAsync(Actor actor, MemberId member, Points points, string idempotencyKey, string? note = null, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckSpecified(member.IsSpecified, nameof(member), "member must be a real member id, not default.");
        Preconditions.CheckArgument(points.IsPositive, nameof(points), $"points must be positive; it was {points}.");
        Preconditions.CheckNotBlank(idempotencyKey);
        InputPolicy.ThrowIfAny("The credit", [
            InputPolicy.CheckText(idempotencyKey, nameof(idempotencyKey), member.ToString(), InputPolicy.MaxNameLength),
            InputPolicy.CheckText(note, nameof(note), member.ToString(), InputPolicy.MaxFreeTextLength, required: false, freeText: true)]);
        await DemandOnAccountAsync(actor, Capabilities.CreditAccount, member, cancellationToken).ConfigureAwait(false);
        return await WithRetryAsync(async () =>
        {
            var account = await accounts.GetByIdAsync(member, cancellationToken).ConfigureAwait(false);
            if (account is not null && await FindYearAsync(member, y => y.Credits.Any(c => c.IdempotencyKey == idempotencyKey), cancellationToken).ConfigureAwait(false) is { } used)
            {
                var earlier = used.FindCredit(idempotencyKey)!;
                Preconditions.CheckState(earlier.Points == points, ErrorCodes.IdempotencyKeyConflict,
                    $"Credit key '{idempotencyKey}' of {member} was used for {earlier.Points} points, not {points}; nothing was credited.");
                return earlier;
            }
            bool opened = account is null;
            account ??= new PointsAccount(member);
            var now = clock.GetCurrentInstant();
            var (year, newYear) = await YearOfAsync(member, now, cancellationToken).ConfigureAwait(false);
            var credit = account.Credit(year, points, idempotencyKey, note, now);
            await SaveAsync(account, opened, year, newYear, cancellationToken).ConfigureAwait(false);
            return credit;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Redeems <paramref name="quantity"/> units of a reward item: debits price × quantity from the member's balance
    /// and takes the units from stock, in one unit of work. The same key twice is one redemption: the second call
    /// returns the first redemption and changes nothing (even if the item has since run out or been withdrawn).
    /// Needs <see cref="Capabilities.Redeem"/>: the account holder in person, or a cashier with the member within jurisdiction.
    /// </summary>
    /// <param name="actor">Who redeems: <c>Actor.Member(member)</c>, or a cashier's post (<c>Actor.Post(cashier, RoleKind.Cashier, unit)</c>).</param>
    /// <param name="member">The member whose points are spent.</param>
    /// <param name="rewardItem">The catalogue item.</param>
    /// <param name="quantity">How many units; at least one.</param>
    /// <param name="idempotencyKey">The caller's key for this redemption (e.g. an order number).</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The redemption: what, how many, the cost and the balance after it.</returns>
    /// <exception cref="GridGovernanceValidationException"><paramref name="member"/> or the reward item is <c>default</c> (code <c>value.invalid</c>). <paramref name="idempotencyKey"/> is blank.</exception>
    /// <exception cref="GridGovernanceValidationException"><paramref name="quantity"/> is below one.</exception>
    /// <exception cref="EntityNotFoundException">The reward item does not exist.</exception>
    /// <exception cref="ForbiddenException">The actor may not spend from the member's account (code <c>rewards.forbidden</c>).</exception>
    /// <exception cref="GridGovernanceException">
    /// Nothing was redeemed because the item is inactive (code <c>points.reward-item-inactive</c>), its stock is
    /// short (<c>points.out-of-stock</c>), the balance does not cover the cost (<c>points.insufficient-balance</c>),
    /// or the key was used for another item or quantity (<c>points.idempotency-key-conflict</c>).
    /// </exception>
    /// <exception cref="ConcurrencyException">Other writers kept saving the account or item first, <see cref="UnitOfWorkRetry.MaxAttempts"/> times; call again with the same key.</exception>
    public async Task<Redemption> RedeemAsync(Actor actor, MemberId member, RewardItemId rewardItem, int quantity, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckSpecified(member.IsSpecified, nameof(member), "member must be a real member id, not default.");
        Preconditions.CheckSpecified(rewardItem.IsSpecified, nameof(rewardItem), "rewardItem must be a real reward item id, not default.");
        Preconditions.CheckArgumentRange(nameof(quantity), quantity, 1, int.MaxValue);
        Preconditions.CheckNotBlank(idempotencyKey);
        await DemandOnAccountAsync(actor, Capabilities.Redeem, member, cancellationToken).ConfigureAwait(false);
        return await WithRetryAsync(async () =>
        {
            var account = await accounts.GetByIdAsync(member, cancellationToken).ConfigureAwait(false);
            if (account is not null && await FindYearAsync(member, y => y.Redemptions.Any(r => r.IdempotencyKey == idempotencyKey), cancellationToken).ConfigureAwait(false) is { } used)
            {
                var earlier = used.FindRedemption(idempotencyKey)!;
                Preconditions.CheckState(earlier.Item == rewardItem && earlier.Quantity == quantity, ErrorCodes.IdempotencyKeyConflict,
                    $"Redemption key '{idempotencyKey}' of {member} was used for {earlier.Quantity} × {earlier.Item}, not {quantity} × {rewardItem}; nothing was redeemed.");
                return earlier;
            }
            var item = await items.GetByIdAsync(rewardItem, cancellationToken).ConfigureAwait(false)
                ?? throw new EntityNotFoundException(nameof(RewardItem), rewardItem);
            item.CheckCanDispense(quantity);
            // No account yet means a zero balance: the debit below refuses it without anything being staged.
            bool opened = account is null;
            account ??= new PointsAccount(member);
            var now = clock.GetCurrentInstant();
            var (year, newYear) = await YearOfAsync(member, now, cancellationToken).ConfigureAwait(false);
            var redemption = account.Debit(year, item, quantity, idempotencyKey, now);
            item.Dispense(quantity, idempotencyKey);
            await items.UpdateAsync(item, cancellationToken).ConfigureAwait(false);
            await SaveAsync(account, opened, year, newYear, cancellationToken).ConfigureAwait(false);
            return redemption;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds an item to the catalogue. Needs <see cref="Capabilities.ManageRewards"/>.</summary>
    /// <param name="actor">Who keeps the catalogue: by default a secretary or cashier of a top-level unit.</param>
    /// <param name="id">The item's id.</param>
    /// <param name="name">Its name.</param>
    /// <param name="price">The points one unit costs; positive.</param>
    /// <param name="stock">Units available; zero or more.</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The stored item.</returns>
    /// <exception cref="GridGovernanceValidationException">A value is out of range (see <see cref="RewardItem(RewardItemId, string, Points, int)"/>).</exception>
    /// <exception cref="ForbiddenException">The actor may not keep the catalogue (code <c>rewards.forbidden</c>).</exception>
    /// <exception cref="GridGovernanceException">The id is taken (code <c>storage.duplicate-key</c>).</exception>
    public async Task<RewardItem> AddRewardItemAsync(Actor actor, RewardItemId id, string name, Points price, int stock, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        var item = new RewardItem(id, name, price, stock);
        await DemandOnItemAsync(actor, id, cancellationToken).ConfigureAwait(false);
        await items.AddAsync(item, cancellationToken).ConfigureAwait(false);
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return item;
    }

    /// <summary>
    /// Adds units to an item's stock (retried on concurrency conflicts like a redemption; not idempotent). Needs
    /// <see cref="Capabilities.ManageRewards"/>.
    /// </summary>
    /// <param name="actor">Who keeps the catalogue.</param>
    /// <param name="id">The item.</param>
    /// <param name="quantity">Units to add; at least one.</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The item after the change.</returns>
    /// <exception cref="GridGovernanceValidationException"><paramref name="quantity"/> is below one.</exception>
    /// <exception cref="EntityNotFoundException">The item does not exist.</exception>
    /// <exception cref="ForbiddenException">The actor may not keep the catalogue (code <c>rewards.forbidden</c>).</exception>
    /// <exception cref="ConcurrencyException">Other writers kept saving the item first, <see cref="UnitOfWorkRetry.MaxAttempts"/> times.</exception>
    public Task<RewardItem> AddStockAsync(Actor actor, RewardItemId id, int quantity, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        Preconditions.CheckArgumentRange(nameof(quantity), quantity, 1, int.MaxValue);
        return ChangeItemAsync(actor, id, item => item.AddStock(quantity), cancellationToken);
    }

    /// <summary>
    /// Withdraws an item from the catalogue; it stays stored for history but can no longer be redeemed. Needs
    /// <see cref="Capabilities.ManageRewards"/>.
    /// </summary>
    /// <param name="actor">Who keeps the catalogue.</param>
    /// <param name="id">The item.</param>
    /// <param name="cancellationToken">Cancels the call before it is saved.</param>
    /// <returns>The item after the change.</returns>
    /// <exception cref="EntityNotFoundException">The item does not exist.</exception>
    /// <exception cref="ForbiddenException">The actor may not keep the catalogue (code <c>rewards.forbidden</c>).</exception>
    /// <exception cref="GridGovernanceException">The item is already inactive (code <c>points.reward-item-inactive</c>).</exception>
    public Task<RewardItem> DeactivateRewardItemAsync(Actor actor, RewardItemId id, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(actor);
        return ChangeItemAsync(actor, id, item => item.Deactivate(), cancellationToken);
    }

    private async Task<RewardItem> ChangeItemAsync(Actor actor, RewardItemId id, Action<RewardItem> change, CancellationToken cancellationToken)
    {
        Preconditions.CheckSpecified(id.IsSpecified, nameof(id), "id must be a real reward item id, not default.");
        await DemandOnItemAsync(actor, id, cancellationToken).ConfigureAwait(false);
        return await WithRetryAsync(async () =>
        {
            var item = await items.GetByIdAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new EntityNotFoundException(nameof(RewardItem), id);
            change(item);
            await items.UpdateAsync(item, cancellationToken).ConfigureAwait(false);
            await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return item;
        }, cancellationToken).ConfigureAwait(false);
    }

    private LocalDate Today => clock.Today(options.TimeZone);

    /// <summary>Demands <paramref name="capability"/> on a member's account: it sits at, and is owned by, the member.</summary>
    private ValueTask DemandOnAccountAsync(Actor actor, Capability capability, MemberId member, CancellationToken cancellationToken) =>
        authority.DemandAsync(actor, capability, AuthoritySubject.OfMember("points-account of " + ActorNames.ForMember(member), member), Today, cancellationToken);

    private ValueTask DemandOnItemAsync(Actor actor, RewardItemId id, CancellationToken cancellationToken) =>
        authority.DemandAsync(actor, Capabilities.ManageRewards, new AuthoritySubject(id.ToString()), Today, cancellationToken);

    /// <summary>The year of the member's account holding a key, whichever year it was used in; <c>null</c> for a new key.</summary>
    private async Task<PointsAccountYear?> FindYearAsync(MemberId member, System.Linq.Expressions.Expression<Func<PointsAccountYear, bool>> holdsKey,
        CancellationToken cancellationToken)
    {
        var found = await years.ListAsync(Specification.Create<PointsAccountYear>(q => q.Where(y => y.Id.Member == member).Where(holdsKey)), cancellationToken)
            .ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>The member's year of <paramref name="now"/>, and whether it is new (not stored yet).</summary>
    private async Task<(PointsAccountYear Year, bool IsNew)> YearOfAsync(MemberId member, NodaTime.Instant now, CancellationToken cancellationToken)
    {
        var id = new PointsAccountYearId(member, now.InZone(options.TimeZone).Year);
        var stored = await years.GetByIdAsync(id, cancellationToken).ConfigureAwait(false);
        return stored is null ? (new PointsAccountYear(member, id.Year), true) : (stored, false);
    }

    private async Task SaveAsync(PointsAccount account, bool opened, PointsAccountYear year, bool newYear, CancellationToken cancellationToken)
    {
        if (opened)
        {
            await accounts.AddAsync(account, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await accounts.UpdateAsync(account, cancellationToken).ConfigureAwait(false);
        }
        if (newYear)
        {
            await years.AddAsync(year, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await years.UpdateAsync(year, cancellationToken).ConfigureAwait(false);
        }
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    // A duplicate key can only be two first writes racing to open one account or one year: the loser retries as an update.
    private Task<T> WithRetryAsync<T>(Func<Task<T>> attempt, CancellationToken cancellationToken) =>
        UnitOfWorkRetry.RunAsync(unitOfWork, attempt, cancellationToken);
}
