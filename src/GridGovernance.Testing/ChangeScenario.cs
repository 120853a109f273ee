using System.Collections.Immutable;

namespace GridGovernance.Testing;

/// <summary>A city and a script of steps for <see cref="ChangeWithoutLoss.RunAsync"/>.</summary>
/// <param name="City">The city.</param>
/// <param name="Steps">The steps, one a day.</param>
public sealed record ChangeScenario(GeneratedCity City, ImmutableArray<ChangeStep> Steps)
{
    /// <inheritdoc />
    public override string ToString() => $"{City.Size.Name} city (seed {City.Seed}): {string.Join(" ", Steps)}";
}
