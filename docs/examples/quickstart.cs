#:project ../../src/GridGovernance.Testing/GridGovernance.Testing.csproj

// Quickstart: build a generated district (Wanshan-sized: 16 communities over 4 streets) on the in-memory store,
// print its tree summary and the coverage figures officials report, then merge two streets as Shantou did and
// ask the hierarchy "as of" before and after.
//
//   dotnet run docs/examples/quickstart.cs

using GridGovernance;
using GridGovernance.Organisation;
using GridGovernance.Testing;
using Microsoft.Extensions.DependencyInjection;

var city = CityGenerator.Generate(CitySize.District, seed: 2024);
await using var services = new ServiceCollection()
    .AddGridGovernance(options => options.Schema = city.Schema)
    .BuildServiceProvider();

using (var scope = services.CreateScope())
{
    var organisation = scope.ServiceProvider.GetRequiredService<OrganisationService>();
    var imported = await organisation.ImportAsync(city.Roster, city.Date);
    Console.WriteLine($"Imported {imported.Units:N0} units, {imported.Members:N0} members, {imported.Households:N0} households, " +
                      $"{imported.ResidentUnits:N0} resident units and {imported.Roles:N0} roles on {city.Date:yyyy-MM-dd}.");
}

using (var scope = services.CreateScope())
{
    var organisation = scope.ServiceProvider.GetRequiredService<OrganisationService>();
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
    Console.WriteLine($"  党组织覆盖率 party organisation coverage : {coverage.PartyOrganisationCoverageRate:P1} of {coverage.ResidentUnits} resident units");
    Console.WriteLine($"  单独组建率 own organisation rate       : {coverage.OwnOrganisationRate:P1} of {coverage.ResidentUnitsEligibleForOwnOrganisation} units with 3+ members");
    Console.WriteLine($"  members placed in a grid              : {coverage.MembersInGridsRate:P1} of {coverage.Members:N0}");
    Console.WriteLine($"  grids outside {coverage.Band.Min}–{coverage.Band.Max} households    : {coverage.GridsOutsideBand.Count} of {coverage.Grids}");

    var household = index.Descendants(city.District).First(n => n.Kind == NodeKind.Household);
    Console.WriteLine();
    Console.WriteLine($"Path of {household}: {string.Join(" → ", index.PathTo(household))}");
}

// Restructuring keeps history: merge street 2 into street 1 a month later, then ask both dates.
var streets = city.Roster.Units.Where(u => u.Kind == UnitKind.Street).Select(u => u.Id).ToArray();
var mergeDate = city.Date.PlusMonths(1);
using (var scope = services.CreateScope())
{
    var organisation = scope.ServiceProvider.GetRequiredService<OrganisationService>();
    var merge = await organisation.MergeUnitsAsync([streets[1]], streets[0], mergeDate);
    Console.WriteLine();
    Console.WriteLine($"Merged {string.Join(", ", merge.Closed)} into {streets[0]} on {mergeDate:yyyy-MM-dd}: {merge.UnitsMoved} communities moved.");

    var before = await organisation.BuildIndexAsync(city.Date);
    var after = await organisation.BuildIndexAsync(mergeDate);
    Console.WriteLine($"  {streets[0]} as of {city.Date:yyyy-MM-dd}: {before.CountsUnder(streets[0]).Households:N0} households; " +
                      $"as of {mergeDate:yyyy-MM-dd}: {after.CountsUnder(streets[0]).Households:N0}.");
    Console.WriteLine($"  {streets[1]} exists as of {mergeDate:yyyy-MM-dd}: {after.Contains(streets[1])}");

    try
    {
        await organisation.MoveUnitAsync(streets[0], streets[2], mergeDate);
    }
    catch (GridGovernanceException e)
    {
        Console.WriteLine($"  Moving a street under a street is refused: {e.Code}");
    }
}
