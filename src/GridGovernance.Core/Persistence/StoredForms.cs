using System.Collections.Immutable;
using GridGovernance.Claims;
using GridGovernance.Contacts;
using GridGovernance.Organisation;
using GridGovernance.Scoring.Catalogue;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Rewards;
using GridGovernance.WorkOrders;

namespace GridGovernance.Persistence;

/// <summary>
/// The stored forms of the library's aggregates (see <see cref="StoredForm"/>): what a store writes for each, its version
/// and its upgrade steps. A store of your own can write these forms as JSON (System.Text.Json with NodaTime's converters
/// and enums as names) and read them back through <see cref="StoredForm.Upgrade"/> and <see cref="StoredForm.Restore"/>.
/// </summary>
/// <remarks>Version 1 is the first explicit form; version 0 is a document written by the library before 0.4 (its private fields), read through one upgrade step.</remarks>
[Immutable]
public static class StoredForms
{
    /// <summary>The stored form of <see cref="OrgUnit"/>.</summary>
    public static StoredForm<OrgUnit, OrgUnitStoredForm> OrgUnit { get; } =
        new(1, a => a.ToStoredForm(), global::GridGovernance.Organisation.OrgUnit.FromStoredForm, LegacyDocuments.Step<OrgUnitStoredForm>(
            LegacyDocuments.History("kinds", "Kinds", d => d["Kind"]?.DeepClone(), start: "Parents")));

    /// <summary>The stored form of <see cref="Member"/>.</summary>
    public static StoredForm<Member, MemberStoredForm> Member { get; } =
        new(1, a => a.ToStoredForm(), global::GridGovernance.Organisation.Member.FromStoredForm, LegacyDocuments.Step<MemberStoredForm>());

    /// <summary>The stored form of <see cref="Household"/>.</summary>
    public static StoredForm<Household, HouseholdStoredForm> Household { get; } =
        new(1, a => a.ToStoredForm(), global::GridGovernance.Organisation.Household.FromStoredForm, LegacyDocuments.Step<HouseholdStoredForm>());

    /// <summary>The stored form of <see cref="StationedUnit"/>.</summary>
    public static StoredForm<StationedUnit, StationedUnitStoredForm> StationedUnit { get; } =
        new(1, a => a.ToStoredForm(), global::GridGovernance.Organisation.StationedUnit.FromStoredForm, LegacyDocuments.Step<StationedUnitStoredForm>(
            document =>
            {
                LegacyDocuments.History("coverageHistory", "CoverageHistory",
                    d => new System.Text.Json.Nodes.JsonObject { ["PartyOrganisationId"] = d["PartyOrganisationId"]?.DeepClone(), ["HasOwnOrganisation"] = d["HasOwnOrganisation"]?.DeepClone() },
                    start: "Communities")(document);
                LegacyDocuments.History("countsHistory", "CountsHistory",
                    d => new System.Text.Json.Nodes.JsonObject { ["Headcount"] = d["Headcount"]?.DeepClone(), ["MemberCount"] = d["MemberCount"]?.DeepClone() },
                    start: "Communities")(document);
            }));

    /// <summary>The stored form of <see cref="ServiceProject"/>.</summary>
    public static StoredForm<ServiceProject, ServiceProjectStoredForm> ServiceProject { get; } =
        new(1, a => a.ToStoredForm(), global::GridGovernance.Claims.ServiceProject.FromStoredForm, LegacyDocuments.Step<ServiceProjectStoredForm>());

    /// <summary>The stored form of <see cref="Need"/>.</summary>
    public static StoredForm<Need, NeedStoredForm> Need { get; } =
        new(1, a => a.ToStoredForm(), global::GridGovernance.Claims.Need.FromStoredForm, LegacyDocuments.Step<NeedStoredForm>());

    /// <summary>The stored form of <see cref="MicroWish"/>.</summary>
    public static StoredForm<MicroWish, MicroWishStoredForm> MicroWish { get; } =
        new(1, a => a.ToStoredForm(), global::GridGovernance.Claims.MicroWish.FromStoredForm, LegacyDocuments.Step<MicroWishStoredForm>());

    /// <summary>The stored form of <see cref="ResourceListing"/>.</summary>
    public static StoredForm<ResourceListing, ResourceListingStoredForm> ResourceListing { get; } =
        new(1, a => a.ToStoredForm(), global::GridGovernance.Claims.ResourceListing.FromStoredForm, LegacyDocuments.Step<ResourceListingStoredForm>());

    /// <summary>The stored form of <see cref="ContactLog"/>.</summary>
    public static StoredForm<ContactLog, ContactLogStoredForm> ContactLog { get; } =
        new(1, a => a.ToStoredForm(), global::GridGovernance.Contacts.ContactLog.FromStoredForm, LegacyDocuments.Step<ContactLogStoredForm>());

    /// <summary>The stored form of <see cref="WorkOrder"/>.</summary>
    public static StoredForm<WorkOrder, WorkOrderStoredForm> WorkOrder { get; } =
        new(1, a => a.ToStoredForm(), global::GridGovernance.WorkOrders.WorkOrder.FromStoredForm, LegacyDocuments.Step<WorkOrderStoredForm>());

    /// <summary>The stored form of <see cref="LedgerEntry"/>.</summary>
    public static StoredForm<LedgerEntry, LedgerEntryStoredForm> LedgerEntry { get; } =
        new(1, a => a.ToStoredForm(), global::GridGovernance.Scoring.Ledger.LedgerEntry.FromStoredForm, LegacyDocuments.Step<LedgerEntryStoredForm>());

    /// <summary>The stored form of <see cref="PointsAccount"/>.</summary>
    public static StoredForm<PointsAccount, PointsAccountStoredForm> PointsAccount { get; } =
        new(1, a => a.ToStoredForm(), global::GridGovernance.Scoring.Rewards.PointsAccount.FromStoredForm, LegacyDocuments.Step<PointsAccountStoredForm>());

    /// <summary>The stored form of <see cref="PointsAccountYear"/>.</summary>
    public static StoredForm<PointsAccountYear, PointsAccountYearStoredForm> PointsAccountYear { get; } =
        new(1, a => a.ToStoredForm(), global::GridGovernance.Scoring.Rewards.PointsAccountYear.FromStoredForm, LegacyDocuments.Step<PointsAccountYearStoredForm>());

    /// <summary>The stored form of <see cref="RewardItem"/>.</summary>
    public static StoredForm<RewardItem, RewardItemStoredForm> RewardItem { get; } =
        new(1, a => a.ToStoredForm(), global::GridGovernance.Scoring.Rewards.RewardItem.FromStoredForm, LegacyDocuments.Step<RewardItemStoredForm>());

    /// <summary>The stored form of <see cref="PeriodPublication"/>.</summary>
    public static StoredForm<PeriodPublication, PeriodPublicationStoredForm> PeriodPublication { get; } =
        new(1, a => a.ToStoredForm(), global::GridGovernance.Scoring.Ledger.PeriodPublication.FromStoredForm, LegacyDocuments.Step<PeriodPublicationStoredForm>());

    /// <summary>The stored form of <see cref="PublishedResults"/>.</summary>
    public static StoredForm<PublishedResults, PublishedResultsStoredForm> PublishedResults { get; } =
        new(1, a => a.ToStoredForm(), global::GridGovernance.Scoring.Ledger.PublishedResults.FromStoredForm, LegacyDocuments.Step<PublishedResultsStoredForm>());

    /// <summary>The stored form of <see cref="StoredRuleBook"/>.</summary>
    public static StoredForm<StoredRuleBook, StoredRuleBookStoredForm> StoredRuleBook { get; } =
        new(1, a => a.ToStoredForm(), global::GridGovernance.Scoring.Catalogue.StoredRuleBook.FromStoredForm, LegacyDocuments.Step<StoredRuleBookStoredForm>());

    /// <summary>The stored form of <see cref="Scoring.Units.UnitLedgerEntry"/> (first stored in the form's version 1: no older documents).</summary>
    public static StoredForm<Scoring.Units.UnitLedgerEntry, UnitLedgerEntryStoredForm> UnitLedgerEntry { get; } =
        new(1, a => a.ToStoredForm(), global::GridGovernance.Scoring.Units.UnitLedgerEntry.FromStoredForm);

    /// <summary>The stored form of <see cref="Scoring.Units.UnitPublication"/> (first stored in the form's version 1: no older documents).</summary>
    public static StoredForm<Scoring.Units.UnitPublication, UnitPublicationStoredForm> UnitPublication { get; } =
        new(1, a => a.ToStoredForm(), global::GridGovernance.Scoring.Units.UnitPublication.FromStoredForm);

    /// <summary>Every built-in form, by aggregate type.</summary>
    public static IReadOnlyList<StoredForm> All { get; } = [OrgUnit, Member, Household, StationedUnit, ServiceProject, Need, MicroWish, ResourceListing, ContactLog, WorkOrder, LedgerEntry, PointsAccount, PointsAccountYear, RewardItem, PeriodPublication, PublishedResults, StoredRuleBook, UnitLedgerEntry, UnitPublication];

    private static readonly ImmutableDictionary<Type, StoredForm> ByType = All.ToImmutableDictionary(f => f.AggregateType);

    /// <summary>The built-in stored form of <paramref name="aggregateType"/>, or <c>null</c> when the library has none (an aggregate of your own).</summary>
    /// <param name="aggregateType">An aggregate type.</param>
    /// <returns>The form, or <c>null</c>.</returns>
    public static StoredForm? For(Type aggregateType) => ByType.GetValueOrDefault(Preconditions.CheckNotNull(aggregateType));
}
