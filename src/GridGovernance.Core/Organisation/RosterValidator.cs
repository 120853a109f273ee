using NodaTime;

namespace GridGovernance.Organisation;

/// <summary>
/// Checks a whole <see cref="RosterBatch"/> against the schema, itself and what is stored, collecting every
/// problem. Pure: the stored state comes in as lookups.
/// </summary>
internal sealed class RosterValidator
{
    private readonly HierarchySchema schema;
    private readonly LocalDate effective;
    private readonly IReadOnlyDictionary<OrgUnitId, OrgUnit> storedUnits;
    private readonly IReadOnlySet<MemberId> storedMembers;
    private readonly IReadOnlySet<HouseholdId> storedHouseholds;
    private readonly IReadOnlySet<StationedUnitId> storedStationedUnits;
    private readonly List<ValidationProblem> problems = [];

    internal RosterValidator(
        HierarchySchema schema,
        LocalDate effective,
        IReadOnlyDictionary<OrgUnitId, OrgUnit> storedUnits,
        IReadOnlySet<MemberId> storedMembers,
        IReadOnlySet<HouseholdId> storedHouseholds,
        IReadOnlySet<StationedUnitId> storedStationedUnits)
    {
        this.schema = schema;
        this.effective = effective;
        this.storedUnits = storedUnits;
        this.storedMembers = storedMembers;
        this.storedHouseholds = storedHouseholds;
        this.storedStationedUnits = storedStationedUnits;
    }

    internal IReadOnlyList<ValidationProblem> Validate(RosterBatch batch)
    {
        if (batch.Units is null || batch.Members is null || batch.Households is null || batch.StationedUnits is null || batch.Roles is null)
        {
            foreach (var (list, name) in new (object?, string)[] { (batch.Units, "Units"), (batch.Members, "Members"), (batch.Households, "Households"), (batch.StationedUnits, "StationedUnits"), (batch.Roles, "Roles") })
            {
                if (list is null)
                {
                    Add(name, null, ErrorCodes.InvalidValue, $"{name} must be a list (empty for none), not null.");
                }
            }
            return problems;
        }
        var batchUnits = new Dictionary<OrgUnitId, UnitDraft>();
        CheckIds(batch.Units, "Units", u => u.Id, u => u.Id.IsSpecified, id => storedUnits.ContainsKey(id), batchUnits);
        var batchStationedUnits = new Dictionary<StationedUnitId, StationedUnitDraft>();
        CheckIds(batch.StationedUnits, "StationedUnits", r => r.Id, r => r.Id.IsSpecified, storedStationedUnits.Contains, batchStationedUnits);
        var batchMembers = new Dictionary<MemberId, MemberDraft>();
        CheckIds(batch.Members, "Members", m => m.Id, m => m.Id.IsSpecified, storedMembers.Contains, batchMembers);
        CheckIds(batch.Households, "Households", h => h.Id, h => h.Id.IsSpecified, storedHouseholds.Contains, new Dictionary<HouseholdId, HouseholdDraft>());

        for (int i = 0; i < batch.Units.Count; i++)
        {
            CheckUnit(batch.Units[i], $"Units[{i}]", batchUnits, batchStationedUnits);
        }
        CheckUnitCycles(batch.Units, batchUnits);
        for (int i = 0; i < batch.Members.Count; i++)
        {
            var m = batch.Members[i];
            if (m is null)
            {
                continue; // reported by CheckIds
            }
            string field = $"Members[{i}]";
            CheckText(m.Name, field + ".Name", m.Id.ToString(), InputPolicy.MaxNameLength);
            Add(InputPolicy.CheckDefined(m.Kind, field + ".Kind", m.Id.ToString()));
            CheckLocation(m.Location, field + ".Location", m.Id.ToString());
            if (m.JoinedPartyOn > effective)
            {
                Add(field + ".JoinedPartyOn", m.Id.ToString(), ErrorCodes.InvalidValue, $"JoinedPartyOn ({m.JoinedPartyOn:yyyy-MM-dd}) is after the import date ({effective:yyyy-MM-dd}).");
            }
            CheckPhone(m.Phone, field + ".Phone", m.Id.ToString());
            CheckPlacement(m.BranchId, field + ".BranchId", m.Id.ToString(), batchUnits, schema.MemberKinds, ErrorCodes.MemberPlacementNotAllowed, "members");
        }
        for (int i = 0; i < batch.Households.Count; i++)
        {
            var h = batch.Households[i];
            if (h is null)
            {
                continue; // reported by CheckIds
            }
            string field = $"Households[{i}]";
            CheckText(h.Address, field + ".Address", h.Id.ToString(), InputPolicy.MaxAddressLength);
            Add(InputPolicy.CheckText(h.HeadName, field + ".HeadName", h.Id.ToString(), InputPolicy.MaxNameLength, required: false));
            if (h.Residents < 0)
            {
                Add(field + ".Residents", h.Id.ToString(), ErrorCodes.InvalidValue, $"Residents must be zero or more; it was {h.Residents}.");
            }
            else
            {
                Add(InputPolicy.CheckRange(h.Residents, 0, MaxResidents, field + ".Residents", h.Id.ToString()));
            }
            CheckLocation(h.Location, field + ".Location", h.Id.ToString());
            CheckPhone(h.Phone, field + ".Phone", h.Id.ToString());
            CheckPlacement(h.UnitId, field + ".UnitId", h.Id.ToString(), batchUnits, schema.HouseholdKinds, ErrorCodes.HouseholdPlacementNotAllowed, "households");
        }
        for (int i = 0; i < batch.StationedUnits.Count; i++)
        {
            CheckStationedUnit(batch.StationedUnits[i], $"StationedUnits[{i}]", batchUnits);
        }
        CheckRoles(batch.Roles, batchUnits, batchMembers);
        return problems;
    }

    private void CheckIds<TDraft, TId>(IReadOnlyList<TDraft> rows, string list, Func<TDraft, TId> id, Func<TDraft, bool> specified, Func<TId, bool> stored, Dictionary<TId, TDraft> seen)
        where TId : struct
    {
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row is null)
            {
                Add($"{list}[{i}]", null, ErrorCodes.InvalidValue, "The row is null.");
                continue;
            }
            var key = id(row);
            if (!specified(row))
            {
                Add($"{list}[{i}].Id", null, ErrorCodes.InvalidValue, "Id must be a positive id, not default.");
            }
            else if (!seen.TryAdd(key, row))
            {
                Add($"{list}[{i}].Id", key.ToString(), ErrorCodes.DuplicateId, $"{key} appears more than once in the batch.");
            }
            else if (stored(key))
            {
                Add($"{list}[{i}].Id", key.ToString(), ErrorCodes.DuplicateId, $"{key} is already stored.");
            }
        }
    }

    private void CheckUnit(UnitDraft u, string field, Dictionary<OrgUnitId, UnitDraft> batchUnits, Dictionary<StationedUnitId, StationedUnitDraft> batchStationedUnits)
    {
        if (u is null)
        {
            return;
        }
        string key = u.Id.ToString();
        CheckText(u.Name, field + ".Name", key, InputPolicy.MaxNameLength);
        if (u.GridBranchKind is GridBranchKind branchKind)
        {
            Add(InputPolicy.CheckDefined(branchKind, field + ".GridBranchKind", key));
        }
        if (u.PartyGroupKind is PartyGroupKind groupKind)
        {
            Add(InputPolicy.CheckDefined(groupKind, field + ".PartyGroupKind", key));
        }
        bool kindKnown = u.Kind.Code is not null && schema.Kinds.Contains(u.Kind);
        if (!kindKnown)
        {
            Add(field + ".Kind", key, ErrorCodes.UnknownUnitKind, $"Kind '{u.Kind}' is not defined in the '{schema.Name}' schema.");
        }
        if (u.ParentId is null)
        {
            if (kindKnown && !schema.RootKinds.Contains(u.Kind))
            {
                Add(field + ".ParentId", key, ErrorCodes.RootKindMismatch, $"A unit of kind '{u.Kind}' needs a parent; only {string.Join(", ", schema.RootKinds)} may stand at the top.");
            }
        }
        else if (TryResolveUnit(u.ParentId.Value, field + ".ParentId", key, batchUnits, out var parentKind) && kindKnown && !schema.Allows(u.Kind, parentKind))
        {
            Add(field + ".ParentId", key, ErrorCodes.ParentKindNotAllowed,
                $"A '{u.Kind}' may not sit under a '{parentKind}' ({u.ParentId}); the '{schema.Name}' schema allows it under: {string.Join(", ", schema.AllowedParentsOf(u.Kind).Select(k => k.Code).Order(StringComparer.Ordinal))}.");
        }
        if (u.GridBranchKind is not null && u.Kind != schema.GridKind)
        {
            Add(field + ".GridBranchKind", key, ErrorCodes.InvalidValue, $"GridBranchKind applies to '{schema.GridKind}' units only, not '{u.Kind}'.");
        }
        if (u.PartyGroupKind is not null && u.Kind != UnitKind.PartyGroup)
        {
            Add(field + ".PartyGroupKind", key, ErrorCodes.InvalidValue, $"PartyGroupKind applies to '{UnitKind.PartyGroup}' units only, not '{u.Kind}'.");
        }
        if (u.CoBuildingPartner is StationedUnitId partner)
        {
            if (u.GridBranchKind != GridBranchKind.CoBuilt)
            {
                Add(field + ".CoBuildingPartner", key, ErrorCodes.InvalidValue, "A co-building partner is only recorded for a co-built (共建型) grid branch.");
            }
            if (!batchStationedUnits.ContainsKey(partner) && !storedStationedUnits.Contains(partner))
            {
                Add(field + ".CoBuildingPartner", key, ErrorCodes.UnknownReference, $"{partner} is neither in the batch nor stored.");
            }
        }
    }

    private void CheckUnitCycles(IReadOnlyList<UnitDraft> units, Dictionary<OrgUnitId, UnitDraft> batchUnits)
    {
        // Stored units never point into the batch, so a cycle can only run through batch rows.
        var state = new Dictionary<OrgUnitId, int>(); // 1 = on the current path, 2 = known acyclic
        var reported = new HashSet<OrgUnitId>();
        for (int i = 0; i < units.Count; i++)
        {
            if (units[i] is null)
            {
                continue;
            }
            var path = new List<OrgUnitId>();
            var current = units[i].Id;
            bool cycle = false;
            while (batchUnits.TryGetValue(current, out var draft))
            {
                if (state.TryGetValue(current, out var seen))
                {
                    cycle = seen == 1;
                    break;
                }
                state[current] = 1;
                path.Add(current);
                if (draft.ParentId is not OrgUnitId next)
                {
                    break;
                }
                current = next;
            }
            if (cycle && reported.Add(current))
            {
                var loop = path.SkipWhile(id => id != current).Append(current);
                int row = IndexOf(units, current);
                Add($"Units[{row}].ParentId", current.ToString(), ErrorCodes.HierarchyCycle,
                    $"The batch's parent links form a cycle: {string.Join(" → ", loop)}.");
            }
            foreach (var id in path)
            {
                state[id] = 2;
            }
        }
    }

    private static int IndexOf(IReadOnlyList<UnitDraft> units, OrgUnitId id)
    {
        for (int i = 0; i < units.Count; i++)
        {
            if (units[i]?.Id == id)
            {
                return i;
            }
        }
        return -1;
    }

    private void CheckPlacement(OrgUnitId unit, string field, string key, Dictionary<OrgUnitId, UnitDraft> batchUnits, IReadOnlySet<UnitKind> allowed, string rule, string what)
    {
        if (TryResolveUnit(unit, field, key, batchUnits, out var kind) && !allowed.Contains(kind))
        {
            Add(field, key, rule, $"{char.ToUpperInvariant(what[0])}{what[1..]} may not be placed in a '{kind}' ({unit}); the '{schema.Name}' schema places {what} in: {string.Join(", ", allowed.Select(k => k.Code).Order(StringComparer.Ordinal))}.");
        }
    }

    private void CheckStationedUnit(StationedUnitDraft r, string field, Dictionary<OrgUnitId, UnitDraft> batchUnits)
    {
        if (r is null)
        {
            return;
        }
        string key = r.Id.ToString();
        CheckText(r.Name, field + ".Name", key, InputPolicy.MaxNameLength);
        CheckLocation(r.Location, field + ".Location", key);
        Add(InputPolicy.CheckDefined(r.Kind, field + ".Kind", key));
        TryResolveUnit(r.CommunityId, field + ".CommunityId", key, batchUnits, out _);
        if (r.Headcount < 0)
        {
            Add(field + ".Headcount", key, ErrorCodes.InvalidValue, $"Headcount must be zero or more; it was {r.Headcount}.");
        }
        else
        {
            Add(InputPolicy.CheckRange(r.Headcount, 0, MaxHeadcount, field + ".Headcount", key));
        }
        if (r.MemberCount < 0 || r.MemberCount > Math.Max(r.Headcount, 0))
        {
            Add(field + ".MemberCount", key, ErrorCodes.InvalidValue, $"MemberCount must be between 0 and the headcount ({r.Headcount}); it was {r.MemberCount}.");
        }
        if (r.PartyOrganisationId is OrgUnitId organisation)
        {
            TryResolveUnit(organisation, field + ".PartyOrganisationId", key, batchUnits, out _);
        }
        else if (r.HasOwnOrganisation)
        {
            Add(field + ".HasOwnOrganisation", key, ErrorCodes.InvalidValue, "HasOwnOrganisation is set but no PartyOrganisationId names the organisation.");
        }
    }

    private void CheckRoles(IReadOnlyList<RoleDraft> roles, Dictionary<OrgUnitId, UnitDraft> batchUnits, Dictionary<MemberId, MemberDraft> batchMembers)
    {
        var seen = new HashSet<(MemberId, RoleKind, OrgUnitId)>();
        for (int i = 0; i < roles.Count; i++)
        {
            var r = roles[i];
            string field = $"Roles[{i}]";
            if (r is null)
            {
                Add(field, null, ErrorCodes.InvalidValue, "The row is null.");
                continue;
            }
            string key = r.MemberId.ToString();
            if (!batchMembers.ContainsKey(r.MemberId) && !storedMembers.Contains(r.MemberId))
            {
                Add(field + ".MemberId", key, ErrorCodes.UnknownReference, $"{r.MemberId} is neither in the batch nor stored.");
            }
            if (r.Role.Code is null)
            {
                Add(field + ".Role", key, ErrorCodes.InvalidRole, "Role must be set.");
            }
            Add(InputPolicy.CheckDefined(r.Employment, field + ".Employment", key));
            TryResolveUnit(r.UnitId, field + ".UnitId", key, batchUnits, out _);
            if (r.Until is LocalDate until && until <= effective)
            {
                Add(field + ".Until", key, ErrorCodes.InvalidValue, $"Until ({until:yyyy-MM-dd}) must be after the import date ({effective:yyyy-MM-dd}).");
            }
            if (!seen.Add((r.MemberId, r.Role, r.UnitId)))
            {
                Add(field, key, ErrorCodes.InvalidRole, $"{r.MemberId} is given {r.Role} on {r.UnitId} twice in the batch.");
            }
        }
    }

    private bool TryResolveUnit(OrgUnitId id, string field, string key, Dictionary<OrgUnitId, UnitDraft> batchUnits, out UnitKind kind)
    {
        if (batchUnits.TryGetValue(id, out var draft))
        {
            kind = draft.Kind;
            return true;
        }
        if (storedUnits.TryGetValue(id, out var unit))
        {
            kind = unit.Kind;
            if (unit.IsClosed || unit.OpenedOn > effective)
            {
                Add(field, key, ErrorCodes.UnitClosed, unit.IsClosed
                    ? $"{id} ({unit.Name}) closed on {unit.ClosedOn:yyyy-MM-dd}."
                    : $"{id} ({unit.Name}) opens only on {unit.OpenedOn:yyyy-MM-dd}, after {effective:yyyy-MM-dd}.");
                return false;
            }
            return true;
        }
        kind = default;
        Add(field, key, ErrorCodes.UnknownReference, $"{id} is neither in the batch nor stored.");
        return false;
    }

    /// <summary>The most residents one household may hold (1,000).</summary>
    internal const int MaxResidents = 1_000;

    /// <summary>The largest headcount of a stationed unit (10,000,000).</summary>
    internal const int MaxHeadcount = 10_000_000;

    private void CheckText(string? text, string field, string key, int maxLength) => Add(InputPolicy.CheckText(text, field, key, maxLength));

    private void CheckLocation(GeoPoint? location, string field, string key)
    {
        if (location is GeoPoint point && !point.IsKnown)
        {
            Add(field, key, ErrorCodes.LocationRequired, "Location is GeoPoint.Unknown (default); give null for no location, or a real position.");
        }
    }

    private void Add(ValidationProblem? problem)
    {
        if (problem is not null)
        {
            problems.Add(problem);
        }
    }

    private void CheckPhone(string? phone, string field, string key)
    {
        if (phone is not null && !RosterRules.IsValidPhone(phone))
        {
            Add(field, key, ErrorCodes.InvalidValue, "Phone must be 5 to 15 digits, optionally starting with +.");
        }
    }

    private void Add(string field, string? key, string rule, string message) => problems.Add(new ValidationProblem(field, key, rule, message));
}
