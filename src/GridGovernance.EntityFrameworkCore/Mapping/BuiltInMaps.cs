using GridGovernance.Claims;
using GridGovernance.Contacts;
using GridGovernance.Organisation;
using GridGovernance.Scoring.Catalogue;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Rewards;
using GridGovernance.Scoring.Units;
using GridGovernance.WorkOrders;

namespace GridGovernance.EntityFrameworkCore.Mapping;

/// <summary>The library's own aggregates and the query columns its specifications use.</summary>
internal static class BuiltInMaps
{
    public static void Apply(GridGovernanceStoreOptions options)
    {
        // Organisation: the hierarchy with history. The history collections back the as-of specifications.
        options.Map<OrgUnit>(m => m.ToTable("OrgUnits")
            .Column(u => u.Kind).Column(u => u.Name).Column(u => u.ParentId).Column(u => u.IsClosed)
            .Collection(u => u.Parents.Segments, c => c.Column(s => s.Value).Column(s => s.From).Column(s => s.Until)));
        options.Map<Member>(m => m.ToTable("Members")
            .Column(x => x.Name).Column(x => x.BranchId).Column(x => x.IsActive)
            .Collection(x => x.Branches.Segments, c => c.Column(s => s.Value).Column(s => s.From).Column(s => s.Until))
            .Collection(x => x.Roles, c => c.Column(r => r.Role).Column(r => r.Unit).Column(r => r.Validity.From).Column(r => r.Validity.Until))
            .Collection(x => x.DualRegistrations, c => c.Column(r => r.Unit).Column(r => r.Validity.From).Column(r => r.Validity.Until)));
        options.Map<Household>(m => m.ToTable("Households")
            .Column(h => h.UnitId).Column(h => h.IsActive)
            .Collection(h => h.Units.Segments, c => c.Column(s => s.Value).Column(s => s.From).Column(s => s.Until)));
        // The table keeps the name it was created with (the type was called ResidentUnit before 0.2.0).
        options.Map<StationedUnit>(m => m.ToTable("ResidentUnits")
            .Column(r => r.Name).Column(r => r.PartyOrganisationId).Column(r => r.IsActive));

        // Scoring: the append-only ledger (the idempotency key is unique), publications (the guard a ledger write saves,
        // and the results apart), redemption (the balance, and each year's credits and redemptions, whose keys are
        // looked up across years).
        options.Map<LedgerEntry>(m => m.ToTable("LedgerEntries")
            .Unique(e => e.IdempotencyKey).Column(e => e.RuleBookId).Column(e => e.Member).Column(e => e.Status)
            .Column(e => e.ReversalOf).Column(e => e.OccurredOn)
            // Read by the column-only export (LedgerExport) and the read model, never filtered on: no indexes.
            .ReadColumn(e => e.ItemCode).ReadColumn(e => e.Points).ReadColumn(e => e.Tier).ReadColumn(e => e.AfterReminder)
            .ReadColumn(e => e.RecordedAt).ReadColumn(e => e.ReviewedAt));
        options.Map<PeriodPublication>(m => m.ToTable("PeriodPublications").Column(p => p.PeriodStart).Column(p => p.PeriodEnd));
        options.Map<PublishedResults>(m => m.ToTable("PublishedResults"));
        // Organisation points (组织积分): the unit ledger (the idempotency key is unique) and the stored unit publications.
        options.Map<UnitLedgerEntry>(m => m.ToTable("UnitLedgerEntries")
            .Unique(e => e.IdempotencyKey).Column(e => e.RuleBookId).Column(e => e.Unit).Column(e => e.Status).Column(e => e.OccurredOn));
        options.Map<UnitPublication>(m => m.ToTable("UnitPublications").Column(p => p.PeriodStart).Column(p => p.PeriodEnd));
        // The rule-book catalogue: each book with every version's JSON, read by id.
        options.Map<StoredRuleBook>(m => m.ToTable("RuleBooks"));
        options.Map<PointsAccount>(m => m.ToTable("PointsAccounts"));
        options.Map<PointsAccountYear>(m => m.ToTable("PointsAccountYears")
            .Collection(y => y.Credits, c => c.Column(x => x.IdempotencyKey))
            .Collection(y => y.Redemptions, c => c.Column(x => x.IdempotencyKey)));
        options.Map<RewardItem>(m => m.ToTable("RewardItems").Column(r => r.IsActive));

        // Claims.
        options.Map<ResourceListing>(m => m.ToTable("ResourceListings"));
        options.Map<Need>(m => m.ToTable("Needs").Column(n => n.Project));
        options.Map<ServiceProject>(m => m.ToTable("ServiceProjects").Column(p => p.Status).Column(p => p.CompletedOn));
        options.Map<MicroWish>(m => m.ToTable("MicroWishes").Column(w => w.Status));

        // Contacts (one log per member and year) and work orders.
        options.Map<ContactLog>(m => m.ToTable("ContactLogs"));
        // The responsible unit is what a city's dashboards group open orders by (the read model's rm_work_orders).
        options.Map<WorkOrder>(m => m.ToTable("WorkOrders")
            .Column(o => o.Unit).Column(o => o.Status).Column(o => o.FiledAt).Column(o => o.DueAt).Column(o => o.RemindAt).Column(o => o.ClosedAt)
            .Column(o => o.ResponsibleUnit).ReadColumn(o => o.Category));
    }
}
