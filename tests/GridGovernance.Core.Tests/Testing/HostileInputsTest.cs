using GridGovernance.Organisation;
using GridGovernance.Testing;
using NodaTime;

namespace GridGovernance.Tests.Testing;

public sealed class HostileInputsTest
{
    [Fact]
    public void Strings_CoverEveryHostileClass_AndOrdinaryTexts()
    {
        var samples = Samples.Draw(HostileInputs.Strings(), 600, seed: 14);

        Assert.Contains(samples, s => s.Length >= 100_000);
        Assert.Contains(samples, s => s.Contains('\0', StringComparison.Ordinal));
        Assert.Contains(samples, s => s.Any(char.IsSurrogate) && InputPolicy.FindForbidden(s) >= 0);
        Assert.Contains(samples, s => s.Contains('\u202E', StringComparison.Ordinal) || s.Contains('\u2066', StringComparison.Ordinal));
        Assert.Contains(samples, s => s.Length == 0);
        Assert.Contains(samples, s => InputPolicy.FindForbidden(s) < 0 && s.Trim().Length > 0);
        Assert.All(HostileInputs.RefusedCharacters, c => Assert.Equal(0, InputPolicy.FindForbidden(c)));
        Assert.All(HostileInputs.OrdinaryTexts, t => Assert.Null(InputPolicy.CheckText(t, "T", null, InputPolicy.MaxKeyLength)));
    }

    [Fact]
    public void NumbersDatesEnumsAndLocations_ReachTheEdges()
    {
        Assert.Contains(int.MaxValue, Samples.Draw(HostileInputs.Ints(), 300, seed: 2));
        Assert.Contains(1e20m, Samples.Draw(HostileInputs.Decimals(), 300, seed: 3));
        Assert.Contains(LocalDate.MinIsoValue, Samples.Draw(HostileInputs.Dates(new LocalDate(2024, 6, 1)), 300, seed: 4));
        Assert.Contains(Samples.Draw(HostileInputs.EnumValues<MemberKind>(), 300, seed: 5), k => !Enum.IsDefined(k));
        Assert.Contains(GeoPoint.Unknown, Samples.Draw(HostileInputs.Locations(), 300, seed: 6));
        Assert.Contains(Points.FromUnits(long.MinValue), Samples.Draw(HostileInputs.PointsAmounts(), 300, seed: 7));
    }

    [Fact]
    public void IsLibraryRefusal_AcceptsOnlyTheLibrarysExceptions()
    {
        Assert.True(HostileInputs.IsLibraryRefusal(new GridGovernanceException("x.y", "m")));
        Assert.True(HostileInputs.IsLibraryRefusal(new GridGovernanceValidationException("It", [new ValidationProblem("F", null, "r", "m")])));
        Assert.False(HostileInputs.IsLibraryRefusal(new GridGovernanceValidationException("It", [new ValidationProblem("", null, "r", "m")])));
        Assert.False(HostileInputs.IsLibraryRefusal(new ArgumentException("m")));
        Assert.False(HostileInputs.IsLibraryRefusal(new InvalidOperationException()));
    }
}
