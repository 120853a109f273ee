using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using GridGovernance.Authority;
using GridGovernance.Claims;
using GridGovernance.Claims.Matching;
using GridGovernance.Contacts;
using GridGovernance.Organisation;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Rankings;
using GridGovernance.Scoring.Rewards;
using GridGovernance.Scoring.Signals;
using GridGovernance.Scoring.Stars;
using GridGovernance.Scoring.WhatIf;
using GridGovernance.WorkOrders;

namespace GridGovernance.Tests.Conventions;

/// <summary>
/// The wire rule for public structs (issue 16), checked over the whole Core assembly so that a new type cannot miss it.
/// A public struct is either a <b>value</b> — one thing with one text form: an id, <see cref="Points"/>,
/// <see cref="GeoPoint"/>, a kind, a role, a capability, an actor — or a <b>record</b> listed in <see cref="Records"/>:
/// a row of values that is a JSON object of its parts. A value carries its own <see cref="JsonConverterAttribute"/>,
/// implements <see cref="IParsable{TSelf}"/>, <see cref="ISpanParsable{TSelf}"/> and <see cref="ISpanFormattable"/>,
/// and round-trips through text and through JSON with default options. Every struct not listed as a record is held
/// to the value rule: a new id without <c>IParsable</c> or a converter fails here.
/// </summary>
public sealed class ValueTypesTest
{
    private static readonly Assembly Core = typeof(GridGovernanceException).Assembly;

    /// <summary>
    /// Rows of other values (outputs, engine inputs, composite keys of a member and a year): JSON objects of their
    /// parts, never a route value. A type listed here must be made only of wire-able parts.
    /// </summary>
    private static readonly ImmutableHashSet<Type> Records =
    [
        typeof(Validity), typeof(Segment<>),
        typeof(AssessmentEntry), typeof(AssessmentSubject), typeof(UnitStars), typeof(PeriodPublicationId),
        typeof(UnitRankingRow), typeof(PublicRankingRow), typeof(RankingRow), typeof(StarCountShift), typeof(MemberChange),
        typeof(SignalEntry), typeof(PointsAccountYearId), typeof(GridGovernance.Scoring.Units.UnitEntry),
        typeof(WorkOrderTransition),
        typeof(ContactHousehold), typeof(UnitContactCoverage), typeof(ContactLink), typeof(ContactMember),
        typeof(ContactPlanProgress), typeof(UncoveredHousehold), typeof(HouseholdWithoutContact), typeof(ContactLogId),
        typeof(ChainLevel), typeof(GridContactCoverage), typeof(HouseholdChain), typeof(UncontactedHousehold),
        typeof(ClaimMatchingProgress), typeof(BipartiteArc), typeof(CandidatePair),
        typeof(AuthorityDecision),
        typeof(GridHouseholdBand), typeof(SubtreeCounts), typeof(NodeRef), typeof(GridHouseholdCount),
    ];

    /// <summary>Text forms of the values that are not numbered ids (those get <c>1</c>, <c>17</c> and their maximum).</summary>
    private static readonly ImmutableDictionary<Type, string[]> Samples = new Dictionary<Type, string[]>
    {
        [typeof(Points)] = ["0", "1.25", "-20", "0.0001", "-0.625", "461168601842738"],
        [typeof(GeoPoint)] = ["(31.2304, 121.4737)", "(0, 0)", "(-90, 180)", "(36.123456789012, -117.000000001)"],
        [typeof(UnitKind)] = ["grid-branch", "community", "town"],
        [typeof(RoleKind)] = ["group-leader", "grid-head", "cashier"],
        [typeof(Capability)] = ["points.review", "workorders.claim"],
        [typeof(WorkOrderActor)] = ["member:17", "system:reminders", "department:market-regulation"],
        [typeof(LedgerActor)] = ["member:17", "system:work-orders"],
        [typeof(RuleBookId)] = ["laiwu-2024", "yibin-organs-2024"],
    }.ToImmutableDictionary();

    private static IEnumerable<Type> PublicStructs =>
        Core.GetTypes().Where(t => t.IsVisible && t.IsValueType && !t.IsEnum);

    public static TheoryData<string> Values =>
        [.. PublicStructs.Where(t => !Records.Contains(t)).Select(t => t.FullName!).Order(StringComparer.Ordinal)];

    public static TheoryData<string> RecordNames => [.. Records.Select(t => t.FullName!).Order(StringComparer.Ordinal)];

    [Fact]
    public void Rule_CoversTheKnownValues()
    {
        // The rule is not vacuous: every id, Points, GeoPoint and the codes are values.
        var values = PublicStructs.Where(t => !Records.Contains(t)).Select(t => t.FullName!).ToHashSet();
        foreach (var type in new[]
                 {
                     typeof(MemberId), typeof(OrgUnitId), typeof(HouseholdId), typeof(StationedUnitId), typeof(LedgerEntryId),
                     typeof(RewardItemId), typeof(WorkOrderId), typeof(ProjectId), typeof(NeedId), typeof(WishId), typeof(AreaId),
                     typeof(Points), typeof(GeoPoint), typeof(UnitKind), typeof(RoleKind), typeof(Capability),
                 })
        {
            Assert.Contains(type.FullName!, values);
        }
    }

    [Fact]
    public void Records_AreAllPublicStructs() =>
        Assert.All(Records, t => Assert.True(t.IsVisible && t.IsValueType && !t.IsEnum && t.Assembly == Core, $"{t} is not a public struct of Core"));

    [Theory]
    [MemberData(nameof(Values))]
    public void Value_CarriesItsConverter_AndIsParsable(string name)
    {
        var type = Core.GetType(name, throwOnError: true)!;
        var converter = type.GetCustomAttribute<JsonConverterAttribute>();
        Assert.True(converter is not null, $"{type.Name} is a public value struct without [JsonConverter]: give it one, or list it in ValueTypesTest.Records if it is a row of other values.");
        Assert.True(typeof(ISpanFormattable).IsAssignableFrom(type), $"{type.Name} does not implement ISpanFormattable.");
        Assert.True(typeof(IParsable<>).MakeGenericType(type).IsAssignableFrom(type), $"{type.Name} does not implement IParsable<{type.Name}>.");
        Assert.True(typeof(ISpanParsable<>).MakeGenericType(type).IsAssignableFrom(type), $"{type.Name} does not implement ISpanParsable<{type.Name}>.");
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Value_RoundTripsThroughTextAndJson(string name)
    {
        var type = Core.GetType(name, throwOnError: true)!;
        Assert.True(typeof(ISpanFormattable).IsAssignableFrom(type), $"{type.Name} has no text form.");
        var method = typeof(ValueTypesTest).GetMethod(nameof(RoundTrip), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);
        var texts = SamplesOf(type);
        Assert.True(texts.Length > 0, $"{type.Name} has no samples: add its text forms to ValueTypesTest.Samples.");
        foreach (var text in texts)
        {
            try
            {
                method.Invoke(null, [text]);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            }
        }
    }

    [Theory]
    [MemberData(nameof(RecordNames))]
    public void Record_IsMadeOfWireableParts(string name)
    {
        var type = Core.GetType(name, throwOnError: true)!;
        var parts = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0);
        foreach (var part in parts)
        {
            Assert.True(IsWireable(part.PropertyType), $"{type.Name}.{part.Name} is a {part.PropertyType}, which has no JSON form.");
        }
    }

    [Fact]
    public void Values_RefuseGarbage()
    {
        Assert.False(Points.TryParse("1.00001", CultureInfo.InvariantCulture, out _));
        Assert.False(Points.TryParse("1e3", null, out _));
        Assert.False(Points.TryParse("1,5", null, out _));
        Assert.Throws<FormatException>(() => Points.Parse("x".AsSpan(), CultureInfo.InvariantCulture));
        Assert.True(Points.TryParse(" 1.25 ", new CultureInfo("de-DE"), out var parsed));
        Assert.Equal(Points.From(1.25m), parsed);
        Assert.Equal("1.25", Points.From(1.25m).ToString(null, new CultureInfo("de-DE")));
        Assert.Throws<FormatException>(() => Points.From(1).ToString("N2", null));
        Assert.False(GeoPoint.TryParse("91,0", null, out _));
        Assert.False(GeoPoint.TryParse("0,181", null, out _));
        Assert.False(GeoPoint.TryParse("NaN,0", null, out _));
        Assert.False(GeoPoint.TryParse("(unknown)", null, out _));
        Assert.False(GeoPoint.TryParse("31.2", null, out _));
        Assert.Equal(new GeoPoint(31.2304, 121.4737), GeoPoint.Parse("31.2304,121.4737", null));
        Assert.Equal("(unknown)", GeoPoint.Unknown.ToString(null, null));
        Assert.False(WorkOrderActor.TryParse(" ", null, out _));
        Assert.False(LedgerActor.TryParse(new string('x', 201), null, out _));
    }

    private static void RoundTrip<T>(string text)
        where T : struct, ISpanParsable<T>, ISpanFormattable
    {
        var value = T.Parse(text, CultureInfo.InvariantCulture);
        var written = value.ToString(null, CultureInfo.InvariantCulture);
        Assert.Equal(value, T.Parse(written, new CultureInfo("fr-FR")));
        Span<char> buffer = stackalloc char[256];
        Assert.True(value.TryFormat(buffer, out int count, default, CultureInfo.InvariantCulture));
        Assert.Equal(written, buffer[..count].ToString());
        Assert.True(T.TryParse(written.AsSpan(), null, out var fromSpan));
        Assert.Equal(value, fromSpan);
        Assert.Equal(value, JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value)));
        Assert.Equal(value, JsonSerializer.Deserialize<T?>(JsonSerializer.Serialize<T?>(value)));
        var inList = ImmutableArray.Create(value, value);
        Assert.Equal(inList.ToArray(), JsonSerializer.Deserialize<ImmutableArray<T>>(JsonSerializer.Serialize(inList)).ToArray());
    }

    private static string[] SamplesOf(Type type)
    {
        if (Samples.TryGetValue(type, out var texts))
        {
            return texts;
        }
        var number = type.GetProperty("Value")?.PropertyType;
        return number == typeof(int) ? ["1", "17", int.MaxValue.ToString(CultureInfo.InvariantCulture)]
            : number == typeof(long) ? ["1", "17", long.MaxValue.ToString(CultureInfo.InvariantCulture)]
            : [];
    }

    private static bool IsWireable(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return IsWireable(inner);
        }
        if (type.IsGenericParameter || type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
            || type.Namespace == "NodaTime")
        {
            return true;
        }
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(ImmutableArray<>) || type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)))
        {
            return IsWireable(type.GetGenericArguments()[0]);
        }
        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        return type.GetCustomAttribute<JsonConverterAttribute>() is not null || Records.Contains(definition);
    }
}
