using System.Diagnostics;
using GridGovernance.EntityFrameworkCore;
using GridGovernance.EntityFrameworkCore.Documents;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GridGovernance.Benchmarks.Storage;

/// <summary>
/// A stopwatch split of a roster import (<c>dotnet run -c Release -- profile-import [community|import] [sqlite] [postgres]</c>):
/// the in-memory import (validation and building), the documents of every aggregate serialised alone, and the import into
/// each database. Writing rows is roughly the database's time less the other two. Not a benchmark: one run, for a profile.
/// </summary>
internal static class ImportProfile
{
    public static void Run(string size, IEnumerable<string> databases, TextWriter output)
    {
        var watch = Stopwatch.StartNew();
        var city = CityGenerator.Generate(size == "community" ? CitySize.Community : RosterImportBenchmarks.ImportCity, seed: 42);
        output.WriteLine($"generate: {watch.Elapsed.TotalSeconds:F2} s ({city.Roster.Units.Count:N0} units, {city.Roster.Members.Count:N0} members, {city.Roster.Households.Count:N0} households)");

        Collect();
        watch.Restart();
        var problems = new RosterValidator(HierarchySchemas.Standard, city.Date, new Dictionary<OrgUnitId, OrgUnit>(), new HashSet<MemberId>(), new HashSet<HouseholdId>(),
            new HashSet<StationedUnitId>()).Validate(city.Roster);
        output.WriteLine($"validate alone: {watch.Elapsed.TotalSeconds:F2} s ({problems.Count} problems)");
        Collect();
        watch.Restart();
        var built = city.Roster.Households.Select(h => Household.Create(h, city.Date)).ToList();
        output.WriteLine($"build {built.Count:N0} households alone: {watch.Elapsed.TotalSeconds:F2} s");
        built = null;

        using (var memory = BenchDatabases.Services(null))
        {
            Collect();
            watch.Restart();
            using (var scope = memory.CreateScope())
            {
                scope.ServiceProvider.GetRequiredService<OrganisationService>().ImportAsync(GeneratedCity.Importer, city.Roster, city.Date).GetAwaiter().GetResult();
            }
            output.WriteLine($"in-memory import (validate, build, stage): {watch.Elapsed.TotalSeconds:F2} s");
            using var read = memory.CreateScope();
            object[] all =
            [
                .. read.ServiceProvider.GetRequiredService<IReadRepository<OrgUnit>>().ListAsync().GetAwaiter().GetResult(),
                .. read.ServiceProvider.GetRequiredService<IReadRepository<Member>>().ListAsync().GetAwaiter().GetResult(),
                .. read.ServiceProvider.GetRequiredService<IReadRepository<Household>>().ListAsync().GetAwaiter().GetResult(),
            ];
            Collect();
            watch.Restart();
            long bytes = 0;
            foreach (var aggregate in all)
            {
                bytes += AggregateDocument.Serialize(aggregate).Length;
            }
            output.WriteLine($"serialise {all.Length:N0} documents (strings): {watch.Elapsed.TotalSeconds:F2} s, {bytes / 1e6:F0} M chars");
            Collect();
            watch.Restart();
            bytes = 0;
            foreach (var aggregate in all)
            {
                bytes += AggregateDocument.SerializeToUtf8(aggregate).Length;
            }
            output.WriteLine($"serialise {all.Length:N0} documents (UTF-8 bytes): {watch.Elapsed.TotalSeconds:F2} s, {bytes / 1e6:F0} MB");
        }

        foreach (var database in databases)
        {
            var (use, _, drop) = BenchDatabases.Fresh(database);
            try
            {
                using var services = BenchDatabases.Services(use);
                GridGovernanceDatabase.MigrateAsync(services).GetAwaiter().GetResult();
                Collect();
                watch.Restart();
                using var scope = services.CreateScope();
                scope.ServiceProvider.GetRequiredService<OrganisationService>().ImportAsync(GeneratedCity.Importer, city.Roster, city.Date).GetAwaiter().GetResult();
                output.WriteLine($"{database} import: {watch.Elapsed.TotalSeconds:F2} s");
            }
            finally
            {
                drop();
            }
        }
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
