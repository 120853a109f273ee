using GridGovernance.EntityFrameworkCore;
using GridGovernance.Organisation;
using GridGovernance.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

// dotnet GridGovernance.ImportKillHost.dll sqlite|postgres <connection string> <communities>
// Imports ImportKillHost.City(communities) (a generated roster) into the database through OrganisationService.ImportAsync,
// one all-or-nothing save. Prints "transaction started" when the save's transaction begins (EF Core's
// TransactionStarted event), then "imported <units> <members> <households>" when the save has committed.
if (args.Length != 3 || args[0] is not ("sqlite" or "postgres"))
{
    Console.Error.WriteLine("usage: GridGovernance.ImportKillHost sqlite|postgres <connection string> <communities>");
    return 2;
}
string connection = args[1];
var city = ImportKillHost.City(int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
Action<DbContextOptionsBuilder> log = o => o.LogTo(_ => Console.Out.WriteLine(ImportKillHost.SaveStarted), [RelationalEventId.TransactionStarted]);
await using var services = new ServiceCollection()
    .AddGridGovernanceEntityFrameworkCore(o =>
    {
        if (args[0] == "sqlite")
        {
            o.UseSqlite(connection, log);
        }
        else
        {
            o.UseNpgsql(connection, log);
        }
    })
    .AddGridGovernance(o => o.Schema = HierarchySchemas.Standard)
    .BuildServiceProvider();
await GridGovernanceDatabase.MigrateAsync(services);
Console.Out.WriteLine(ImportKillHost.Importing);
await using (var scope = services.CreateAsyncScope())
{
    var imported = await city.ImportAsync(scope.ServiceProvider.GetRequiredService<OrganisationService>());
    Console.Out.WriteLine($"{ImportKillHost.Imported} {imported.Units} {imported.Members} {imported.Households}");
}
return 0;

/// <summary>The roster and the markers the host and the test share.</summary>
internal static partial class ImportKillHost
{
    public const string Importing = "importing";
    public const string SaveStarted = "transaction started";
    public const string Imported = "imported";

    /// <summary>A street of <paramref name="communities"/> communities of ten grids, 250 households a grid (seed 15).</summary>
    public static GeneratedCity City(int communities) =>
        CityGenerator.Generate(new CitySize("kill", 1, communities, new(10, 10), new(1, 2), new(8, 10), new(250, 250), new(0, 1)), seed: 15);
}
