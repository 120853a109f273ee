namespace GridGovernance.AspNetCore.Tests;

/// <summary>One seeded sample app shared by a test class (its tests only read, or fail without changing anything).</summary>
public sealed class SeededSample : IDisposable
{
    public SampleFactory Factory { get; } = new() { Settings = { ["GridGovernanceWeb:Scheduler:Enabled"] = "false" } };

    public void Dispose() => Factory.Dispose();
}
