using System.Globalization;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using GridGovernance.Authority;
using GridGovernance.Organisation;

namespace GridGovernance.Tests;

/// <summary>Unit kinds, roles and capabilities read and write themselves as their codes, as text and in JSON.</summary>
public sealed class TextJsonConverterTest
{
    public static TheoryData<string> KindCodes => new(typeof(UnitKind).GetProperties().Where(p => p.PropertyType == typeof(UnitKind)).Select(p => ((UnitKind)p.GetValue(null)!).Code));

    public static TheoryData<string> RoleCodes => new(typeof(RoleKind).GetProperties().Where(p => p.PropertyType == typeof(RoleKind)).Select(p => ((RoleKind)p.GetValue(null)!).Code));

    public static TheoryData<string> CapabilityCodes => new(Capabilities.All.Select(c => c.Code));

    [Theory]
    [MemberData(nameof(KindCodes))]
    public void UnitKind_RoundTrips(string code) => RoundTrip(new UnitKind(code), code);

    [Theory]
    [MemberData(nameof(RoleCodes))]
    public void RoleKind_RoundTrips(string code) => RoundTrip(new RoleKind(code), code);

    [Theory]
    [MemberData(nameof(CapabilityCodes))]
    public void Capability_RoundTrips_AndFindsItsRuleByPosition(string code)
    {
        RoundTrip(new Capability(code), code);
        var read = JsonSerializer.Deserialize<Capability>(JsonSerializer.Serialize(code));
        Assert.True(read.Slot > 0, "A well-known capability read from JSON keeps its slot.");
        Assert.True(AuthorityTable.Default.TryGetRule(read, out var rule));
        Assert.Equal(code, rule!.Capability.Code);
    }

    [Fact]
    public void ACityOwnKind_RoundTrips() => RoundTrip(new UnitKind("town"), "town");

    [Fact]
    public void Codes_AnyNonBlankText_RoundTrip() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(ArbMap.Default.ArbFor<NonWhiteSpaceString>(), text =>
        {
            var kind = new UnitKind(text.Get);
            return JsonSerializer.Deserialize<UnitKind>(JsonSerializer.Serialize(kind)) == kind
                && UnitKind.Parse(kind.ToString(null, CultureInfo.InvariantCulture), null) == kind;
        }));

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"  \"")]
    [InlineData("3")]
    [InlineData("true")]
    [InlineData("{\"code\":\"street\"}")]
    public void UnitKind_BadJson_IsAJsonExceptionNamingTheType(string json)
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<UnitKind>(json));
        Assert.Contains("UnitKind", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("points")]
    [InlineData(".review")]
    [InlineData("points.")]
    [InlineData("Points.Review")]
    [InlineData("points review")]
    [InlineData("")]
    public void Capability_NotModuleDotVerb_IsRefused(string text)
    {
        Assert.False(Capability.TryParse(text, null, out var none));
        Assert.Equal(default, none);
        Assert.Contains("module.verb", Assert.Throws<FormatException>(() => Capability.Parse(text, null)).Message, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Capability>(JsonSerializer.Serialize(text)));
    }

    [Fact]
    public void Kinds_AsDictionaryKeys_AreTheirCodes()
    {
        var counts = new Dictionary<UnitKind, int> { [UnitKind.GridBranch] = 65, [UnitKind.Community] = 1 };

        var json = JsonSerializer.Serialize(counts);

        Assert.Equal("{\"grid-branch\":65,\"community\":1}", json);
        Assert.Equal(counts, JsonSerializer.Deserialize<Dictionary<UnitKind, int>>(json));
    }

    [Fact]
    public void TryFormat_ReportsWhenTheCodeDoesNotFit()
    {
        Span<char> small = stackalloc char[3];
        Span<char> enough = stackalloc char[11];

        Assert.False(UnitKind.GridBranch.TryFormat(small, out int none, default, null));
        Assert.Equal(0, none);
        Assert.True(UnitKind.GridBranch.TryFormat(enough, out int written, default, null));
        Assert.Equal("grid-branch", enough[..written].ToString());
        Assert.Throws<ArgumentNullException>(() => Parse<RoleKind>(null!));
    }

    private static T Parse<T>(string text)
        where T : IParsable<T> => T.Parse(text, null);

    private static void RoundTrip<T>(T value, string code)
        where T : struct, ISpanFormattable, ISpanParsable<T>
    {
        var json = JsonSerializer.Serialize(value);
        Assert.Equal(JsonSerializer.Serialize(code), json);
        Assert.Equal(value, JsonSerializer.Deserialize<T>(json));
        Assert.Null(JsonSerializer.Deserialize<T?>("null"));
        Assert.Equal(code, value.ToString(null, CultureInfo.GetCultureInfo("tr-TR")));
        Assert.Equal(value, T.Parse(code, CultureInfo.InvariantCulture));
        Assert.True(T.TryParse(code.AsSpan(), null, out var back));
        Assert.Equal(value, back);
        Assert.False(T.TryParse("   ", null, out _));
        Assert.False(T.TryParse((string?)null, null, out _));
    }
}
