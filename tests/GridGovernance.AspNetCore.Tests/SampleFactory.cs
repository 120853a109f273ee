using GridGovernance.WebSample;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Testing;

namespace GridGovernance.AspNetCore.Tests;

/// <summary>
/// The sample app under <see cref="WebApplicationFactory{TEntryPoint}"/>: its own SQLite file, a <see cref="FakeClock"/> on
/// a Monday in June 2024 (after 2024-Q1 ended), and the scheduler polling every 20 ms of real time so that advancing the
/// fake clock drives it. Seeded with the demo unless <see cref="Seed"/> is false.
/// </summary>
public sealed class SampleFactory : WebApplicationFactory<SampleEntryPoint>
{
    public static readonly Instant Start = Instant.FromUtc(2024, 6, 3, 1, 0);

    private readonly string database = Path.Combine(Path.GetTempPath(), $"gg-web-{Guid.NewGuid():N}.db");

    public FakeClock Clock { get; } = new(Start);

    public bool Seed { get; init; } = true;

    public Dictionary<string, string?> Settings { get; } = [];

    protected override IHost CreateHost(IHostBuilder builder)
    {
        // Host configuration reaches WebApplication.CreateBuilder's configuration before SampleApp reads it (it is passed
        // as the entry point's arguments); settings made in ConfigureWebHost would come only after Build.
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>(Settings)
        {
            // The content root: the test's output folder (WebApplicationFactory would look for a project folder).
            [HostDefaults.ContentRootKey] = AppContext.BaseDirectory,
            ["db"] = database,
            ["seed"] = Seed ? "true" : "false",
            ["GridGovernanceWeb:Scheduler:PollInterval"] = "00:00:00.020",
            ["GridGovernanceWeb:Scheduler:Interval"] = "00:15:00",
        }));
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseContentRoot(AppContext.BaseDirectory).ConfigureTestServices(services => services.AddSingleton<IClock>(Clock));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try
            {
                File.Delete(database + suffix);
            }
            catch (IOException)
            {
                // A file SQLite still holds is left in the temporary folder.
            }
        }
    }

    public HttpClient As(string actor)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Actor", actor);
        return client;
    }

    public static string Header(Authority.Actor actor) => actor.Kind switch
    {
        Authority.ActorKind.Post => $"post:{actor.MemberId.Value}:{actor.Role}:{actor.Unit.Value}",
        Authority.ActorKind.Member => $"member:{actor.MemberId.Value}",
        _ => throw new ArgumentException("Only posts and members here.", nameof(actor)),
    };

    public static SampleCity City => SampleApp.City;
}
