#:project ../../src/GridGovernance.Testing/GridGovernance.Testing.csproj
#:project ../../src/GridGovernance.EntityFrameworkCore.Sqlite/GridGovernance.EntityFrameworkCore.Sqlite.csproj
#:property PublishAot=false

// Quickstart: build a generated district (Wanshan-sized: 16 communities over 4 streets) on the in-memory store,
// print its tree summary and the coverage figures officials report, have the district secretary (书记) merge two
// streets as Shantou did and ask the hierarchy "as of" before and after (a grid head may not restructure); then run a quarter of points (积分) under the Laiwu rule book and print the
// ranking board (排名晾晒) with masked names; match a generated district's service projects to its organs
// (项目认领) and print the claim table; link every household to a nearby member (六级联动) and print coverage per
// grid and one household's chain; finally run a handful of work orders (四单, 吹哨报到) through filing,
// triage, claims, a whistle, escalation and rating, and print the masked public board (公开晒单).
//
//   dotnet run docs/examples/quickstart.cs                     (in memory: gone when it ends)
//   dotnet run docs/examples/quickstart.cs -- --db city.db     (SQLite: the district is kept; a second run reads it back)

using GridGovernance;
using GridGovernance.Authority;
using GridGovernance.Claims.Matching;
using GridGovernance.Contacts;
using GridGovernance.EntityFrameworkCore;
using GridGovernance.Organisation;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Rankings;
using GridGovernance.Scoring.Stars;
using GridGovernance.Testing;
using GridGovernance.WorkOrders;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

var city = CityGenerator.Generate(CitySize.District, seed: 2024);
// Every command names who acts (Actor), and acts only through posts (岗位) the roster holds: the first member is made
// the district's secretary (书记), who reviews declarations below.
var districtSecretary = Actor.Post(city.Roster.Members[0].Id, RoleKind.Secretary, city.District);
var rosterWithSecretary = city.Roster with { Roles = [.. city.Roster.Roles, new RoleDraft(districtSecretary.MemberId, RoleKind.Secretary, city.District)] };
var database = args.SkipWhile(a => a != "--db").Skip(1).FirstOrDefault();
var collection = new ServiceCollection();
if (database is not null)
{
    // The EF Core store on a SQLite file: everything below is saved there and read back on the next run.
    collection.AddGridGovernanceEntityFrameworkCore(o => o.UseSqlite($"Data Source={database}"));
}
await using var services = collection
    .AddGridGovernance(options => options.Schema = city.Schema)
    .BuildServiceProvider();
if (database is not null)
{
    var applied = await GridGovernanceDatabase.MigrateAsync(services);
    Console.WriteLine($"Database {database}: {(applied.Count == 0 ? "up to date" : "created (" + string.Join(", ", applied) + ")")}.");
}

using (var scope = services.CreateScope())
{
    var units = scope.ServiceProvider.GetRequiredService<GridGovernance.Persistence.IReadRepository<OrgUnit>>();
    if (await units.AnyAsync(GridGovernance.Specifications.Specification.All<OrgUnit>()))
    {
        var kept = await units.CountAsync(GridGovernance.Specifications.Specification.All<OrgUnit>());
        Console.WriteLine($"Read back {kept:N0} units kept from an earlier run; nothing imported.");
    }
    else
    {
        var organisation = scope.ServiceProvider.GetRequiredService<OrganisationService>();
        var imported = await organisation.ImportAsync(Actor.System("import"), rosterWithSecretary, city.Date);
        Console.WriteLine($"Imported {imported.Units:N0} units, {imported.Members:N0} members, {imported.Households:N0} households, " +
                          $"{imported.StationedUnits:N0} stationed units and {imported.Roles:N0} roles on {city.Date:yyyy-MM-dd}.");
    }
}

using (var scope = services.CreateScope())
{
    var organisation = scope.ServiceProvider.GetRequiredService<OrganisationQueries>();
    var index = await organisation.BuildIndexAsync(city.Date);

    Console.WriteLine();
    Console.WriteLine("Tree summary (组织体系)");
    foreach (var (kind, count) in index.CountUnitsByKind())
    {
        Console.WriteLine($"  {kind,-14} {count,8:N0}");
    }
    Console.WriteLine($"  {"members",-14} {index.MemberCount,8:N0}");
    Console.WriteLine($"  {"households",-14} {index.HouseholdCount,8:N0}");

    Console.WriteLine();
    Console.WriteLine($"{"street",-12} {"communities",11} {"grids",6} {"members",8} {"households",11}");
    foreach (var street in index.UnitsOfKind(UnitKind.Street))
    {
        var counts = index.CountsUnder(street);
        int communities = index.Children(street).Count;
        int grids = index.Descendants(street).Count(n => n.Kind == NodeKind.Unit && index.KindOf(n.AsUnit()) == UnitKind.GridBranch);
        var name = (await organisation.GetUnitAsync(street)).Name;
        Console.WriteLine($"{name,-12} {communities,11} {grids,6} {counts.Members,8:N0} {counts.Households,11:N0}");
    }

    var coverage = await organisation.ComputeCoverageAsync(city.Date);
    Console.WriteLine();
    Console.WriteLine("Coverage (两个覆盖)");
    Console.WriteLine($"  党组织覆盖率 party organisation coverage : {coverage.PartyOrganisationCoverageRate:P1} of {coverage.StationedUnits} stationed units");
    Console.WriteLine($"  单独组建率 own organisation rate       : {coverage.OwnOrganisationRate:P1} of {coverage.StationedUnitsEligibleForOwnOrganisation} units with 3+ members");
    Console.WriteLine($"  members placed in a grid              : {coverage.MembersInGridsRate:P1} of {coverage.Members:N0}");
    Console.WriteLine($"  grids outside {coverage.Band.Min}–{coverage.Band.Max} households    : {coverage.GridsOutsideBand.Count} of {coverage.Grids}");

    var household = index.Descendants(city.District).First(n => n.Kind == NodeKind.Household);
    Console.WriteLine();
    Console.WriteLine($"Path of {household}: {string.Join(" → ", index.PathTo(household))}");
}

// Restructuring keeps history: the district secretary merges street 2 into street 1 a month later; ask both dates.
var streets = city.Roster.Units.Where(u => u.Kind == UnitKind.Street).Select(u => u.Id).ToArray();
var mergeDate = city.Date.PlusMonths(1);
using (var scope = services.CreateScope())
{
    var organisation = scope.ServiceProvider.GetRequiredService<OrganisationService>();
    var queries = scope.ServiceProvider.GetRequiredService<OrganisationQueries>();
    Console.WriteLine();
    if ((await queries.GetUnitAsync(streets[1])).IsClosed)
    {
        Console.WriteLine($"{streets[1]} was merged into {streets[0]} by an earlier run.");
    }
    else
    {
        var merge = await organisation.MergeUnitsAsync(districtSecretary, [streets[1]], streets[0], mergeDate);
        Console.WriteLine($"Merged {string.Join(", ", merge.Closed)} into {streets[0]} on {mergeDate:yyyy-MM-dd}: {merge.UnitsMoved} communities moved.");
    }

    var before = await queries.BuildIndexAsync(city.Date);
    var after = await queries.BuildIndexAsync(mergeDate);
    Console.WriteLine($"  {streets[0]} as of {city.Date:yyyy-MM-dd}: {before.CountsUnder(streets[0]).Households:N0} households; " +
                      $"as of {mergeDate:yyyy-MM-dd}: {after.CountsUnder(streets[0]).Households:N0}.");
    Console.WriteLine($"  {streets[1]} exists as of {mergeDate:yyyy-MM-dd}: {after.Contains(streets[1])}");

    try
    {
        await organisation.MoveUnitAsync(districtSecretary, streets[0], streets[2], mergeDate);
    }
    catch (GridGovernanceException e)
    {
        Console.WriteLine($"  Moving a street under a street is refused: {e.Code}");
    }

    // A grid head (网格长) holds a post, but not one that restructures: refused before anything changes.
    var head = city.Roster.Roles.First(r => r.Role == RoleKind.GridHead);
    try
    {
        await organisation.RenameUnitAsync(Actor.Post(head.MemberId, RoleKind.GridHead, head.UnitId), head.UnitId, "第一网格", mergeDate);
    }
    catch (ForbiddenException e)
    {
        Console.WriteLine($"  A grid head renaming their grid is refused: {e.Code} ({e.Reason})");
    }
}

// A quarter of points (积分): the Laiwu rule book from JSON, a few declarations through 申报 → 审核, a quarter of
// generated activity, the assessment (量化考核), stars and the public ranking board (排名晾晒) with masked names.
var ruleBook = RuleBookJson.Read(File.ReadAllText(FindExample("laiwu-rulebook.json")));
var quarter = AssessmentPeriod.Quarter(2024, 1);
var roster = city.Roster.Members.Select(m => new AssessmentSubject(m.Id, m.Kind, m.BranchId)).ToArray();
var names = city.Roster.Members.ToDictionary(m => m.Id, m => m.Name);
using (var scope = services.CreateScope())
{
    var ledger = scope.ServiceProvider.GetRequiredService<PointsLedgerService>();
    foreach (var (subject, day) in roster.Skip(1).Take(3).Select((s, i) => (s, i)))
    {
        // 党员申报: the member declares in person; 审核: the district secretary reviews in their post.
        var declared = await ledger.DeclareAsync(Actor.Member(subject.Member), ruleBook, new LedgerEntryRequest
        {
            Member = subject.Member,
            ItemCode = "volunteer-activity",
            OccurredOn = quarter.Start.PlusDays(10 + day),
            IdempotencyKey = $"quickstart-{subject.Member.Value}",
            Evidence = "sign-in sheet",
        });
        if (declared.Status == LedgerEntryStatus.Declared)
        {
            await ledger.ApproveAsync(districtSecretary, ruleBook, declared.Id); // a second run finds the entry approved already
        }
    }
    var approved = await scope.ServiceProvider.GetRequiredService<LedgerExportService>().ExportForAssessmentAsync(ruleBook, quarter);
    var generated = ScoringGenerator.Ledger(ruleBook, quarter, roster, count: roster.Length * 30, seed: 2024);
    // An AssessmentEntryColumns lays the entries out by member, in columns: built once, assessed as often as needed.
    var columns = AssessmentEntryColumns.From([.. approved, .. generated]);
    var result = AssessmentEngine.Assess(ruleBook, quarter, roster, columns);

    Console.WriteLine();
    Console.WriteLine($"Points {quarter}: {approved.Length} declared and approved + {generated.Length:N0} generated entries for {roster.Length:N0} members");
    var stars = StarCalculator.For(result).ToDictionary(s => s.Member);
    var board = RankingBoard.Rank(result, new BottomLineRules { Floor = Points.From(0), NegativeListItems = ["violation", "disciplinary-sanction"] });
    Console.WriteLine($"{"rank",4}  {"name",-6} {"score",8}  stars  flags");
    foreach (var row in board.Benchmarks(10))
    {
        Console.WriteLine($"{row.Rank,4}  {PersonalDataMasking.MaskName(names[row.Member]),-6} {row.Score,8}  {stars[row.Member].BandStars,5}  {row.Flags}");
    }
    Console.WriteLine($"  … {board.Flagged().Length} members flagged for 底线管理 (kept in the ranking, not dropped)");
}

PrintClaimMatching();
await ContactsSection(services, city);
await WorkOrdersAsync();

// Work orders (四单): a community of its own with a fake clock, so that a time limit can pass.
static async Task WorkOrdersAsync()
{
    var generated = CityGenerator.Generate(CitySize.Community, seed: 7);

    // A member of a grid who holds three posts (岗位): grid head (网格长) of the grid, secretary (书记) of its community
    // and of its street. Every command names who acts, and the posts are checked against the roster on the day.
    var units = generated.Roster.Units.ToDictionary(u => u.Id);
    OrgUnitId Above(OrgUnitId from, UnitKind kind)
    {
        for (OrgUnitId? id = from; id is OrgUnitId u; id = units[u].ParentId)
        {
            if (units[u].Kind == kind) return u;
        }
        throw new InvalidOperationException($"No {kind} above {from}.");
    }
    var member = generated.Roster.Members[0];
    var grid = Above(member.BranchId, UnitKind.GridBranch);
    var gridOfficial = Actor.Post(member.Id, RoleKind.GridHead, grid);
    var secretary = Actor.Post(member.Id, RoleKind.Secretary, Above(grid, UnitKind.Community));
    var streetCadre = Actor.Post(member.Id, RoleKind.Secretary, Above(grid, UnitKind.Street));
    RoleDraft[] posts = [.. new[] { gridOfficial, secretary, streetCadre }
        .Where(p => !generated.Roster.Roles.Any(r => r.MemberId == p.MemberId && r.Role == p.Role && r.UnitId == p.Unit))
        .Select(p => new RoleDraft(p.MemberId, p.Role, p.Unit))];
    var community = generated with { Roster = generated.Roster with { Roles = [.. generated.Roster.Roles, .. posts] } };

    var clock = new FakeClock(community.Date.At(new LocalTime(9, 0)).InUtc().ToInstant() + Duration.FromDays(157)); // a Thursday in June
    await using var provider = new ServiceCollection()
        .AddSingleton<IClock>(clock)
        .AddGridGovernance(options => options.Schema = community.Schema)
        .BuildServiceProvider();
    using (var scope = provider.CreateScope())
    {
        await scope.ServiceProvider.GetRequiredService<OrganisationService>().ImportAsync(Actor.System("import"), community.Roster, community.Date);
    }
    var household = community.Roster.Households.First(h => h.UnitId == grid);
    var resident = Actor.Resident("hotline-caller-1"); // the filer: the only one who rates

    async Task<T> Run<T>(Func<WorkOrderService, Task<T>> step)
    {
        using var scope = provider.CreateScope();
        return await step(scope.ServiceProvider.GetRequiredService<WorkOrderService>());
    }
    WorkOrderDraft Draft(string category, string description, WorkOrderChannel channel) => new()
    {
        Category = category, Description = description, Unit = grid, Channel = channel,
        FilerName = "王小明", FilerPhone = "13812341234", Address = "西湖春天小区3号楼1单元" + household.Address,
    };

    // 群众下单: four matters from four channels; 三事分流 sorts them.
    var leak = await Run(s => s.FileAsync(resident, Draft("leak", "楼下饭店卫生间漏水到入户大厅，王小明 13812341234", WorkOrderChannel.Hotline12345)));
    var parking = await Run(s => s.FileAsync(resident, Draft("parking", "小区免费停车时间太短", WorkOrderChannel.App)));
    var light = await Run(s => s.FileAsync(resident, Draft("streetlight", "路灯不亮", WorkOrderChannel.GridWorkerReport)));
    var bridge = await Run(s => s.FileAsync(resident, Draft("dispute", "景观桥木质桥面腐朽，改造方案有分歧", WorkOrderChannel.Visit)));
    foreach (var order in new[] { leak, parking, light, bridge })
    {
        await Run(s => s.TriageAsync(secretary, order.Id));
    }

    // 干部领单 and 社区督单; the leak goes up to the street, which blows the whistle (Huainan).
    await Run(s => s.ClaimAsync(secretary, leak.Id));
    await Run(s => s.ClaimAsync(gridOfficial, parking.Id));
    await Run(s => s.ClaimAsync(gridOfficial, light.Id));
    await Run(s => s.SuperviseAsync(secretary, leak.Id, "要求饭店维修，店主拒绝"));
    await Run(s => s.EscalateAsync(secretary, leak.Id, "店主不愿维修"));
    string[] departments = ["market-regulation", "city-management", "housing"];
    await Run(s => s.WhistleAsync(streetCadre, leak.Id, [.. departments.Select(d => new DepartmentSummons(d))]));
    foreach (var d in departments)
    {
        await Run(s => s.AcknowledgePartAsync(Actor.Officer(d, "officer-1"), leak.Id)); // 报到, by an officer of the department
        await Run(s => s.ResolvePartAsync(Actor.Officer(d, "officer-1"), leak.Id, "联合执法队处置"));
    }
    clock.Advance(Duration.FromHours(26));
    await Run(s => s.ResolveAsync(streetCadre, leak.Id, "photo:after")); // the street is responsible now
    await Run(s => s.RateAsync(resident, leak.Id, satisfied: true));
    await Run(s => s.CloseAsync(streetCadre, leak.Id));
    await Run(s => s.ResolveAsync(gridOfficial, light.Id, "photo:lamp"));
    await Run(s => s.RateAsync(resident, light.Id, satisfied: false, "第二天又不亮了")); // reopened
    await Run(s => s.RecordDeliberationAsync(secretary, bridge.Id, new DeliberationRecord(clock.GetCurrentInstant().InUtc().Date.PlusDays(2), 31, "居民议定更换为石材桥面")));

    // A week later the parking order's three working days have passed: it goes up to the community.
    clock.Advance(Duration.FromDays(7));
    var escalated = await Run(s => s.EscalateOverdueAsync(Actor.System("work-order-scan")));
    var report = await Run(s => s.ReportAsync());
    var board = await Run(s => s.BoardAsync(clock.GetCurrentInstant().InUtc().Date.PlusDays(-30), clock.GetCurrentInstant().InUtc().Date));

    Console.WriteLine();
    Console.WriteLine($"Work orders (四单): {report.Total} filed, {report.Open} open, {escalated.Length} escalated when overdue ({string.Join(", ", escalated.Select(o => $"{o.Id} → {o.ResponsibleUnit}"))})");
    Console.WriteLine($"  open / overdue by unit: {string.Join("; ", report.ByUnit.Select(r => $"{r.Kind} {r.Unit}: {r.Open}/{r.Overdue}"))}");
    Console.WriteLine($"  satisfaction {report.SatisfactionRate:P0} of {report.Rated} rated; median time to close {report.MedianTimeToClose}");
    Console.WriteLine("Public board (公开晒单)");
    foreach (var entry in board)
    {
        Console.WriteLine($"  {entry}");
    }
}

// Claim matching (项目认领): a generated Yibin-shaped district (8 categories, 44 projects, 35 organs serving nearby
// areas) matched optimally, with the claim table and the greedy hand match for comparison.
static void PrintClaimMatching()
{
    var instance = ClaimsGenerator.Yibin();
    var network = ClaimNetwork.Build(instance.Projects, instance.Resources, instance.Options);
    var optimal = ClaimMatcher.Match(network);
    var greedy = ClaimsGenerator.Greedy(network);
    Console.WriteLine();
    Console.WriteLine($"Claim matching ({instance.Name}): {network.Projects.Length} projects, {network.Resources.Length} organs, {network.Candidates.Length} eligible pairs");
    Console.WriteLine($"{"project",-12} {"category",-13} {"claimant",-9} {"metres",7} {"cost",7}  reason");
    foreach (var match in optimal.Projects.Take(8))
    {
        var claim = match.Assignments.FirstOrDefault();
        Console.WriteLine($"{match.Project,-12} {match.Category,-13} {claim?.Unit.ToString() ?? "-",-9} {claim?.DistanceMetres,7} {claim?.Cost,7}  {match.Reason}");
    }
    Console.WriteLine($"  … optimal fills {optimal.FilledPlaces}/{optimal.RequiredPlaces} at cost {optimal.TotalCost:N0}; the greedy hand match fills {greedy.FilledPlaces} at cost {greedy.TotalCost:N0}");
}

// 六级联动: link every household to a nearby member (党员联系户), print coverage per grid and one household's chain.
static async Task ContactsSection(IServiceProvider services, GeneratedCity city)
{
    using var scope = services.CreateScope();
    var index = await scope.ServiceProvider.GetRequiredService<OrganisationQueries>().BuildIndexAsync(city.Date);
    var members = await scope.ServiceProvider.GetRequiredService<GridGovernance.Persistence.IReadRepository<Member>>().ListAsync();
    var households = await scope.ServiceProvider.GetRequiredService<GridGovernance.Persistence.IReadRepository<Household>>().ListAsync();
    var input = ContactRoster.From(index, city.Schema, members, households);
    var plan = ContactPlanEngine.Plan(input.Households, input.Members);

    Console.WriteLine();
    Console.WriteLine($"Contacts (六级联动): {plan.CoveredCount:N0} of {plan.Households.Length:N0} households linked to {input.Members.Length:N0} members, " +
                      $"{plan.TotalDistanceMetres / Math.Max(plan.CoveredCount, 1):N0} m on average; {plan.Uncovered.Length} uncovered");
    var grids = plan.CoverageByGrid();
    foreach (var grid in grids.Take(5))
    {
        Console.WriteLine($"  grid {grid.Grid.Value,5} (community {grid.Community.Value,4}): {grid.Covered,3}/{grid.Households,3} covered ({grid.Rate:P0})");
    }
    Console.WriteLine($"  … {grids.Length} grids, lowest coverage {grids.Min(g => g.Rate):P0}");

    var chains = ResponsibilityChainIndex.Build(index, members, households, plan);
    var household = plan.Links.First().Household;
    var chain = chains.ChainOf(household);
    var names = members.ToDictionary(m => m.Id, m => m.Name);
    Console.WriteLine($"  chain of {household}: contact {PersonalDataMasking.MaskName(names[chain.Contact!.Value])}");
    foreach (var level in chain.Levels)
    {
        var who = level.Answerer is MemberId a ? $"{level.Role} {PersonalDataMasking.MaskName(names[a])}" : "nobody (broken link)";
        Console.WriteLine($"    {level.Kind,-12} {index.PathTo(level.Unit).Count,2} deep, unit {level.Unit.Value,5}: {who}");
    }
    var health = chains.Health();
    Console.WriteLine($"  chain health: {health.UnitsWithoutAnswerer.Length} units without an answerer (the generator names no secretaries; only the district's was appointed above), " +
                      $"{health.HouseholdsWithoutContact.Length} households without a contact");
}

// The example files sit beside this one; look from the app's own folder hint and from the working directory up.
static string FindExample(string name)
{
    var starts = new[] { AppContext.GetData("EntryPointFileDirectoryPath") as string, Directory.GetCurrentDirectory() };
    foreach (var start in starts.OfType<string>())
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, name), Path.Combine(dir.FullName, "docs", "examples", name) })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
    }
    throw new FileNotFoundException($"{name} was not found beside the quickstart; run it from the repository: dotnet run docs/examples/quickstart.cs", name);
}
