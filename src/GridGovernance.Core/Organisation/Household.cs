using NodaTime;

namespace GridGovernance.Organisation;

/// <summary>
/// A resident household (群众户; 联系户 once linked to a member). It is placed in a grid (or a building group) with
/// history, so "which grid was it in on that date" can be answered after a restructuring.
/// </summary>
[Mutable]
public sealed class Household : AggregateRoot<HouseholdId>
{
    private Household(HouseholdDraft draft, LocalDate effective)
        : base(draft.Id)
    {
        Address = draft.Address.Trim();
        Location = draft.Location;
        Residents = draft.Residents;
        HeadName = draft.HeadName;
        Phone = draft.Phone;
        Units = Timeline<OrgUnitId>.StartWith(draft.UnitId, effective);
    }

    /// <summary>Building and door (never published as is).</summary>
    public string Address { get; private set; }

    /// <summary>Where it is, or <c>null</c>.</summary>
    public GeoPoint? Location { get; private set; }

    /// <summary>How many people live there.</summary>
    public int Residents { get; private set; }

    /// <summary>The head of the household's name, or <c>null</c>.</summary>
    public string? HeadName { get; private set; }

    /// <summary>A contact phone number, or <c>null</c>.</summary>
    public string? Phone { get; private set; }

    /// <summary>The history of the unit (grid or group) it is placed in; its extent is its time on the roster.</summary>
    public Timeline<OrgUnitId> Units { get; private set; }

    /// <summary>The current (latest) unit.</summary>
    public OrgUnitId UnitId => Units.Current;

    /// <summary>Whether the household is still on the roster.</summary>
    public bool IsActive => Units.IsOpen;

    /// <summary>The unit on <paramref name="date"/>, or <c>null</c> when not on the roster then.</summary>
    /// <param name="date">The day to ask about.</param>
    public OrgUnitId? UnitOn(LocalDate date) => Units.TryGetValueAt(date, out var unit) ? unit : null;

    /// <summary>Updates the household's details (not part of the hierarchy, so not dated).</summary>
    /// <param name="residents">How many people live there; zero or more.</param>
    /// <param name="headName">The head's name, or <c>null</c>.</param>
    /// <param name="phone">A phone number of 5–15 digits, or <c>null</c>.</param>
    public void UpdateDetails(int residents, string? headName, string? phone)
    {
        Preconditions.CheckArgumentRange(nameof(residents), residents, 0, 10_000);
        Preconditions.CheckArgument(phone is null || RosterRules.IsValidPhone(phone), nameof(phone), "phone must be 5 to 15 digits, optionally starting with +.");
        Residents = residents;
        HeadName = headName;
        Phone = phone;
    }

    internal static Household Create(HouseholdDraft draft, LocalDate effective)
    {
        var household = new Household(draft, effective);
        household.Raise(new HouseholdAdded(draft.Id, draft.UnitId, effective));
        return household;
    }

    internal void MoveTo(OrgUnitId unit, LocalDate effective)
    {
        Preconditions.CheckState(IsActive, ErrorCodes.NotOnRoster, $"{Id} left the roster on {Units.Last.Until:yyyy-MM-dd}.");
        var old = UnitId;
        var changed = Units.ChangeTo(unit, effective);
        if (!ReferenceEquals(changed, Units))
        {
            Units = changed;
            Raise(new HouseholdMoved(Id, old, unit, effective));
        }
    }

    internal void Remove(LocalDate effective)
    {
        Preconditions.CheckState(IsActive, ErrorCodes.NotOnRoster, $"{Id} left the roster on {Units.Last.Until:yyyy-MM-dd}.");
        Units = Units.EndOn(effective);
        Raise(new HouseholdRemoved(Id, effective));
    }

    // The stored form (GridGovernance.Persistence.StoredForms): every value by its contract name, and back.
    private Household(Persistence.HouseholdStoredForm form)
        : base(form.Id)
    {
        Address = form.Address;
        Location = form.Location;
        Residents = form.Residents;
        HeadName = form.HeadName;
        Phone = form.Phone;
        Units = Timeline<OrgUnitId>.FromSegments(form.Units);
    }

    /// <summary>This Household's stored form.</summary>
    internal Persistence.HouseholdStoredForm ToStoredForm() => new()
    {
        Id = Id,
        Address = Address,
        Location = Location,
        Residents = Residents,
        HeadName = HeadName,
        Phone = Phone,
        Units = Units.Segments,
    };

    /// <summary>Rebuilds a Household from its stored form (checked by <see cref="Persistence.StoredForms"/>).</summary>
    internal static Household FromStoredForm(Persistence.HouseholdStoredForm form) => new(form);
}
