using System.Diagnostics;
using GridGovernance.WebSample;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GridGovernance.AspNetCore.Tests;

/// <summary>
/// The sample on a real port (Kestrel), its two public pages opened in Debian's headless Chromium: the rendered DOM
/// holds the masked rows and none of the raw names, phones or house numbers; a screenshot of each page is kept in
/// <c>artifacts/browser/</c>. Where no browser is installed the test is skipped with the reason, except in CI
/// (<c>CI=true</c>, where .ci/run installs the <c>chromium</c> package): there a missing browser fails.
/// </summary>
public sealed class BrowserTest
{
    [BrowserFact]
    public async Task PublicPages_ShowMaskedRowsOnly()
    {
        var browser = Browser.Path ?? throw new InvalidOperationException("No chromium or chromium-headless-shell on PATH (CI=true: .ci/run installs the Debian package chromium).");
        string database = Path.Combine(Path.GetTempPath(), $"gg-browser-{Guid.NewGuid():N}.db");
        await using var app = await SampleApp.BuildAsync(["--db", database, "--seed", "true", "--urls", "http://127.0.0.1:0",
            "--GridGovernanceWeb:Scheduler:Enabled", "false"]);
        await app.StartAsync();
        try
        {
            string root = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            string artifacts = Path.Combine(RepositoryRoot(), "artifacts", "browser");
            Directory.CreateDirectory(artifacts);

            string board = await DumpDomAsync(browser, root + "/board");
            Assert.Contains("公开晒单", board);
            Assert.Equal(3, Occurrences(board, "<tr class=\"entry\">"));
            Assert.Contains("王*明", board);
            Assert.Contains("138****1234", board);
            await ScreenshotAsync(browser, root + "/board", Path.Combine(artifacts, "board.png"));

            string ranking = await DumpDomAsync(browser, root + "/rankings/laiwu-2024/2024-Q1");
            Assert.Contains("党员积分排名", ranking);
            Assert.True(Occurrences(ranking, "<tr class=\"row\">") >= 5, "The ranking page shows fewer than five rows.");
            await ScreenshotAsync(browser, root + "/rankings/laiwu-2024/2024-Q1", Path.Combine(artifacts, "ranking.png"));

            var city = SampleApp.City;
            var raw = city.RawPersonalData
                .Concat(city.Generated.Roster.Members.Select(m => m.Name))
                .Concat(city.Generated.Roster.Members.Select(m => m.Phone).OfType<string>())
                .Concat(city.Generated.Roster.Households.Where(h => h.UnitId == city.Grid).Select(h => h.Address))
                .Where(s => s.Length >= 2)
                .Distinct();
            foreach (var text in raw)
            {
                Assert.DoesNotContain(text, board, StringComparison.Ordinal);
                Assert.DoesNotContain(text, ranking, StringComparison.Ordinal);
            }
        }
        finally
        {
            await app.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }

    private static int Occurrences(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    private static async Task<string> DumpDomAsync(string browser, string url)
    {
        var (output, exit) = await RunAsync(browser, [.. Browser.Arguments, "--dump-dom", url]);
        if (exit != 0)
        {
            Assert.Fail($"{browser} --dump-dom {url} exited with {exit}.");
        }
        return output;
    }

    private static async Task ScreenshotAsync(string browser, string url, string file)
    {
        File.Delete(file);
        var (_, exit) = await RunAsync(browser, [.. Browser.Arguments, "--window-size=1200,900", "--screenshot=" + file, url]);
        Assert.True(exit == 0 && File.Exists(file) && new FileInfo(file).Length > 1000, $"No screenshot of {url} in {file} (exit {exit}).");
    }

    private static async Task<(string Output, int Exit)> RunAsync(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within 120 seconds: {await errors}");
        }
        return (await output, process.ExitCode);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GridGovernance.Core.sln")))
            {
                return dir.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
    }
}

/// <summary>Where the headless browser is, and whether its tests run.</summary>
public static class Browser
{
    /// <summary>The flags every run gets: headless, no sandbox (CI runs as root), no GPU, no /dev/shm reliance.</summary>
    public static readonly string[] Arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--virtual-time-budget=5000"];

    /// <summary>The first of <c>chromium</c>, <c>chromium-headless-shell</c> found on PATH, or null.</summary>
    public static string? Path { get; } = Find();

    /// <summary>True in CI (<c>CI=true</c>): there a missing browser is a failure, never a skip.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private static string? Find()
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in new[] { "chromium", "chromium-headless-shell" })
        {
            foreach (var directory in directories)
            {
                var candidate = System.IO.Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}

/// <summary>A fact that needs the browser: skipped with the reason where none is installed, except in CI, where it runs and fails.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browser.Path is null && !Browser.InCi)
        {
            Skip = "No headless browser: install Debian's chromium (apt-get install -y chromium) to run the browser test; in CI (CI=true) it is required.";
        }
    }
}
