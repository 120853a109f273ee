using GridGovernance.WebSample;

namespace GridGovernance.AspNetCore.Tests;

/// <summary>
/// The entry point <see cref="SampleFactory"/> runs: the same two lines as docs/examples/webapp.cs, over the same
/// <see cref="SampleApp.BuildAsync"/> (a file-based app cannot be a WebApplicationFactory's entry point).
/// </summary>
public sealed class SampleEntryPoint
{
    private SampleEntryPoint()
    {
    }

    public static async Task Main(string[] args)
    {
        var app = await SampleApp.BuildAsync(args);
        await app.RunAsync();
    }
}
