namespace GridGovernance.WorkOrders;

/// <summary>Checks a resident's filing (群众下单) against the <see cref="InputPolicy"/> before anything is loaded or stored.</summary>
internal static class WorkOrderDraftValidator
{
    /// <summary>The longest category a draft may give (50), a short code the triage policy sorts by.</summary>
    internal const int MaxCategoryLength = 50;

    /// <summary>The longest phone text a draft may give (30), digits with their grouping.</summary>
    internal const int MaxPhoneLength = PhoneNumbers.MaxLength;

    /// <summary>A phone as residents write it (<see cref="PhoneNumbers"/>): 5 to 15 digits (ASCII or full-width), an optional leading +, grouped by spaces, hyphens or brackets.</summary>
    internal static bool IsPhone(string phone) => PhoneNumbers.IsPhone(phone);

    internal static void Validate(WorkOrderDraft draft)
    {
        var problems = new List<ValidationProblem?>
        {
            InputPolicy.CheckText(draft.Category, "draft.Category", null, MaxCategoryLength),
            InputPolicy.CheckText(draft.Description, "draft.Description", null, InputPolicy.MaxFreeTextLength, freeText: true),
            InputPolicy.CheckText(draft.Address, "draft.Address", null, InputPolicy.MaxAddressLength, required: false),
            InputPolicy.CheckText(draft.FilerName, "draft.FilerName", null, InputPolicy.MaxNameLength, required: false),
            InputPolicy.CheckDefined(draft.Channel, "draft.Channel", null),
            InputPolicy.CheckDefined(draft.Urgency, "draft.Urgency", null),
        };
        if (draft.FilerPhone is not null && !IsPhone(draft.FilerPhone))
        {
            problems.Add(new ValidationProblem("draft.FilerPhone", null, ErrorCodes.InvalidValue,
                $"FilerPhone must be 5 to 15 digits (ASCII or full-width), optionally starting with + and grouped by spaces, hyphens or brackets, at most {MaxPhoneLength} characters."));
        }
        if (draft.Household is null && draft.Unit is null)
        {
            problems.Add(new ValidationProblem("draft.Unit", null, ErrorCodes.InvalidValue, "A draft must name a unit or a household."));
        }
        if (draft.Unit is OrgUnitId unit && !unit.IsSpecified)
        {
            problems.Add(new ValidationProblem("draft.Unit", null, ErrorCodes.InvalidValue, "Unit must be a real unit id, not default."));
        }
        if (draft.Household is HouseholdId household && !household.IsSpecified)
        {
            problems.Add(new ValidationProblem("draft.Household", null, ErrorCodes.InvalidValue, "Household must be a real household id, not default."));
        }
        if (draft.Location is GeoPoint location && !location.IsKnown)
        {
            problems.Add(new ValidationProblem("draft.Location", null, ErrorCodes.LocationRequired, "Location is GeoPoint.Unknown (default); give null for no location, or a real position."));
        }
        InputPolicy.ThrowIfAny("The work order draft", problems);
    }
}
