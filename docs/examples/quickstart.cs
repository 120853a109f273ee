#:project ../../src/GridGovernance.Testing/GridGovernance.Testing.csproj
#:project ../../src/GridGovernance.EntityFrameworkCore.Sqlite/GridGovernance.EntityFrameworkCore.Sqlite.csproj
#:property PublishAot=false

// Quickstart: build a generated district (calibrated to Wanshan: 16 communities over 4 streets, 64 grids of 200–300
// households) on the in-memory store, print its tree summary and the coverage figures officials report, have the district
// secretary (书记) merge two streets as Shantou did and ask the hierarchy "as of" before and after (a grid head may not
// restructure); then assess a year of points (积分) under the Laiwu rule book, print the ranking board (排名晾晒) with
// masked names, one member's statement (积分明细账) and a what-if of a revision (规则修订预演); match a Yibin-shaped
// district's service projects to its organs (项目认领); link every household to a nearby member (六级联动) and print
// coverage and one household's chain; finally run a handful of work orders (四单, 吹哨报到) through filing, triage,
// claims, a whistle, escalation and rating, and print the masked public board (公开晒单). Three SVG pictures go to
// artifacts/quickstart/.
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
using GridGovernance.Scoring.Statements;
using GridGovernance.Scoring.WhatIf;
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

// A year of points (积分): the Laiwu rule book from JSON (a yearly book, so it is assessed over its year), a few
// declarations through 申报 → 审核, a year of generated activity, the assessment (量化考核), stars, the public ranking
// board (排名晾晒) with masked names, one member's statement (积分明细账) and a what-if of a proposed revision (规则修订预演).
var ruleBookJson = File.ReadAllText(FindExample("laiwu-rulebook.json"));
var ruleBook = RuleBookJson.Read(ruleBookJson);
var year = AssessmentPeriod.Year(2024);
var roster = city.Roster.Members.Select(m => new AssessmentSubject(m.Id, m.Kind, m.BranchId)).ToArray();
var names = city.Roster.Members.ToDictionary(m => m.Id, m => m.Name);
var pictures = new List<string>();
var bottomLine = new BottomLineRules { Floor = Points.From(0), NegativeListItems = ["violation", "disciplinary-sanction"] };
Ranking board;
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
            OccurredOn = year.Start.PlusDays(10 + day),
            IdempotencyKey = $"quickstart-{subject.Member.Value}",
            Evidence = "sign-in sheet",
        });
        if (declared.Status == LedgerEntryStatus.Declared)
        {
            await ledger.ApproveAsync(districtSecretary, ruleBook, declared.Id); // a second run finds the entry approved already
        }
    }
    var approved = await scope.ServiceProvider.GetRequiredService<LedgerExportService>().ExportForAssessmentAsync(ruleBook, year);
    var generated = ScoringGenerator.Ledger(ruleBook, year, roster, count: roster.Length * 40, seed: 2024);
    AssessmentEntry[] entries = [.. approved, .. generated];
    // An AssessmentEntryColumns lays the entries out by member, in columns: built once, assessed as often as needed.
    var columns = AssessmentEntryColumns.From(entries);
    var result = AssessmentEngine.Assess(ruleBook, year, roster, columns);

    Console.WriteLine();
    Console.WriteLine($"Points {year}: {approved.Length} declared and approved + {generated.Length:N0} generated entries for {roster.Length:N0} members");
    var stars = StarCalculator.For(result).ToDictionary(s => s.Member);
    board = RankingBoard.Rank(result, bottomLine);
    Console.WriteLine($"{"rank",4}  {"name",-6} {"score",8}  stars  bottom line");
    foreach (var row in board.Benchmarks(10))
    {
        Console.WriteLine($"{row.Rank,4}  {PersonalDataMasking.MaskName(names[row.Member]),-6} {row.Score,8}  {stars[row.Member].BandStars,5}  {Flags(row.Flags)}");
    }
    var flagged = board.Flagged();
    Console.WriteLine($"  … {flagged.Length:N0} of {roster.Length:N0} members flagged for 底线管理 and kept in the ranking (the generated ledger draws a violation as often as any other item; a real one has few): " +
                      $"{flagged.Count(r => r.Flags.HasFlag(BottomLineFlags.BelowFloor)):N0} below the floor of {bottomLine.Floor}, " +
                      $"{flagged.Count(r => r.Flags.HasFlag(BottomLineFlags.NegativeList)):N0} with an entry on the negative list, " +
                      $"{flagged.Count(r => r.Flags.HasFlag(BottomLineFlags.Vetoed)):N0} vetoed");

    // 公示: the district secretary publishes the year; a member's statement reads the publication.
    var publications = scope.ServiceProvider.GetRequiredService<PeriodPublicationService>();
    var publicationId = new PeriodPublicationId(ruleBook.Id, year.Label);
    try
    {
        await publications.PublishAsync(districtSecretary, result, windowWorkingDays: 5, WorkingDayCalendar.WeekendsOnly);
    }
    catch (GridGovernanceException e) when (e.Code == ErrorCodes.PeriodAlreadyPublished)
    {
        // published by an earlier --db run: read it back
    }
    var published = await publications.GetResultsAsync(publicationId);
    var top = board.Benchmarks(1)[0].Member;
    var statement = MemberStatement.Create(ruleBook, published, roster.First(s => s.Member == top), entries, names[top]);
    Console.WriteLine();
    Console.WriteLine($"Statement (积分明细账) of {statement.DisplayName}, {statement.RuleBookName} v{statement.RuleBookVersion}, {year}: " +
                      $"{statement.Lines.Length} lines, awarded {statement.Awarded}, deducted {statement.Deducted}, clipped by caps {statement.Clipped}, score {statement.Score}");
    foreach (var category in statement.Categories)
    {
        var cap = category.Cap is { } c ? $"cap {c.Limit} ({c.Mode.ToString().ToLowerInvariant()}), {category.RoomLeft} left" : "no cap";
        Console.WriteLine($"  {category.Name,-6} {category.Total,7}  {cap}");
    }
    Console.WriteLine($"  stars {statement.Stars.BandStars}" + (statement.Stars.NextBand is null ? " (the top band)" : $"; {statement.Stars.NextBandShortfall} more for the next") +
                      $"; rank {statement.Rank.Rank} of {statement.Rank.ScopeCount:N0} (above {statement.Rank.Percentile:F1} % of members)");

    // 规则修订预演: next year's draft lowers the 为民办事 cap from 20 to 15. Who would move, on this year's ledger?
    var draft = System.Text.Json.Nodes.JsonNode.Parse(ruleBookJson)!;
    draft["version"] = 2;
    foreach (var category in draft["categories"]!.AsArray())
    {
        if ((string?)category!["code"] == "resident-requests")
        {
            category["cap"]!["limit"] = 15;
        }
    }
    var proposed = RuleBookJson.Read(draft.ToJsonString());
    var whatIf = RuleBookComparison.Compare(ruleBook, proposed, year, roster, columns, bottomLine);
    Console.WriteLine();
    Console.WriteLine($"What-if (规则修订预演): the 为民办事 cap 20 → 15 on {year}'s ledger: {whatIf.MembersUp:N0} members up, {whatIf.MembersDown:N0} down, " +
                      $"{whatIf.MembersUnchanged:N0} unchanged; stars {whatIf.StarsBefore:N0} → {whatIf.StarsAfter:N0}; " +
                      $"{whatIf.CrossingsOutOf:N0} leave the bottom line, {whatIf.CrossingsInto:N0} enter it");
    var requests = whatIf.Categories.First(c => c.Code == "resident-requests");
    Console.WriteLine($"  为民办事's share of the points {requests.ShareBefore:P1} → {requests.ShareAfter:P1}");
    pictures.Add(WriteScoreDistribution(board, bottomLine.Floor ?? Points.From(0), year.Label));
}

static string Flags(BottomLineFlags flags) => flags == BottomLineFlags.None ? "-" : string.Join(", ", new[]
{
    flags.HasFlag(BottomLineFlags.BelowFloor) ? "below floor" : null,
    flags.HasFlag(BottomLineFlags.NegativeList) ? "negative list" : null,
    flags.HasFlag(BottomLineFlags.Vetoed) ? "vetoed" : null,
}.OfType<string>());

PrintClaimMatching();
pictures.Add(await ContactsSection(services, city));
pictures.Add(await WorkOrdersAsync());
Console.WriteLine();
Console.WriteLine("Pictures (SVG; open them in a browser):");
foreach (var picture in pictures)
{
    Console.WriteLine($"  {Path.GetRelativePath(Directory.GetCurrentDirectory(), picture)}");
}

// Work orders (四单): a community of its own with a fake clock, so that a time limit can pass.
static async Task<string> WorkOrdersAsync()
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
    Console.WriteLine($"Work orders (四单): {report.Total} filed, {report.Open} open; the scan moved {escalated.Length} overdue order(s) up a level " +
                      $"({string.Join(", ", escalated.Select(o => $"{o.Id} → {o.ResponsibleUnit}"))}), each with the new level's time limit, so none is overdue now");
    Console.WriteLine($"  open / overdue by unit: {string.Join("; ", report.ByUnit.Select(r => $"{r.Kind} {r.Unit}: {r.Open}/{r.Overdue}"))}");
    Console.WriteLine($"  satisfaction {report.SatisfactionRate:P0} of {report.Rated} rated; median time to close {Human(report.MedianTimeToClose)}");
    Console.WriteLine("Public board (公开晒单)");
    foreach (var entry in board)
    {
        Console.WriteLine($"  {entry}");
    }
    return WriteFunnel(board);
}

// A duration for people: "1 day 2 h", "3 h 20 min".
static string Human(Duration? duration)
{
    if (duration is not Duration d)
    {
        return "- (nothing closed yet)";
    }
    var parts = new List<string>();
    if (d.Days > 0) parts.Add(d.Days == 1 ? "1 day" : $"{d.Days} days");
    if (d.Hours > 0) parts.Add($"{d.Hours} h");
    if (d.Minutes > 0 && d.Days == 0) parts.Add($"{d.Minutes} min");
    return parts.Count == 0 ? "under a minute" : string.Join(" ", parts);
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
        Console.WriteLine($"{match.Project,-12} {match.Category,-13} {claim?.Unit.ToString() ?? "-",-9} {claim?.DistanceMetres,7} {claim?.Cost,7}  {(match.Reason == UnmatchedReason.None ? "-" : match.Reason.ToString())}");
    }
    Console.WriteLine($"  … optimal fills {optimal.FilledPlaces}/{optimal.RequiredPlaces} at cost {optimal.TotalCost:N0} ({optimal.TotalDistanceMetres:N0} m in all); " +
                      $"the greedy hand match fills {greedy.FilledPlaces} at cost {greedy.TotalCost:N0} ({greedy.TotalDistanceMetres:N0} m)");
}

// 六级联动: link every household to a nearby member (党员联系户), print coverage per grid and one household's chain.
static async Task<string> ContactsSection(IServiceProvider services, GeneratedCity city)
{
    using var scope = services.CreateScope();
    var index = await scope.ServiceProvider.GetRequiredService<OrganisationQueries>().BuildIndexAsync(city.Date);
    var members = await scope.ServiceProvider.GetRequiredService<GridGovernance.Persistence.IReadRepository<Member>>().ListAsync();
    var households = await scope.ServiceProvider.GetRequiredService<GridGovernance.Persistence.IReadRepository<Household>>().ListAsync();
    var input = ContactRoster.From(index, city.Schema, members, households);
    var plan = ContactPlanEngine.Plan(input.Households, input.Members);

    Console.WriteLine();
    Console.WriteLine($"Contacts (六级联动): {plan.CoveredCount:N0} of {plan.Households.Length:N0} households ({(double)plan.CoveredCount / Math.Max(plan.Households.Length, 1):P1}) " +
                      $"linked to {input.Members.Length:N0} members, {plan.TotalDistanceMetres / Math.Max(plan.CoveredCount, 1):N0} m on average; {plan.Uncovered.Length:N0} uncovered");
    foreach (var reason in plan.Uncovered.GroupBy(u => u.Reason).OrderBy(g => g.Key))
    {
        Console.WriteLine($"  {reason.Count():N0} uncovered because {reason.Key switch
        {
            UncoveredReason.AllMembersFull => "every member who could take them is full",
            UncoveredReason.NoMemberAvailable => "no member serves their community",
            UncoveredReason.ContactLeft => "their contact has left",
            _ => reason.Key.ToString(),
        }}");
    }
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
    Console.WriteLine($"  chain health: {health.UnitsWithoutAnswerer.Length:N0} units without an answerer, {health.HouseholdsWithoutContact.Length:N0} households without a contact");
    var community = input.Households[0].Community;
    return WriteCommunityMap(input, plan, community, $"{community}: {input.Households.Count(h => h.Community == community):N0} households, their grids and contact members");
}

// Pictures: plain SVG written by hand (no library), to artifacts/quickstart/ under the working directory.
static string Picture(string name, int width, int height, Action<System.Text.StringBuilder> draw)
{
    var directory = Path.Combine(Directory.GetCurrentDirectory(), "artifacts", "quickstart");
    Directory.CreateDirectory(directory);
    var svg = new System.Text.StringBuilder();
    svg.Append(System.FormattableString.Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"13\">\n"));
    svg.Append(System.FormattableString.Invariant($"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>\n"));
    draw(svg);
    svg.Append("</svg>\n");
    var path = Path.Combine(directory, name);
    File.WriteAllText(path, svg.ToString());
    return path;
}

static string Text(double x, double y, string text, string attributes = "") =>
    System.FormattableString.Invariant($"<text x=\"{x:F1}\" y=\"{y:F1}\" {attributes}>{System.Security.SecurityElement.Escape(text)}</text>\n");

static string Colour(MemberId member) => System.FormattableString.Invariant($"hsl({member.Value * 47 % 360},65%,42%)");

// One community: its grids (the hull of their households), every household coloured by its contact member, the links,
// the members, and any uncovered household as a red cross.
static string WriteCommunityMap(ContactRoster input, ContactPlan plan, OrgUnitId community, string title)
{
    var households = input.Households.Where(h => h.Community == community).ToArray();
    var members = input.Members.Where(m => m.Community == community).ToArray();
    var points = households.Select(h => h.Location).Concat(members.Select(m => m.Location)).ToArray();
    double south = points.Min(p => p.Latitude), north = points.Max(p => p.Latitude);
    double west = points.Min(p => p.Longitude), east = points.Max(p => p.Longitude);
    double squeeze = Math.Cos(south * Math.PI / 180);                 // a degree of longitude is shorter than one of latitude
    const int size = 760, margin = 20, top = 40;
    double scale = Math.Min((size - 2 * margin) / Math.Max((east - west) * squeeze, 1e-9), (size - 2 * margin) / Math.Max(north - south, 1e-9));
    (double X, double Y) At(GeoPoint p) => (margin + ((p.Longitude - west) * squeeze * scale), top + ((north - p.Latitude) * scale));
    var memberAt = members.ToDictionary(m => m.Id, m => m.Location);
    var contact = plan.Links.ToDictionary(l => l.Household);
    return Picture("community-map.svg", size, size + top, svg =>
    {
        svg.Append(Text(margin, 24, title, "font-weight=\"bold\""));
        foreach (var grid in households.GroupBy(h => h.Grid))
        {
            var hull = Hull(grid.Select(h => At(h.Location)).ToArray());
            svg.Append("<polygon fill=\"#f3f3f3\" stroke=\"#999\" stroke-width=\"1\" points=\"")
               .AppendJoin(' ', hull.Select(p => System.FormattableString.Invariant($"{p.X:F1},{p.Y:F1}"))).Append("\"/>\n");
        }
        foreach (var household in households)
        {
            if (contact.TryGetValue(household.Id, out var link) && memberAt.TryGetValue(link.Member, out var home))
            {
                var (x1, y1) = At(home);
                var (x2, y2) = At(household.Location);
                svg.Append(System.FormattableString.Invariant($"<line x1=\"{x1:F1}\" y1=\"{y1:F1}\" x2=\"{x2:F1}\" y2=\"{y2:F1}\" stroke=\"{Colour(link.Member)}\" stroke-opacity=\"0.35\"/>\n"));
            }
        }
        foreach (var household in households)
        {
            var (x, y) = At(household.Location);
            svg.Append(contact.TryGetValue(household.Id, out var link)
                ? System.FormattableString.Invariant($"<circle cx=\"{x:F1}\" cy=\"{y:F1}\" r=\"2.5\" fill=\"{Colour(link.Member)}\"/>\n")
                : System.FormattableString.Invariant($"<path d=\"M{x - 4:F1},{y - 4:F1} l8,8 m0,-8 l-8,8\" stroke=\"red\" stroke-width=\"2\"/>\n"));
        }
        foreach (var member in members)
        {
            var (x, y) = At(member.Location);
            svg.Append(System.FormattableString.Invariant($"<circle cx=\"{x:F1}\" cy=\"{y:F1}\" r=\"5\" fill=\"{Colour(member.Id)}\" stroke=\"black\" stroke-width=\"1.2\"/>\n"));
        }
    });
}

// Andrew's monotone chain: the convex hull of a grid's households, as the grid's outline.
static (double X, double Y)[] Hull((double X, double Y)[] points)
{
    var sorted = points.Distinct().OrderBy(p => p.X).ThenBy(p => p.Y).ToArray();
    if (sorted.Length < 3)
    {
        return sorted;
    }
    static double Cross((double X, double Y) o, (double X, double Y) a, (double X, double Y) b) => ((a.X - o.X) * (b.Y - o.Y)) - ((a.Y - o.Y) * (b.X - o.X));
    var hull = new List<(double X, double Y)>();
    foreach (var pass in new[] { sorted, sorted.Reverse().ToArray() })
    {
        int start = hull.Count;
        foreach (var p in pass)
        {
            while (hull.Count >= start + 2 && Cross(hull[^2], hull[^1], p) <= 0)
            {
                hull.RemoveAt(hull.Count - 1);
            }
            hull.Add(p);
        }
        hull.RemoveAt(hull.Count - 1);
    }
    return [.. hull];
}

// The ranking's score distribution in bins of 5 points, with the bottom line (底线) marked.
static string WriteScoreDistribution(Ranking board, Points floor, string period)
{
    var scores = board.Rows.Select(r => (double)r.Score.Units / Points.From(1).Units).ToArray();
    double low = Math.Floor(Math.Min(scores.Min(), (double)floor.Units / Points.From(1).Units) / 5) * 5, high = Math.Ceiling(scores.Max() / 5) * 5 + 5;
    int bins = (int)((high - low) / 5);
    var counts = new int[bins];
    foreach (var s in scores)
    {
        counts[Math.Clamp((int)((s - low) / 5), 0, bins - 1)]++;
    }
    const int width = 760, height = 420, left = 50, bottom = 370, plot = 300;
    double barWidth = (width - left - 20) / (double)bins;
    int most = Math.Max(counts.Max(), 1);
    return Picture("score-distribution.svg", width, height, svg =>
    {
        svg.Append(Text(left, 24, $"Points {period}: {scores.Length:N0} members by score (排名晾晒), bins of 5 points", "font-weight=\"bold\""));
        for (int i = 0; i < bins; i++)
        {
            double h = plot * counts[i] / (double)most, x = left + i * barWidth;
            svg.Append(System.FormattableString.Invariant($"<rect x=\"{x + 1:F1}\" y=\"{bottom - h:F1}\" width=\"{barWidth - 2:F1}\" height=\"{h:F1}\" fill=\"#4a7ab5\"/>\n"));
            if (i % 2 == 0)
            {
                svg.Append(Text(x, bottom + 18, (low + i * 5).ToString("0", System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        double floorX = left + ((double)floor.Units / Points.From(1).Units - low) / 5 * barWidth;
        svg.Append(System.FormattableString.Invariant($"<line x1=\"{floorX:F1}\" y1=\"{bottom - plot - 10}\" x2=\"{floorX:F1}\" y2=\"{bottom}\" stroke=\"red\" stroke-width=\"2\" stroke-dasharray=\"6,4\"/>\n"));
        svg.Append(Text(floorX + 6, bottom - plot, $"bottom line (底线) {floor}", "fill=\"red\""));
        svg.Append(Text(left - 40, bottom - plot, most.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)));
        svg.Append(System.FormattableString.Invariant($"<line x1=\"{left}\" y1=\"{bottom}\" x2=\"{width - 20}\" y2=\"{bottom}\" stroke=\"black\"/>\n"));
    });
}

// The work-order funnel (四单): how many orders reached each stage of the loop.
static string WriteFunnel(IReadOnlyList<PublicBoardEntry> board)
{
    static int Stage(WorkOrderStatus status) => status switch
    {
        WorkOrderStatus.Filed => 0,
        WorkOrderStatus.Triaged => 1,
        WorkOrderStatus.Claimed or WorkOrderStatus.Whistled => 2,
        WorkOrderStatus.Resolved or WorkOrderStatus.Reopened => 3,
        WorkOrderStatus.Rated => 4,
        _ => 5,
    };
    string[] stages = ["filed 群众下单", "triaged 三事分流", "claimed 干部领单", "resolved 办结", "rated 评价", "closed 公开晒单"];
    var reached = stages.Select((_, i) => board.Count(e => Stage(e.Status) >= i || (i == 4 && e.Satisfied is not null))).ToArray();
    const int width = 620, row = 46, left = 170;
    return Picture("work-order-funnel.svg", width, 50 + row * stages.Length, svg =>
    {
        svg.Append(Text(20, 24, $"Work orders (四单): {board.Count} filed, how far each got", "font-weight=\"bold\""));
        for (int i = 0; i < stages.Length; i++)
        {
            double w = (width - left - 30) * reached[i] / (double)Math.Max(reached[0], 1), y = 40 + i * row;
            svg.Append(Text(20, y + 24, stages[i]));
            svg.Append(System.FormattableString.Invariant($"<rect x=\"{left}\" y=\"{y}\" width=\"{w:F1}\" height=\"{row - 10}\" fill=\"#d98a2b\"/>\n"));
            svg.Append(Text(left + w + 6, y + 24, reached[i].ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    });
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
