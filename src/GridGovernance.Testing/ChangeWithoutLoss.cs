using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using GridGovernance.Authority;
using GridGovernance.Claims;
using GridGovernance.Contacts;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using GridGovernance.WorkOrders;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace GridGovernance.Testing;

/// <summary>
/// The model-based property of issue 13, "change without loss", for test authors: random interleavings of organisation
/// changes (merge, split, move, close, a member leaving, role changes, 双报到) with workflow commands (file, triage,
/// whistle, escalate, claim and complete work orders, declare and approve points, publish, log contacts, publish, claim and
/// complete service projects with their members' awards), run through
/// the public services of a whole library on a generated city, one day a step. After every step it checks:
/// <list type="bullet">
/// <item>every open work order's units are open and escalation from its responsible unit climbs through open units to a
/// root;</item>
/// <item>every household chain and the contact plan name only members on the roster that day, or report the gap
/// (<see cref="UncoveredReason.ContactLeft"/>); every answerer holds the role that day;</item>
/// <item>no award is half applied: every resolved work order has its points award, and every award its resolution; every
/// completed service project has the award of each member who served and was on the roster that day, and every claim
/// award its completed project;</item>
/// <item>no project is stranded: a project not completed or failed sits on an open unit's list and every claimant is
/// open (a claim on a closed unit followed its successor), and a close refused for open work lists every open project
/// bound to the unit as a blocker;</item>
/// <item>every refused command changed nothing (the version of every stored aggregate is the same);</item>
/// <item>as-of queries for past dates never change (the hierarchy index and the coverage report of every earlier day).</item>
/// </list>
/// </summary>
/// <remarks>
/// Use <see cref="Scenarios"/> as an arbitrary (<c>[Property(Arbitrary = new[] { typeof(ChangeWithoutLoss) })]</c> with a
/// <see cref="ChangeScenario"/> parameter) and <see cref="RunAsync"/> in the property, or run your own scripts (for
/// example with your own store registered through <c>configure</c>). Work orders award
/// <see cref="AwardItem"/> of <see cref="RuleBook"/> on resolution. Keep scripts short (a dozen or so steps) and cities small:
/// every step rebuilds the indexes of every earlier day.
/// </remarks>
public static class ChangeWithoutLoss
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly string[] Categories = ["leak", "parking", "road-collapse"];
    private static readonly string[] Departments = ["housing", "city-management"];
    private static readonly AreaId ProjectArea = new(1);
    private static readonly GeoPoint ProjectPlace = new(36.2, 117.6);

    /// <summary>The rule book of the declarations and awards (<see cref="ScoringGenerator.Laiwu"/> of 2024).</summary>
    public static RuleBook RuleBook { get; } = ScoringGenerator.Laiwu(2024);

    /// <summary>The item a resolved work order awards (<c>requests-award</c>).</summary>
    public const string AwardItem = "requests-award";

    /// <summary>The category of the model's service projects and of its communities' resource listings.</summary>
    public const string ProjectCategory = "volunteer";

    /// <summary>The item members declare (<c>volunteer-award</c>).</summary>
    public const string DeclaredItem = "volunteer-award";

    /// <summary>
    /// One step, choices from 0 to 999. The workflow's steps come more often than the changes, so that scripts reach
    /// claimed, whistled and resolved orders and reviewed declarations before a restructure meets them.
    /// </summary>
    public static Gen<ChangeStep> StepGen() =>
        from kind in Gen.Frequency(
            (3, Gen.Constant(ChangeStepKind.File)), (3, Gen.Constant(ChangeStepKind.Triage)), (3, Gen.Constant(ChangeStepKind.Claim)),
            (4, Gen.Constant(ChangeStepKind.Complete)), (2, Gen.Constant(ChangeStepKind.Whistle)), (1, Gen.Constant(ChangeStepKind.Escalate)),
            (2, Gen.Constant(ChangeStepKind.Declare)), (2, Gen.Constant(ChangeStepKind.Approve)), (1, Gen.Constant(ChangeStepKind.Publish)),
            (2, Gen.Constant(ChangeStepKind.LogContact)), (2, Gen.Constant(ChangeStepKind.Merge)), (2, Gen.Constant(ChangeStepKind.Split)),
            (1, Gen.Constant(ChangeStepKind.Move)), (1, Gen.Constant(ChangeStepKind.Close)), (2, Gen.Constant(ChangeStepKind.MemberLeaves)),
            (2, Gen.Constant(ChangeStepKind.RoleChange)), (1, Gen.Constant(ChangeStepKind.DualRegistration)),
            (2, Gen.Constant(ChangeStepKind.ProjectPublish)), (2, Gen.Constant(ChangeStepKind.ProjectClaim)), (3, Gen.Constant(ChangeStepKind.ProjectComplete)))
        from pick in Gen.Choose(0, 999)
        from other in Gen.Choose(0, 999)
        select new ChangeStep(kind, pick, other);

    /// <summary>Scripts of 1 to <paramref name="maxSteps"/> steps.</summary>
    /// <param name="maxSteps">The longest script; at least 1.</param>
    public static Gen<ImmutableArray<ChangeStep>> ScriptGen(int maxSteps = 16) =>
        from length in Gen.Choose(1, Math.Max(1, maxSteps))
        from steps in Gen.ArrayOf(StepGen(), length)
        select steps.ToImmutableArray();

    /// <summary>
    /// Small cities with people in every grid: one or two streets, up to four communities, one to three grids each,
    /// two to five members and one to six households a grid, up to two stationed units a community.
    /// </summary>
    public static Gen<GeneratedCity> CityGen() =>
        from streets in Gen.Choose(1, 2)
        from communities in Gen.Choose(streets, 2 * streets)
        from grids in Gen.Choose(1, 3)
        from members in Gen.Choose(2, 5)
        from households in Gen.Choose(1, 6)
        from stationed in Gen.Choose(0, 2)
        from seed in Gen.Choose(0, int.MaxValue)
        select CityGenerator.Generate(
            new CitySize("change", streets, communities, new IntRange(1, grids), new IntRange(0, 1), new IntRange(2, members), new IntRange(1, households), new IntRange(0, stationed)),
            seed);

    /// <summary>Scenarios: a city of <see cref="CityGen"/> and a script of up to 16 steps, shrinking to shorter scripts.</summary>
    public static Arbitrary<ChangeScenario> Scenarios() =>
        Arb.From(
            from city in CityGen()
            from steps in ScriptGen()
            select new ChangeScenario(city, steps),
            s => Enumerable.Range(0, s.Steps.Length).Reverse().Select(n => s with { Steps = s.Steps.RemoveAt(n) }));

    /// <summary>
    /// Runs a script on a city and checks the invariants after every step; the first broken invariant is in the result's
    /// <see cref="ChangeRun.Violation"/>.
    /// </summary>
    /// <param name="city">The city.</param>
    /// <param name="steps">The script.</param>
    /// <param name="configure">Further registrations (your own store, …), or <c>null</c>.</param>
    /// <returns>What happened.</returns>
    public static async Task<ChangeRun> RunAsync(GeneratedCity city, IReadOnlyList<ChangeStep> steps, Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(steps);
        using var model = await Model.CreateAsync(city, configure).ConfigureAwait(false);
        int applied = 0, refused = 0;
        for (int i = 0; i < steps.Count; i++)
        {
            model.NextDay();
            var before = await model.FingerprintAsync().ConfigureAwait(false);
            Exception? refusal = null;
            try
            {
                applied += await model.ApplyAsync(steps[i]).ConfigureAwait(false) ? 1 : 0;
            }
            catch (Exception e) when (e is GridGovernanceException or ArgumentException)
            {
                refusal = e;
                refused++;
            }
            string? violation = refusal is not null && before != await model.FingerprintAsync().ConfigureAwait(false)
                ? $"the refused step changed the store ({refusal.GetType().Name}: {refusal.Message})"
                : await model.ViolationAsync().ConfigureAwait(false);
            if (violation is not null)
            {
                return new ChangeRun(applied, refused, $"step {i} {steps[i]} on {model.Today:yyyy-MM-dd}: {violation}");
            }
        }
        return new ChangeRun(applied, refused, null);
    }

    /// <summary>The library behind a city, one day a step, and what the steps need to find their subjects.</summary>
    private sealed class Model : IDisposable
    {
        private readonly ServiceProvider provider;
        private readonly FakeClock clock;
        private readonly GeneratedCity city;
        private readonly Dictionary<LocalDate, string> pastViews = [];
        private ContactPlan plan = null!;
        private int nextUnit = 9_000_000;
        private int nextKey;
        private int nextProject;
        private string? blockerViolation;

        private Model(GeneratedCity city, ServiceProvider provider, FakeClock clock)
        {
            this.city = city;
            this.provider = provider;
            this.clock = clock;
        }

        public LocalDate Today => clock.GetCurrentInstant().InZone(Shanghai).Date;

        public static async Task<Model> CreateAsync(GeneratedCity city, Action<IServiceCollection>? configure)
        {
            var clock = new FakeClock(city.Date.PlusDays(1).At(new LocalTime(10, 0)).InZoneStrictly(Shanghai).ToInstant());
            var provider = await city.CreateServicesAsync(s =>
            {
                s.AddSingleton<IClock>(clock);
                s.AddSingleton(WorkOrderPolicy.Default with { PointsAward = new WorkOrderPointsAward(RuleBook, AwardItem), Departments = [.. Departments] });
                configure?.Invoke(s);
            }).ConfigureAwait(false);
            var model = new Model(city, provider, clock);
            await model.AppointSecretariesAsync().ConfigureAwait(false);
            var (units, members, households) = await model.TreeAsync().ConfigureAwait(false);
            var roster = ContactRoster.From(HierarchyIndex.Build(units, members, households, model.Today), city.Schema, members, households);
            model.plan = ContactPlanEngine.Plan(roster.Households, roster.Members);
            return model;
        }

        public void NextDay() => clock.Advance(Duration.FromDays(1));

        private async Task<T> InScopeAsync<TService, T>(Func<TService, Task<T>> operation)
            where TService : notnull
        {
            using var scope = provider.CreateScope();
            return await operation(scope.ServiceProvider.GetRequiredService<TService>()).ConfigureAwait(false);
        }

        private Task<IReadOnlyList<T>> ListAsync<T>()
            where T : class, IAggregateRoot => InScopeAsync<IReadRepository<T>, IReadOnlyList<T>>(r => r.ListAsync());

        private async Task<(OrgUnit[] Units, Member[] Members, Household[] Households)> TreeAsync() =>
            ([.. await ListAsync<OrgUnit>().ConfigureAwait(false)], [.. await ListAsync<Member>().ConfigureAwait(false)], [.. await ListAsync<Household>().ConfigureAwait(false)]);

        /// <summary>
        /// Gives open communities, streets and districts without a secretary one (the lowest member on the roster under
        /// it): every such unit, or only the <paramref name="pick"/>-th.
        /// </summary>
        private async Task<bool> AppointSecretariesAsync(int? pick = null)
        {
            var today = Today;
            var (units, members, households) = await TreeAsync().ConfigureAwait(false);
            var index = HierarchyIndex.Build(units, members, households, today);
            var vacant = new List<(OrgUnitId Unit, MemberId Member)>();
            foreach (var unit in units.Where(u => u.IsOpenOn(today) && (u.Kind == UnitKind.Community || u.Kind == UnitKind.Street || u.Kind == UnitKind.District)).OrderBy(u => u.Id))
            {
                if (members.Any(m => m.BranchOn(today) is not null && m.RolesOn(today).Any(r => r.Role == RoleKind.Secretary && r.Unit == unit.Id)))
                {
                    continue;
                }
                var member = index.Descendants(unit.Id).Where(n => n.Kind == NodeKind.Member).Select(n => n.AsMember()).Order().FirstOrDefault();
                if (member.IsSpecified)
                {
                    vacant.Add((unit.Id, member));
                }
            }
            if (vacant.Count == 0)
            {
                return false;
            }
            List<(OrgUnitId Unit, MemberId Member)> chosen = pick is int p ? [Pick(vacant, p)] : vacant;
            foreach (var (unit, member) in chosen)
            {
                await InScopeAsync<OrganisationService, Member>(s => s.AssignRoleAsync(Actor.System("model"), new RoleDraft(member, RoleKind.Secretary, unit), today)).ConfigureAwait(false);
            }
            return true;
        }

        /// <summary>A secretary's post on <paramref name="unit"/> or the nearest unit above it that has one today, or <c>null</c>.</summary>
        private static Actor? PostOver(OrgUnitId unit, IReadOnlyDictionary<OrgUnitId, OrgUnit> units, IReadOnlyList<Member> members, LocalDate today, MemberId? not = null)
        {
            OrgUnitId? current = unit;
            for (int steps = 0; current is OrgUnitId id && units.TryGetValue(id, out var u) && steps <= units.Count; steps++)
            {
                var holder = members.Where(m => m.Id != not && m.BranchOn(today) is not null && m.RolesOn(today).Any(r => r.Role == RoleKind.Secretary && r.Unit == id))
                    .Select(m => m.Id).Order().FirstOrDefault();
                if (holder.IsSpecified)
                {
                    return Actor.Post(holder, RoleKind.Secretary, id);
                }
                current = u.TryGetParentOn(today, out var parent) ? parent : null;
            }
            return null;
        }

        private static T Pick<T>(IReadOnlyList<T> candidates, int choice) => candidates[choice % candidates.Count];

        /// <summary>Applies one step; <c>false</c> when it had nothing to act on.</summary>
        public async Task<bool> ApplyAsync(ChangeStep step)
        {
            var today = Today;
            var units = (await ListAsync<OrgUnit>().ConfigureAwait(false)).ToDictionary(u => u.Id);
            var open = units.Values.Where(u => u.IsOpenOn(today)).OrderBy(u => u.Id).ToList();
            var members = await ListAsync<Member>().ConfigureAwait(false);
            var onRoster = members.Where(m => m.BranchOn(today) is not null).OrderBy(m => m.Id).ToList();
            var orders = (await ListAsync<WorkOrder>().ConfigureAwait(false)).OrderBy(o => o.Id).ToList();
            var system = Actor.System("model");
            Task<T> Organisation<T>(Func<OrganisationService, Task<T>> f) => InScopeAsync(f);
            Task<T> Orders<T>(Func<WorkOrderService, Task<T>> f) => InScopeAsync(f);
            List<WorkOrder> InState(params WorkOrderStatus[] states) => [.. orders.Where(o => states.Contains(o.Status))];
            Task<T> Claims<T>(Func<ClaimService, Task<T>> f) => InScopeAsync(f);
            var projects = (await ListAsync<ServiceProject>().ConfigureAwait(false)).OrderBy(p => p.Id).ToList();
            Actor? OwnSecretary(OrgUnitId unit) =>
                onRoster.Where(m => m.RolesOn(today).Any(r => r.Role == RoleKind.Secretary && r.Unit == unit)).Select(m => (Actor?)Actor.Post(m.Id, RoleKind.Secretary, unit)).FirstOrDefault();
            switch (step.Kind)
            {
                case ChangeStepKind.Merge:
                {
                    var kind = step.Other % 2 == 0 ? UnitKind.Community : UnitKind.Street;
                    var same = open.Where(u => u.Kind == kind).ToList();
                    if (same.Count < 2)
                    {
                        return false;
                    }
                    var target = Pick(same, step.Pick);
                    var source = Pick(same.Where(u => u != target).ToList(), step.Other / 2);
                    await Organisation(s => s.MergeUnitsAsync(system, [source.Id], target.Id, today)).ConfigureAwait(false);
                    break;
                }
                case ChangeStepKind.Split:
                {
                    var splittable = open.Where(u => (u.Kind == UnitKind.Community || u.Kind == UnitKind.Street) && open.Count(c => c.ParentId == u.Id) >= 2).ToList();
                    if (splittable.Count == 0)
                    {
                        return false;
                    }
                    var unit = Pick(splittable, step.Pick);
                    var children = open.Where(c => c.ParentId == unit.Id).Select(c => (NodeRef)c.Id).ToList();
                    var a = new List<NodeRef> { children[0] };
                    var b = new List<NodeRef> { children[1] };
                    for (int i = 2; i < children.Count; i++)
                    {
                        ((step.Other >> (i % 16)) % 2 == 0 ? a : b).Add(children[i]);
                    }
                    a.AddRange(onRoster.Where(m => m.BranchId == unit.Id).Select(m => (NodeRef)m.Id));
                    a.AddRange((await ListAsync<Household>().ConfigureAwait(false)).Where(h => h.IsActive && h.UnitId == unit.Id).Select(h => (NodeRef)h.Id));
                    var parts = new[]
                    {
                        new SplitPart(new UnitDraft(new OrgUnitId(++nextUnit), unit.Kind, "甲", unit.ParentId), a),
                        new SplitPart(new UnitDraft(new OrgUnitId(++nextUnit), unit.Kind, "乙", unit.ParentId), b),
                    };
                    await Organisation(s => s.SplitUnitAsync(system, unit.Id, parts, today)).ConfigureAwait(false);
                    break;
                }
                case ChangeStepKind.Move:
                {
                    var communities = open.Where(u => u.Kind == UnitKind.Community).ToList();
                    var streets = open.Where(u => u.Kind == UnitKind.Street).ToList();
                    if (communities.Count == 0 || streets.Count < 2)
                    {
                        return false;
                    }
                    var community = Pick(communities, step.Pick);
                    var street = Pick(streets.Where(s => s.Id != community.ParentId).ToList(), step.Other);
                    await Organisation(s => s.MoveUnitAsync(system, community.Id, street.Id, today)).ConfigureAwait(false);
                    break;
                }
                case ChangeStepKind.Close:
                {
                    var closable = open.Where(u => u.Kind == city.Schema.GridKind || u.Kind == UnitKind.PartyGroup || u.Kind == UnitKind.Community).ToList();
                    if (closable.Count == 0)
                    {
                        return false;
                    }
                    var unit = Pick(closable, step.Pick);
                    try
                    {
                        await Organisation(s => s.CloseUnitAsync(system, unit.Id, today)).ConfigureAwait(false);
                    }
                    catch (RestructureBlockedException blocked)
                    {
                        // Every open project bound to the unit (on its list, or claimed by it) must be among the blockers.
                        var listed = blocked.Blockers.Select(b => b.Work).ToHashSet(StringComparer.Ordinal);
                        var missing = projects.Where(p => p.Status is not (ProjectStatus.Completed or ProjectStatus.Failed)
                                && (p.Unit == unit.Id || p.Claims.Any(c => c.Unit == unit.Id)) && !listed.Contains(p.Id.ToString()))
                            .Select(p => p.Id.ToString()).ToList();
                        if (missing.Count > 0)
                        {
                            blockerViolation = $"closing {unit.Id} was refused without listing {string.Join(", ", missing)} among its blockers ({blocked.Message})";
                        }
                        throw;
                    }
                    break;
                }
                case ChangeStepKind.MemberLeaves:
                {
                    if (onRoster.Count == 0)
                    {
                        return false;
                    }
                    var member = Pick(onRoster, step.Pick);
                    await Organisation(s => s.RemoveMemberAsync(system, member.Id, today)).ConfigureAwait(false);
                    break;
                }
                case ChangeStepKind.RoleChange:
                {
                    if (step.Other % 2 == 0)
                    {
                        return await AppointSecretariesAsync(step.Pick).ConfigureAwait(false);
                    }
                    var held = onRoster.SelectMany(m => m.RolesOn(today).Select(r => (m.Id, r))).Where(x => x.r.Validity.From < today).ToList();
                    if (held.Count == 0)
                    {
                        return false;
                    }
                    var (member, role) = Pick(held, step.Pick);
                    await Organisation(s => s.EndRoleAsync(system, member, role.Role, role.Unit, today)).ConfigureAwait(false);
                    break;
                }
                case ChangeStepKind.DualRegistration:
                {
                    var communities = open.Where(u => u.Kind == UnitKind.Community).ToList();
                    if (communities.Count == 0 || onRoster.Count == 0)
                    {
                        return false;
                    }
                    var member = Pick(onRoster, step.Pick);
                    var community = Pick(communities, step.Other);
                    await Organisation(s => s.RegisterDualAsync(system, member.Id, community.Id, new Validity(today))).ConfigureAwait(false);
                    break;
                }
                case ChangeStepKind.File:
                {
                    var places = open.Where(u => u.Kind == city.Schema.GridKind || u.Kind == UnitKind.Community).ToList();
                    if (places.Count == 0)
                    {
                        return false;
                    }
                    var place = Pick(places, step.Pick);
                    var draft = new WorkOrderDraft
                    {
                        Category = Categories[step.Other % Categories.Length],
                        Description = "楼道漏水",
                        Unit = place.Id,
                        Channel = WorkOrderChannel.App,
                        Urgency = step.Other % 5 == 0 ? WorkOrderUrgency.Critical : WorkOrderUrgency.Routine,
                    };
                    await Orders(s => s.FileAsync(Actor.Resident("wx:" + step.Pick), draft)).ConfigureAwait(false);
                    break;
                }
                case ChangeStepKind.Triage:
                {
                    var filed = InState(WorkOrderStatus.Filed);
                    if (filed.Count == 0)
                    {
                        return false;
                    }
                    await Orders(s => s.TriageAsync(system, Pick(filed, step.Pick).Id)).ConfigureAwait(false);
                    break;
                }
                case ChangeStepKind.Whistle:
                case ChangeStepKind.Claim:
                {
                    var candidates = step.Kind == ChangeStepKind.Claim
                        ? InState(WorkOrderStatus.Triaged, WorkOrderStatus.Reopened)
                        : InState(WorkOrderStatus.Triaged, WorkOrderStatus.Claimed, WorkOrderStatus.Whistled, WorkOrderStatus.Reopened);
                    if (candidates.Count == 0)
                    {
                        return false;
                    }
                    var order = Pick(candidates, step.Pick);
                    if (PostOver(order.ResponsibleUnit, units, members, today) is not Actor post)
                    {
                        return false;
                    }
                    if (step.Kind == ChangeStepKind.Claim)
                    {
                        await Orders(s => s.ClaimAsync(post, order.Id)).ConfigureAwait(false);
                    }
                    else
                    {
                        await Orders(s => s.WhistleAsync(post, order.Id, [new DepartmentSummons(Departments[step.Other % Departments.Length])])).ConfigureAwait(false);
                    }
                    break;
                }
                case ChangeStepKind.Escalate:
                {
                    var escalable = InState(WorkOrderStatus.Triaged, WorkOrderStatus.Claimed, WorkOrderStatus.Whistled, WorkOrderStatus.Reopened);
                    if (escalable.Count == 0)
                    {
                        return false;
                    }
                    await Orders(s => s.EscalateAsync(system, Pick(escalable, step.Pick).Id, "overdue")).ConfigureAwait(false);
                    break;
                }
                case ChangeStepKind.Complete:
                {
                    // One command a step, so that a refusal is the refusal of one command: a part's next step, the
                    // resolution (with its award), or the close.
                    var working = InState(WorkOrderStatus.Claimed, WorkOrderStatus.Whistled, WorkOrderStatus.Reopened, WorkOrderStatus.Resolved);
                    if (working.Count == 0)
                    {
                        return false;
                    }
                    var order = Pick(working, step.Pick);
                    if (order.Status == WorkOrderStatus.Resolved)
                    {
                        await Orders(s => s.CloseAsync(system, order.Id)).ConfigureAwait(false);
                        break;
                    }
                    if (order.Parts.FirstOrDefault(p => p.Status != DepartmentPartStatus.Resolved) is { } part)
                    {
                        var officer = Actor.Officer(part.Department, "officer-1");
                        await (part.Status == DepartmentPartStatus.Summoned
                            ? Orders(s => s.AcknowledgePartAsync(officer, order.Id))
                            : Orders(s => s.ResolvePartAsync(officer, order.Id, "done"))).ConfigureAwait(false);
                        break;
                    }
                    if (PostOver(order.ResponsibleUnit, units, members, today) is not Actor post)
                    {
                        return false;
                    }
                    await Orders(s => s.ResolveAsync(post, order.Id, "photo")).ConfigureAwait(false);
                    break;
                }
                case ChangeStepKind.Declare:
                {
                    if (onRoster.Count == 0)
                    {
                        return false;
                    }
                    var member = Pick(onRoster, step.Pick);
                    var request = new LedgerEntryRequest { Member = member.Id, ItemCode = DeclaredItem, OccurredOn = today, IdempotencyKey = $"model:{++nextKey}" };
                    await InScopeAsync<PointsLedgerService, LedgerEntry>(s => s.DeclareAsync(Actor.Member(member.Id), RuleBook, request)).ConfigureAwait(false);
                    break;
                }
                case ChangeStepKind.Approve:
                {
                    var declared = (await ListAsync<LedgerEntry>().ConfigureAwait(false)).Where(e => e.Status == LedgerEntryStatus.Declared).OrderBy(e => e.Id).ToList();
                    if (declared.Count == 0)
                    {
                        return false;
                    }
                    var entry = Pick(declared, step.Pick);
                    var member = members.FirstOrDefault(m => m.Id == entry.Member);
                    if (member?.BranchOn(today) is not OrgUnitId branch || PostOver(branch, units, members, today, not: member.Id) is not Actor reviewer)
                    {
                        return false;
                    }
                    await InScopeAsync<PointsLedgerService, LedgerEntry>(s => s.ApproveAsync(reviewer, RuleBook, entry.Id)).ConfigureAwait(false);
                    break;
                }
                case ChangeStepKind.Publish:
                {
                    var district = open.FirstOrDefault(u => u.ParentId is null);
                    if (district is null || PostOver(district.Id, units, members, today) is not Actor secretary)
                    {
                        return false;
                    }
                    var period = AssessmentPeriod.Custom(new DateInterval(city.Date, today.PlusDays(-1)));
                    var end = period.Days.End;
                    var roster = members.OrderBy(m => m.Id).Select(m => new AssessmentSubject(m.Id, m.Kind, m.BranchOn(end) ?? m.BranchId)).ToArray();
                    var entries = await InScopeAsync<LedgerExportService, AssessmentEntry[]>(s => s.ExportForAssessmentAsync(RuleBook, period)).ConfigureAwait(false);
                    var result = AssessmentEngine.Assess(RuleBook, period, roster, entries);
                    await InScopeAsync<PeriodPublicationService, PeriodPublication>(s => s.PublishAsync(secretary, result, 5, WorkingDayCalendar.WeekendsOnly)).ConfigureAwait(false);
                    break;
                }
                case ChangeStepKind.ProjectPublish:
                {
                    var proposed = projects.Where(p => p.Status == ProjectStatus.Proposed).ToList();
                    if (proposed.Count > 0)
                    {
                        var project = Pick(proposed, step.Pick);
                        if (PostOver(project.Unit, units, members, today) is not Actor opener)
                        {
                            return false;
                        }
                        await Claims(s => s.OpenAsync(opener, project.Id)).ConfigureAwait(false);
                        break;
                    }
                    var communities = open.Where(u => u.Kind == UnitKind.Community).ToList();
                    if (communities.Count == 0)
                    {
                        return false;
                    }
                    var community = Pick(communities, step.Pick);
                    if (PostOver(community.Id, units, members, today) is not Actor proposer)
                    {
                        return false;
                    }
                    var id = new ProjectId(++nextProject);
                    var draft = new ServiceProject(id, $"服务项目{id.Value}", ProjectCategory, ProjectArea, community.Id, ProjectPlace, 1, today.PlusDays(90), []);
                    await Claims(s => s.ProposeAsync(proposer, draft)).ConfigureAwait(false);
                    break;
                }
                case ChangeStepKind.ProjectClaim:
                {
                    var openProjects = projects.Where(p => p.Status == ProjectStatus.Open).ToList();
                    if (openProjects.Count == 0)
                    {
                        return false;
                    }
                    var project = Pick(openProjects, step.Pick);
                    var claimants = open.Where(u => u.Kind == UnitKind.Community && OwnSecretary(u.Id) is not null).ToList();
                    if (claimants.Count == 0)
                    {
                        return false;
                    }
                    var claimant = Pick(claimants, step.Other);
                    var listings = await ListAsync<ResourceListing>().ConfigureAwait(false);
                    if (listings.All(l => l.Id != claimant.Id))
                    {
                        var listing = new ResourceListing(claimant.Id, [ProjectCategory], 3, ProjectPlace, [ProjectArea], new DateInterval(city.Date, city.Date.PlusYears(5)), []);
                        if (PostOver(claimant.Id, units, members, today) is not Actor lister)
                        {
                            return false;
                        }
                        await Claims(s => s.ListResourceAsync(lister, listing)).ConfigureAwait(false);
                        break;
                    }
                    await Claims(s => s.ClaimAsync(OwnSecretary(claimant.Id)!, project.Id)).ConfigureAwait(false);
                    break;
                }
                case ChangeStepKind.ProjectComplete:
                {
                    var claimed = projects.Where(p => p.Status is ProjectStatus.Claimed or ProjectStatus.AgreementSigned or ProjectStatus.InDelivery).ToList();
                    if (claimed.Count == 0)
                    {
                        return false;
                    }
                    var project = Pick(claimed, step.Pick);
                    switch (project.Status)
                    {
                        case ProjectStatus.Claimed:
                        {
                            var unsigned = project.Claims.FirstOrDefault(c => project.Agreements.All(a => a.Unit != c.Unit));
                            if (unsigned is null || OwnSecretary(unsigned.Unit) is not Actor signer)
                            {
                                return false;
                            }
                            await Claims(s => s.SignAgreementAsync(signer, project.Id, [], 0m, ["志愿服务"], today.PlusDays(30))).ConfigureAwait(false);
                            break;
                        }
                        case ProjectStatus.AgreementSigned:
                            await Claims(s => s.StartDeliveryAsync(system, project.Id)).ConfigureAwait(false);
                            break;
                        default:
                        {
                            // Two members who served, one of whom may have left: the award skips them, never half applies.
                            var served = new[] { Pick(members, step.Pick).Id, Pick(members, step.Other).Id };
                            await Claims(s => s.CompleteAsync(system, project.Id, served, today, new ClaimPointsAward(RuleBook, AwardItem))).ConfigureAwait(false);
                            break;
                        }
                    }
                    break;
                }
                case ChangeStepKind.LogContact:
                {
                    var links = plan.Links.ToList();
                    if (links.Count == 0)
                    {
                        return false;
                    }
                    var link = Pick(links, step.Pick);
                    var request = new ContactRecordRequest(link.Member, link.Household, today, ContactKind.Visit, "走访");
                    await InScopeAsync<ContactLogService, ContactRecord>(s => s.RecordAsync(Actor.Member(link.Member), request)).ConfigureAwait(false);
                    break;
                }
                default:
                    throw new ArgumentOutOfRangeException(nameof(step));
            }
            return true;
        }

        /// <summary>The version of every stored aggregate: equal fingerprints mean nothing was written.</summary>
        public async Task<string> FingerprintAsync()
        {
            var lines = new List<string>();
            async Task AddAsync<T>()
                where T : class, IAggregateRoot => lines.AddRange((await ListAsync<T>().ConfigureAwait(false)).Select(a => $"{typeof(T).Name} {a.Id} v{a.Version}"));
            await AddAsync<OrgUnit>().ConfigureAwait(false);
            await AddAsync<Member>().ConfigureAwait(false);
            await AddAsync<Household>().ConfigureAwait(false);
            await AddAsync<StationedUnit>().ConfigureAwait(false);
            await AddAsync<WorkOrder>().ConfigureAwait(false);
            await AddAsync<LedgerEntry>().ConfigureAwait(false);
            await AddAsync<PeriodPublication>().ConfigureAwait(false);
            await AddAsync<PublishedResults>().ConfigureAwait(false);
            await AddAsync<ContactLog>().ConfigureAwait(false);
            await AddAsync<ServiceProject>().ConfigureAwait(false);
            await AddAsync<ResourceListing>().ConfigureAwait(false);
            lines.Sort(StringComparer.Ordinal);
            return string.Join("\n", lines);
        }

        /// <summary>The first invariant broken today, or <c>null</c>.</summary>
        public async Task<string?> ViolationAsync()
        {
            var today = Today;
            var (unitArray, members, households) = await TreeAsync().ConfigureAwait(false);
            var units = unitArray.ToDictionary(u => u.Id);
            var orders = await ListAsync<WorkOrder>().ConfigureAwait(false);

            // Open work sits at open units and escalates through open units to a root.
            foreach (var order in orders.Where(o => o.Status != WorkOrderStatus.Closed).OrderBy(o => o.Id))
            {
                if (!units[order.Unit].IsOpenOn(today) || !units[order.ResponsibleUnit].IsOpenOn(today))
                {
                    return $"{order} is bound to a closed unit ({order.Unit}, {order.ResponsibleUnit})";
                }
                var current = order.ResponsibleUnit;
                for (int steps = 0; ; steps++)
                {
                    var next = await InScopeAsync<IEscalationPath, OrgUnitId?>(p => p.NextAsync(current, today)).ConfigureAwait(false);
                    if (next is not OrgUnitId up)
                    {
                        if (units[current].TryGetParentOn(today, out var parent) && parent is not null)
                        {
                            return $"{order}: escalation stops at {current}, which is not a root";
                        }
                        break;
                    }
                    if (!units[up].IsOpenOn(today) || steps > units.Count)
                    {
                        return $"{order}: escalation from {current} goes to {up}, closed or in a loop";
                    }
                    current = up;
                }
            }

            // Chains and the plan name only members on the roster today, or report the gap.
            var index = HierarchyIndex.Build(unitArray, members, households, today);
            var chains = ResponsibilityChainIndex.Build(index, members, households, plan);
            var byId = members.ToDictionary(m => m.Id);
            var health = chains.Health();
            var reported = health.HouseholdsWithoutContact.Where(h => h.Reason == UncoveredReason.ContactLeft).Select(h => h.Household).ToHashSet();
            var roster = ContactRoster.From(index, city.Schema, members, households);
            var uncovered = plan.UncoveredOn(roster).Where(u => u.Reason == UncoveredReason.ContactLeft).Select(u => u.Household).ToHashSet();
            var placed = roster.Households.Select(h => h.Id).ToHashSet();
            foreach (var household in households.Where(h => h.UnitOn(today) is not null && index.Contains(h.Id)))
            {
                var chain = chains.ChainOf(household.Id);
                if (chain.Contact is MemberId contact && byId[contact].BranchOn(today) is null)
                {
                    return $"the chain of {household.Id} names {contact}, who is off the roster";
                }
                foreach (var level in chain.Levels)
                {
                    if (level.Answerer is MemberId answerer && (byId[answerer].BranchOn(today) is null || !byId[answerer].RolesOn(today).Any(r => r.Unit == level.Unit && r.Role == level.Role)))
                    {
                        return $"the chain of {household.Id} names {answerer} at {level.Unit} without the role today";
                    }
                }
                if (plan.MemberOf(household.Id) is MemberId planned && byId.TryGetValue(planned, out var gone) && gone.BranchOn(today) is null)
                {
                    if (!reported.Contains(household.Id))
                    {
                        return $"{household.Id}'s planned contact {planned} left, and the chains' health report does not say so";
                    }
                    if (placed.Contains(household.Id) && !uncovered.Contains(household.Id))
                    {
                        return $"{household.Id}'s planned contact {planned} left, and the plan's uncovered households do not say so";
                    }
                }
            }

            // No award is half applied.
            var awards = (await ListAsync<LedgerEntry>().ConfigureAwait(false)).Where(e => e.IdempotencyKey.StartsWith("work-order:", StringComparison.Ordinal))
                .Select(e => e.IdempotencyKey).ToHashSet(StringComparer.Ordinal);
            foreach (var order in orders)
            {
                string key = "work-order:" + order.Id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (order.Audit.Any(r => r.Command == WorkOrderCommand.Resolve) != awards.Remove(key))
                {
                    return $"{order}: its resolution and its award are not both there";
                }
            }
            if (awards.Count > 0)
            {
                return $"awards without a resolution: {string.Join(", ", awards)}";
            }

            // No project award is half applied, and no project is stranded at a closed unit.
            if (blockerViolation is not null)
            {
                return blockerViolation;
            }
            var byMember = members.ToDictionary(m => m.Id);
            var projects = await ListAsync<ServiceProject>().ConfigureAwait(false);
            var claimAwards = (await ListAsync<LedgerEntry>().ConfigureAwait(false)).Where(e => e.IdempotencyKey.StartsWith("claim:", StringComparison.Ordinal))
                .ToDictionary(e => e.IdempotencyKey, StringComparer.Ordinal);
            foreach (var project in projects.OrderBy(p => p.Id))
            {
                if (project.Status is ProjectStatus.Completed)
                {
                    foreach (var member in project.Served)
                    {
                        string key = FormattableString.Invariant($"claim:{project.Id.Value}:{member.Value}");
                        bool onRosterThen = byMember.TryGetValue(member, out var m) && m.BranchOn(project.CompletedOn!.Value) is not null;
                        if (claimAwards.Remove(key, out var entry) != onRosterThen)
                        {
                            return $"{project.Id} is completed, and the award of {member} (on the roster that day: {onRosterThen}) is {(onRosterThen ? "missing" : "there")}";
                        }
                        if (entry is not null && entry.OccurredOn != project.CompletedOn)
                        {
                            return $"{project.Id}'s award of {member} is dated {entry.OccurredOn:yyyy-MM-dd}, not on the completion day {project.CompletedOn:yyyy-MM-dd}";
                        }
                    }
                }
                else if (project.Status is not ProjectStatus.Failed)
                {
                    if (!units[project.Unit].IsOpenOn(today))
                    {
                        return $"{project.Id} ({project.Status}) is on the list of {project.Unit}, which is closed";
                    }
                    if (project.Claims.FirstOrDefault(c => !units[c.Unit].IsOpenOn(today)) is { } stranded)
                    {
                        return $"{project.Id} ({project.Status}) is claimed by {stranded.Unit}, which is closed";
                    }
                }
            }
            if (claimAwards.Count > 0)
            {
                return $"claim awards without a completed project: {string.Join(", ", claimAwards.Keys)}";
            }

            // As-of queries for past days never change.
            foreach (var (day, view) in pastViews)
            {
                var now = await ViewAsync(day).ConfigureAwait(false);
                if (now != view)
                {
                    return $"the view of {day:yyyy-MM-dd} changed:\n{view}\nbecame\n{now}";
                }
            }
            var yesterday = today.PlusDays(-1);
            pastViews.TryAdd(yesterday, await ViewAsync(yesterday).ConfigureAwait(false));
            return null;
        }

        /// <summary>What the as-of queries say about a day: the tree (every node's parent) and the coverage figures.</summary>
        private Task<string> ViewAsync(LocalDate day) =>
            InScopeAsync<OrganisationQueries, string>(async q =>
            {
                var index = await q.BuildIndexAsync(day).ConfigureAwait(false);
                var coverage = await q.ComputeCoverageAsync(day).ConfigureAwait(false);
                var nodes = index.Roots.SelectMany(r => index.Descendants(r).Prepend(r)).Select(n => $"{n}<{index.ParentOf(n)}");
                return string.Join(" ", nodes) + $" | {coverage with { GridsOutsideBand = [] }} {string.Join(",", coverage.GridsOutsideBand)} work {coverage.WorkCoveredStationedUnits}";
            });

        public void Dispose() => provider.Dispose();
    }
}
