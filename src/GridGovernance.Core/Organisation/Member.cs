using System.Collections.Immutable;
using NodaTime;

namespace GridGovernance.Organisation;

/// <summary>
/// A party member (党员). A member belongs to one primary branch at a time (组织关系, kept with history in
/// <see cref="Branches"/>) and may also register with other units (双报到, <see cref="DualRegistrations"/>); they
/// hold time-bounded roles (网格长, 网格员, 兼职委员, 联络员, 党小组长, 楼栋长, 哨兵, 党员中心户).
/// </summary>
[Mutable]
public sealed class Member : AggregateRoot<MemberId>
{
    private Member(MemberId id, MemberDraft draft, LocalDate effective)
        : base(id)
    {
        Name = draft.Name.Trim();
        Kind = draft.Kind;
        JoinedPartyOn = draft.JoinedPartyOn;
        Phone = draft.Phone;
        Location = draft.Location;
        Branches = Timeline<OrgUnitId>.StartWith(draft.BranchId, effective);
    }

    /// <summary>Full name (masked in public outputs).</summary>
    public string Name { get; private set; }

    /// <summary>Long-resident, in-service or mobile.</summary>
    public MemberKind Kind { get; private set; }

    /// <summary>The day they joined the Party (入党日期; the 政治生日 anniversary).</summary>
    public LocalDate JoinedPartyOn { get; }

    /// <summary>A contact phone number, or <c>null</c>.</summary>
    public string? Phone { get; private set; }

    /// <summary>Where the member lives, or <c>null</c>.</summary>
    public GeoPoint? Location { get; private set; }

    /// <summary>The history of the primary branch (组织关系); its extent is the member's time on the roster.</summary>
    public Timeline<OrgUnitId> Branches { get; private set; }

    /// <summary>Dual registrations (双报到), with history.</summary>
    public ImmutableArray<DualRegistration> DualRegistrations { get; private set; } = [];

    /// <summary>Roles held, with history.</summary>
    public ImmutableArray<RoleAssignment> Roles { get; private set; } = [];

    /// <summary>The current (latest) primary branch.</summary>
    public OrgUnitId BranchId => Branches.Current;

    /// <summary>Whether the member is still on the roster.</summary>
    public bool IsActive => Branches.IsOpen;

    /// <summary>The primary branch on <paramref name="date"/>, or <c>null</c> when not on the roster then.</summary>
    /// <param name="date">The day to ask about.</param>
    public OrgUnitId? BranchOn(LocalDate date) => Branches.TryGetValueAt(date, out var branch) ? branch : null;

    /// <summary>The roles held on <paramref name="date"/>.</summary>
    /// <param name="date">The day to ask about.</param>
    public IEnumerable<RoleAssignment> RolesOn(LocalDate date) => Roles.Where(r => r.Validity.Contains(date));

    /// <summary>The dual registrations that hold on <paramref name="date"/>.</summary>
    /// <param name="date">The day to ask about.</param>
    public IEnumerable<DualRegistration> RegistrationsOn(LocalDate date) => DualRegistrations.Where(r => r.Validity.Contains(date));

    /// <summary>Updates contact details (not part of the hierarchy, so not dated).</summary>
    /// <param name="phone">A phone number of 5–15 digits, or <c>null</c>.</param>
    /// <param name="location">Where they live, or <c>null</c>.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="phone"/> is not 5–15 digits.</exception>
    public void UpdateContact(string? phone, GeoPoint? location)
    {
        Preconditions.CheckArgument(phone is null || RosterRules.IsValidPhone(phone), nameof(phone), "phone must be 5 to 15 digits, optionally starting with +.");
        Phone = phone;
        Location = location;
    }

    /// <summary>Changes the member's kind (for example an in-service member who retires becomes long-resident).</summary>
    /// <param name="kind">The new kind.</param>
    public void ChangeKind(MemberKind kind) => Kind = kind;

    internal static Member Create(MemberDraft draft, LocalDate effective)
    {
        var member = new Member(draft.Id, draft, effective);
        member.Raise(new MemberAdded(draft.Id, draft.BranchId, effective));
        return member;
    }

    internal void TransferTo(OrgUnitId branch, LocalDate effective)
    {
        CheckActive(effective);
        var old = BranchId;
        var changed = Branches.ChangeTo(branch, effective);
        if (!ReferenceEquals(changed, Branches))
        {
            Branches = changed;
            Raise(new MemberTransferred(Id, old, branch, effective));
        }
    }

    internal void Leave(LocalDate effective)
    {
        CheckActive(effective);
        Branches = Branches.EndOn(effective);
        EndAttachments(_ => true, effective);
        Raise(new MemberLeft(Id, effective));
    }

    /// <summary>Whether the member holds a role on, or is registered with, <paramref name="unit"/> on or after <paramref name="date"/>.</summary>
    internal bool IsAttachedTo(OrgUnitId unit, LocalDate date) =>
        Roles.Any(r => r.Unit == unit && (r.Validity.Until is null || r.Validity.Until > date))
        || DualRegistrations.Any(r => r.Unit == unit && (r.Validity.Until is null || r.Validity.Until > date));

    /// <summary>Ends the roles held on, and registrations with, a unit that closes on <paramref name="effective"/>.</summary>
    internal void DetachFrom(OrgUnitId unit, LocalDate effective) => EndAttachments(u => u == unit, effective);

    private void EndAttachments(Func<OrgUnitId, bool> which, LocalDate effective)
    {
        static bool Runs(Validity v, LocalDate date) => v.Until is null || v.Until > date;
        var roles = ImmutableArray.CreateBuilder<RoleAssignment>();
        foreach (var r in Roles)
        {
            if (!which(r.Unit) || !Runs(r.Validity, effective))
            {
                roles.Add(r);
            }
            else if (r.Validity.From < effective)
            {
                var ended = r with { Validity = r.Validity.EndOn(effective) };
                roles.Add(ended);
                Raise(new MemberRoleEnded(Id, ended));
            }
        }
        Roles = roles.ToImmutable();
        var registrations = ImmutableArray.CreateBuilder<DualRegistration>();
        foreach (var r in DualRegistrations)
        {
            if (!which(r.Unit) || !Runs(r.Validity, effective))
            {
                registrations.Add(r);
            }
            else if (r.Validity.From < effective)
            {
                var ended = r with { Validity = r.Validity.EndOn(effective) };
                registrations.Add(ended);
                Raise(new MemberRegistrationEnded(Id, ended));
            }
        }
        DualRegistrations = registrations.ToImmutable();
    }

    internal void RegisterWith(OrgUnitId unit, Validity validity, StationedUnitId? workplace = null)
    {
        CheckActive(validity.From);
        Preconditions.CheckState(!DualRegistrations.Any(r => r.Unit == unit && r.Validity.Overlaps(validity)), ErrorCodes.InvalidRole,
            $"{Id} is already registered with {unit} during {validity}.");
        var registration = new DualRegistration(unit, validity) { Workplace = workplace };
        DualRegistrations = DualRegistrations.Add(registration);
        Raise(new MemberDualRegistered(Id, registration));
    }

    internal void Assign(RoleAssignment assignment)
    {
        CheckActive(assignment.Validity.From);
        Preconditions.CheckState(!Roles.Any(r => r.Role == assignment.Role && r.Unit == assignment.Unit && r.Validity.Overlaps(assignment.Validity)), ErrorCodes.InvalidRole,
            $"{Id} already holds {assignment.Role} on {assignment.Unit} during part of {assignment.Validity}.");
        Roles = Roles.Add(assignment);
        Raise(new MemberRoleAssigned(Id, assignment));
    }

    internal void EndRole(RoleKind role, OrgUnitId unit, LocalDate effective)
    {
        int index = -1;
        for (int i = 0; i < Roles.Length && index < 0; i++)
        {
            var r = Roles[i];
            if (r.Role == role && r.Unit == unit && r.Validity.Contains(effective) && r.Validity.From < effective)
            {
                index = i;
            }
        }
        Preconditions.CheckState(index >= 0, ErrorCodes.InvalidRole, $"{Id} holds no {role} on {unit} that started before {effective:yyyy-MM-dd} and is still held then.");
        var ended = Roles[index] with { Validity = Roles[index].Validity.EndOn(effective) };
        Roles = Roles.SetItem(index, ended);
        Raise(new MemberRoleEnded(Id, ended));
    }

    private void CheckActive(LocalDate date)
    {
        Preconditions.CheckState(IsActive, ErrorCodes.NotOnRoster, $"{Id} left the roster on {Branches.Last.Until:yyyy-MM-dd}.");
        Preconditions.CheckState(date >= Branches.Start, ErrorCodes.RetroactiveChange, $"{Id} joined the roster on {Branches.Start:yyyy-MM-dd}; nothing can happen to them on {date:yyyy-MM-dd}.");
    }

    // The stored form (GridGovernance.Persistence.StoredForms): every value by its contract name, and back.
    private Member(Persistence.MemberStoredForm form)
        : base(form.Id)
    {
        Name = form.Name;
        Kind = form.Kind;
        JoinedPartyOn = form.JoinedPartyOn;
        Phone = form.Phone;
        Location = form.Location;
        Branches = Timeline<OrgUnitId>.FromSegments(form.Branches);
        DualRegistrations = form.DualRegistrations;
        Roles = form.Roles;
    }

    /// <summary>This Member's stored form.</summary>
    internal Persistence.MemberStoredForm ToStoredForm() => new()
    {
        Id = Id,
        Name = Name,
        Kind = Kind,
        JoinedPartyOn = JoinedPartyOn,
        Phone = Phone,
        Location = Location,
        Branches = Branches.Segments,
        DualRegistrations = DualRegistrations,
        Roles = Roles,
    };

    /// <summary>Rebuilds a Member from its stored form (checked by <see cref="Persistence.StoredForms"/>).</summary>
    internal static Member FromStoredForm(Persistence.MemberStoredForm form) => new(form);
}
