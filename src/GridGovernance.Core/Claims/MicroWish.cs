using NodaTime;

namespace GridGovernance.Claims;

/// <summary>
/// A micro-wish (微心愿) of a resident, claimed by one member (认领微心愿). An unfulfilled claim expires after a number
/// of days and the wish returns to the pool; expiry is judged against a date passed in, never a timer.
/// </summary>
[Mutable]
public sealed class MicroWish : AggregateRoot<WishId>
{
    /// <summary>Records a wish.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="unit">The unit whose pool it is in (the resident's community or grid): where the matter sits for the authority rules.</param>
    /// <param name="text">The wish, e.g. "一台助听器".</param>
    /// <param name="resident">Who made it (store it masked, see <see cref="PersonalDataMasking"/>).</param>
    /// <param name="raisedOn">The day it was made.</param>
    /// <exception cref="GridGovernanceValidationException">A value is missing.</exception>
    public MicroWish(WishId id, OrgUnitId unit, string text, string resident, LocalDate raisedOn)
        : base(id)
    {
        Preconditions.CheckSpecified(id.IsSpecified, nameof(id), "id must be a real wish id, not default.");
        Preconditions.CheckSpecified(unit.IsSpecified, nameof(unit), "unit must be a real unit id, not default.");
        Unit = unit;
        Text = Preconditions.CheckNotBlank(text);
        Resident = Preconditions.CheckNotBlank(resident);
        RaisedOn = raisedOn;
    }

    /// <summary>
    /// The unit whose pool it is in: where the matter sits for the authority rules. When that unit closes in a merge, split
    /// or close while the wish is open or claimed, it is the successor (机构调整); the claim stays.
    /// </summary>
    public OrgUnitId Unit { get; private set; }

    /// <summary>The wish.</summary>
    public string Text { get; }

    /// <summary>Who made it.</summary>
    public string Resident { get; }

    /// <summary>The day it was made.</summary>
    public LocalDate RaisedOn { get; }

    /// <summary>Where it stands.</summary>
    public WishStatus Status { get; private set; }

    /// <summary>The current claimant, or <c>null</c>.</summary>
    public MemberId? Claimant { get; private set; }

    /// <summary>The day of the current claim, or <c>null</c>.</summary>
    public LocalDate? ClaimedOn { get; private set; }

    /// <summary>The day it was fulfilled, or <c>null</c>.</summary>
    public LocalDate? FulfilledOn { get; private set; }

    /// <summary>Whether the current claim has lapsed on <paramref name="today"/>: claimed more than <paramref name="expiryDays"/> days before.</summary>
    /// <param name="today">The day to judge on.</param>
    /// <param name="expiryDays">Days a claim stays valid; ≥ 1.</param>
    public bool IsExpired(LocalDate today, int expiryDays)
    {
        Preconditions.CheckArgumentRange(nameof(expiryDays), expiryDays, 1, 3650);
        return Status == WishStatus.Claimed && ClaimedOn is LocalDate on && today > on.PlusDays(expiryDays);
    }

    /// <summary>
    /// Claims the wish for a member. A lapsed claim of someone else is expired first (the wish returns to the pool and is
    /// then claimed).
    /// </summary>
    /// <param name="member">The claimant.</param>
    /// <param name="today">The day.</param>
    /// <param name="expiryDays">Days a claim stays valid.</param>
    /// <exception cref="GridGovernanceException">Someone else holds a live claim (<c>claims.wish-taken</c>).</exception>
    /// <exception cref="IllegalTransitionException">It is fulfilled, or the member already holds it.</exception>
    public void Claim(MemberId member, LocalDate today, int expiryDays)
    {
        Preconditions.CheckSpecified(member.IsSpecified, nameof(member), "member must be a real member id, not default.");
        ExpireIfDue(today, expiryDays);
        Preconditions.CheckState(Status != WishStatus.Claimed || Claimant == member, ErrorCodes.ClaimsWishTaken, $"{Id} is already claimed by someone else; one wish, one claimant.");
        MoveTo(WishStatus.Claimed);
        Claimant = member;
        ClaimedOn = today;
        Raise(new MicroWishClaimed(Id, member, today));
    }

    /// <summary>Returns the wish to the pool when its claim has lapsed on <paramref name="today"/>.</summary>
    /// <param name="today">The day to judge on.</param>
    /// <param name="expiryDays">Days a claim stays valid.</param>
    /// <returns>Whether it expired.</returns>
    public bool ExpireIfDue(LocalDate today, int expiryDays)
    {
        if (!IsExpired(today, expiryDays))
        {
            return false;
        }
        var lapsed = Claimant!.Value;
        MoveTo(WishStatus.Open);
        Claimant = null;
        ClaimedOn = null;
        Raise(new MicroWishClaimExpired(Id, lapsed, today));
        return true;
    }

    /// <summary>Marks it fulfilled by its claimant.</summary>
    /// <param name="member">The claimant.</param>
    /// <param name="today">The day.</param>
    /// <param name="expiryDays">Days a claim stays valid; a lapsed claim can no longer be fulfilled.</param>
    /// <exception cref="GridGovernanceException">The member does not hold a live claim (<c>claims.not-claimant</c>).</exception>
    /// <exception cref="IllegalTransitionException">It is not claimed.</exception>
    public void Fulfil(MemberId member, LocalDate today, int expiryDays)
    {
        ExpireIfDue(today, expiryDays);
        if (Status != WishStatus.Claimed)
        {
            Check(Status, WishStatus.Fulfilled);
        }
        Preconditions.CheckState(Claimant == member, ErrorCodes.ClaimsNotClaimant, $"{member} does not hold the claim of {Id}.");
        MoveTo(WishStatus.Fulfilled);
        FulfilledOn = today;
        Raise(new MicroWishFulfilled(Id, member, today));
    }

    /// <summary>Follows a restructure (机构调整): the successor of its closed unit keeps it in its pool; a claim stays.</summary>
    internal void FollowSuccessor(OrgUnitId to, LocalDate effective, string actor)
    {
        Preconditions.CheckState(Status != WishStatus.Fulfilled, ErrorCodes.ClaimsIllegalTransition, $"{Id} is fulfilled; it stays where it ended.");
        var from = Unit;
        if (from == to)
        {
            return;
        }
        Unit = to;
        Raise(new MicroWishFollowedSuccessor(Id, from, to, effective, actor));
    }

    private void MoveTo(WishStatus to)
    {
        Check(Status, to);
        Status = to;
    }

    private void Check(WishStatus from, WishStatus to) => WishLifecycle.Table.Apply(from, to, $"{nameof(MicroWish)} {Id}", Id);

    // The stored form (GridGovernance.Persistence.StoredForms): every value by its contract name, and back.
    private MicroWish(Persistence.MicroWishStoredForm form)
        : base(form.Id)
    {
        Unit = form.Unit;
        Text = form.Text;
        Resident = form.Resident;
        RaisedOn = form.RaisedOn;
        Status = form.Status;
        Claimant = form.Claimant;
        ClaimedOn = form.ClaimedOn;
        FulfilledOn = form.FulfilledOn;
    }

    /// <summary>This MicroWish's stored form.</summary>
    internal Persistence.MicroWishStoredForm ToStoredForm() => new()
    {
        Id = Id,
        Unit = Unit,
        Text = Text,
        Resident = Resident,
        RaisedOn = RaisedOn,
        Status = Status,
        Claimant = Claimant,
        ClaimedOn = ClaimedOn,
        FulfilledOn = FulfilledOn,
    };

    /// <summary>Rebuilds a MicroWish from its stored form (checked by <see cref="Persistence.StoredForms"/>).</summary>
    internal static MicroWish FromStoredForm(Persistence.MicroWishStoredForm form) => new(form);
}
