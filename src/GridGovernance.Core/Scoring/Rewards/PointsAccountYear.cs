using System.Collections.Immutable;

namespace GridGovernance.Scoring.Rewards;

/// <summary>
/// One calendar year of a member's points account (积分账户): the credits and redemptions made that year, oldest first
/// (the itemised ledger, 明细账). The balance and the totals live in the small <see cref="PointsAccount"/>, which every
/// credit and redemption saves with its year, so a member's account stays small however many years it runs.
/// </summary>
/// <remarks>
/// The year is the calendar year, in <see cref="GridGovernanceOptions.TimeZone"/>, of the moment of the credit or
/// redemption. Idempotency keys are a member's for good: <see cref="RedemptionService"/> recognises a key used in any
/// earlier year, not only in this one.
/// </remarks>
[Mutable]
public sealed class PointsAccountYear : AggregateRoot<PointsAccountYearId>
{
    private ImmutableHashSet<string> creditKeys = ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal);
    private ImmutableHashSet<string> redemptionKeys = ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal);

    /// <summary>Opens an empty year of a member's account (the service opens one on the year's first credit or redemption).</summary>
    /// <param name="member">The member who owns the account.</param>
    /// <param name="year">The calendar year.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="member"/> is <c>default</c> (code <c>value.invalid</c>). <paramref name="year"/> is not between 1 and 9999.</exception>
    public PointsAccountYear(MemberId member, int year)
        : base(new PointsAccountYearId(member, year))
    {
        Preconditions.CheckSpecified(member.IsSpecified, nameof(member), "member must be a real member id, not default.");
        Preconditions.CheckArgumentRange(nameof(year), year, 1, 9999);
    }

    /// <summary>The member who owns the account.</summary>
    public MemberId Member => Id.Member;

    /// <summary>The calendar year.</summary>
    public int Year => Id.Year;

    /// <summary>The year's credits, oldest first.</summary>
    public ImmutableArray<PointsCredit> Credits { get; private set; } = [];

    /// <summary>The year's redemptions, oldest first.</summary>
    public ImmutableArray<Redemption> Redemptions { get; private set; } = [];

    /// <summary>The credit recorded this year under <paramref name="idempotencyKey"/>, or <c>null</c>.</summary>
    /// <param name="idempotencyKey">A credit's idempotency key.</param>
    public PointsCredit? FindCredit(string idempotencyKey) =>
        creditKeys.Contains(Preconditions.CheckNotNull(idempotencyKey))
            ? Credits.First(c => string.Equals(c.IdempotencyKey, idempotencyKey, StringComparison.Ordinal))
            : null;

    /// <summary>The redemption recorded this year under <paramref name="idempotencyKey"/>, or <c>null</c>.</summary>
    /// <param name="idempotencyKey">A redemption's idempotency key.</param>
    public Redemption? FindRedemption(string idempotencyKey) =>
        redemptionKeys.Contains(Preconditions.CheckNotNull(idempotencyKey))
            ? Redemptions.First(r => string.Equals(r.IdempotencyKey, idempotencyKey, StringComparison.Ordinal))
            : null;

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Credits.Length} credits, {Redemptions.Length} redemptions)";

    internal void Add(PointsCredit credit)
    {
        Preconditions.CheckState(!creditKeys.Contains(credit.IdempotencyKey), ErrorCodes.IdempotencyKeyConflict,
            $"Credit key '{credit.IdempotencyKey}' of {Member} is already used.");
        Credits = Credits.Add(credit);
        creditKeys = creditKeys.Add(credit.IdempotencyKey);
    }

    internal void Add(Redemption redemption)
    {
        Preconditions.CheckArgument(!redemptionKeys.Contains(redemption.IdempotencyKey), nameof(redemption),
            $"Redemption key '{redemption.IdempotencyKey}' of {Member} is already used.");
        Redemptions = Redemptions.Add(redemption);
        redemptionKeys = redemptionKeys.Add(redemption.IdempotencyKey);
    }

    // The stored form (GridGovernance.Persistence.StoredForms): every value by its contract name, and back.
    private PointsAccountYear(Persistence.PointsAccountYearStoredForm form)
        : base(form.Id)
    {
        Credits = form.Credits;
        Redemptions = form.Redemptions;
        creditKeys = ImmutableHashSet.CreateRange(StringComparer.Ordinal, Credits.Select(c => c.IdempotencyKey));
        redemptionKeys = ImmutableHashSet.CreateRange(StringComparer.Ordinal, Redemptions.Select(r => r.IdempotencyKey));
        Preconditions.CheckArgument(creditKeys.Count == Credits.Length, nameof(form.Credits), "Two credits have the same idempotency key.");
        Preconditions.CheckArgument(redemptionKeys.Count == Redemptions.Length, nameof(form.Redemptions), "Two redemptions have the same idempotency key.");
    }

    /// <summary>This PointsAccountYear's stored form.</summary>
    internal Persistence.PointsAccountYearStoredForm ToStoredForm() => new()
    {
        Id = Id,
        Credits = Credits,
        Redemptions = Redemptions,
    };

    /// <summary>Rebuilds a PointsAccountYear from its stored form (checked by <see cref="Persistence.StoredForms"/>).</summary>
    internal static PointsAccountYear FromStoredForm(Persistence.PointsAccountYearStoredForm form) => new(form);
}
