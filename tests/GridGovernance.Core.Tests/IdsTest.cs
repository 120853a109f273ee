using System.Globalization;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using GridGovernance.Claims;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Rewards;
using GridGovernance.Scoring.Units;
using GridGovernance.WorkOrders;

namespace GridGovernance.Tests;

/// <summary>
/// The ids are generated from one template (GridGovernance.Generators); this pins, id by id, the behaviour the
/// hand-written ids had: the range check, equality, ordering and the <c>prefix:number</c> text.
/// </summary>
public sealed class IdsTest
{
    private static readonly Dictionary<string, IdKind> Kinds = new IdKind[]
    {
        new Kind<MemberId, int>("member", v => new(v), id => id.Value),
        new Kind<OrgUnitId, int>("unit", v => new(v), id => id.Value),
        new Kind<HouseholdId, int>("household", v => new(v), id => id.Value),
        new Kind<StationedUnitId, int>("stationed-unit", v => new(v), id => id.Value),
        new Kind<LedgerEntryId, long>("ledger", v => new(v), id => id.Value),
        new Kind<UnitLedgerEntryId, long>("unit-ledger", v => new(v), id => id.Value),
        new Kind<RewardItemId, int>("reward", v => new(v), id => id.Value),
        new Kind<WorkOrderId, int>("workorder", v => new(v), id => id.Value),
        new Kind<ProjectId, int>("project", v => new(v), id => id.Value),
        new Kind<NeedId, int>("need", v => new(v), id => id.Value),
        new Kind<WishId, int>("wish", v => new(v), id => id.Value),
        new Kind<AreaId, int>("area", v => new(v), id => id.Value),
    }.ToDictionary(k => k.Name);

    public static TheoryData<string> Names => new(Kinds.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Table_CoversEveryGeneratedId()
    {
        // A new id must join the table, or its behaviour goes unchecked.
        var generated = typeof(MemberId).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.IsValueType && t.Name.EndsWith("Id", StringComparison.Ordinal) && t.GetProperty("IsSpecified") is not null && t.GetConstructors().Any(c => c.GetParameters() is [{ ParameterType: var p }] && (p == typeof(int) || p == typeof(long))))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal);
        Assert.Equal(generated, Kinds.Values.Select(k => k.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void PositiveNumbers_MakeIdsThatCompareAndPrintByTheirNumber(string name) => Kinds[name].CheckValid();

    [Theory]
    [MemberData(nameof(Names))]
    public void ZeroAndNegativeNumbers_AreRefused(string name) => Kinds[name].CheckRefused();

    [Theory]
    [MemberData(nameof(Names))]
    public void Default_IsTheUnspecifiedIdZero(string name) => Kinds[name].CheckDefault();

    [Theory]
    [MemberData(nameof(Names))]
    public void NonGenericCompareTo_OrdersNullFirstAndRefusesOtherTypes(string name) => Kinds[name].CheckNonGenericCompare();

    [Theory]
    [MemberData(nameof(Names))]
    public void Text_RoundTrips_WithOrWithoutThePrefix(string name) => Kinds[name].CheckText();

    [Theory]
    [MemberData(nameof(Names))]
    public void Text_ThatIsNotAPositiveId_IsRefused(string name) => Kinds[name].CheckBadText();

    [Theory]
    [MemberData(nameof(Names))]
    public void Json_RoundTrips_AsANumber_AndAsADictionaryKey(string name) => Kinds[name].CheckJson();

    [Theory]
    [MemberData(nameof(Names))]
    public void Json_ThatIsNotAPositiveId_IsAJsonException(string name) => Kinds[name].CheckBadJson();

    private abstract class IdKind
    {
        public abstract string Name { get; }

        public abstract void CheckValid();

        public abstract void CheckRefused();

        public abstract void CheckDefault();

        public abstract void CheckNonGenericCompare();

        public abstract void CheckText();

        public abstract void CheckBadText();

        public abstract void CheckJson();

        public abstract void CheckBadJson();
    }

    private sealed class Kind<TId, TValue>(string prefix, Func<TValue, TId> create, Func<TId, TValue> value) : IdKind
        where TId : struct, IEquatable<TId>, IComparable<TId>, IComparable, ISpanFormattable, ISpanParsable<TId>
        where TValue : struct, IBinaryInteger<TValue>, IMinMaxValue<TValue>
    {
        // The ids' operators are not reachable through a generic constraint without widening their public API.
        private static readonly Func<TId, TId, bool> Less = Operator("op_LessThan");
        private static readonly Func<TId, TId, bool> Greater = Operator("op_GreaterThan");
        private static readonly Func<TId, TId, bool> Equal = Operator("op_Equality");
        private static readonly Func<TId, TId, bool> NotEqual = Operator("op_Inequality");

        public override string Name => typeof(TId).Name;

        private static Arbitrary<TValue> Positive =>
            Gen.Frequency(
                    (1, Gen.Elements(TValue.One, TValue.One + TValue.One, TValue.MaxValue, TValue.MaxValue - TValue.One)),
                    (4, ArbMap.Default.GeneratorFor<long>().Select(n => TValue.CreateSaturating(long.Max(1, n == long.MinValue ? long.MaxValue : Math.Abs(n))))))
                .ToArbitrary();

        private static Arbitrary<TValue> NotPositive =>
            Gen.Frequency(
                    (1, Gen.Elements(TValue.Zero, -TValue.One, TValue.MinValue)),
                    (4, ArbMap.Default.GeneratorFor<long>().Select(n => TValue.CreateSaturating(long.Min(0, n == long.MinValue ? n : -Math.Abs(n))))))
                .ToArbitrary();

        public override void CheckValid() =>
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Positive, Positive, (a, b) =>
            {
                TId x = create(a), y = create(b), again = create(a);
                var order = Math.Sign(a.CompareTo(b));
                return value(x) == a
                    && Is(x)
                    && x.ToString() == prefix + ":" + a.ToString(null, CultureInfo.InvariantCulture)
                    && x.Equals(again) && Equal(x, again) && x.GetHashCode() == again.GetHashCode()
                    && x.Equals(y) == (a == b) && Equal(x, y) == (a == b) && NotEqual(x, y) == (a != b)
                    && Math.Sign(x.CompareTo(y)) == order && Math.Sign(((IComparable)x).CompareTo(y)) == order
                    && Less(x, y) == (a < b) && Greater(x, y) == (a > b);
            }));

        public override void CheckRefused() =>
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(100), Prop.ForAll(NotPositive, n =>
            {
                var e = Assert.Throws<GridGovernanceValidationException>(() => create(n));
                var max = TValue.MaxValue.ToString(null, CultureInfo.InvariantCulture);
                var number = n.ToString(null, CultureInfo.InvariantCulture);
                var problem = Assert.Single(e.Problems);
                return problem.Field == "value" && e.Code == ErrorCodes.OutOfRange
                    && problem.Message == $"value must be between 1 and {max} inclusive; it was {number}.";
            }));

        public override void CheckDefault()
        {
            var none = default(TId);
            Assert.Equal(TValue.Zero, value(none));
            Assert.False(Is(none));
            Assert.Equal(prefix + ":0", none.ToString());
            Assert.True(Less(none, create(TValue.One)));
        }

        public override void CheckNonGenericCompare()
        {
            IComparable id = create(TValue.One);
            Assert.Equal(1, id.CompareTo(null));
            Assert.Equal(0, id.CompareTo(create(TValue.One)));
            var e = Assert.Throws<ArgumentException>(() => id.CompareTo(1)); // IComparable's convention: another type is an ArgumentException
            Assert.Equal("obj", e.ParamName);
            Assert.StartsWith($"Cannot compare a {typeof(TId).Name} with a Int32.", e.Message, StringComparison.Ordinal);
        }

        public override void CheckText() =>
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(Positive, a =>
            {
                var id = create(a);
                var number = a.ToString(null, CultureInfo.InvariantCulture);
                Span<char> buffer = stackalloc char[64];
                Span<char> tooSmall = stackalloc char[number.Length - 1];
                bool fits = id.TryFormat(buffer, out int written, default, null);
                bool fitsNumber = id.TryFormat(buffer[written..], out int writtenNumber, "N", null);
                return id.ToString(null, null) == prefix + ":" + number
                    && id.ToString("G", CultureInfo.GetCultureInfo("ar-SA")) == prefix + ":" + number
                    && id.ToString("N", null) == number
                    && fits && buffer[..written].SequenceEqual(prefix + ":" + number)
                    && fitsNumber && buffer.Slice(written, writtenNumber).SequenceEqual(number)
                    && !id.TryFormat(tooSmall, out _, "N", null)
                    && !id.TryFormat(buffer[..prefix.Length], out _, default, null)
                    && TId.Parse(prefix + ":" + number, null).Equals(id)
                    && TId.Parse(number.AsSpan(), CultureInfo.InvariantCulture).Equals(id)
                    && TId.TryParse(id.ToString(), null, out var back) && back.Equals(id);
            }));

        public override void CheckBadText()
        {
            foreach (var text in new[] { "", " ", "0", "-1", prefix + ":0", prefix + ":", prefix, "+1", " 1", "1 ", "1.0", "0x1", "other:1", prefix + ":" + prefix + ":1", "99999999999999999999", "١" })
            {
                Assert.False(TId.TryParse(text, null, out var none), $"'{text}' was read as {none}.");
                Assert.Equal(default, none);
                var e = Assert.Throws<FormatException>(() => TId.Parse(text, null));
                Assert.Contains(typeof(TId).Name, e.Message, StringComparison.Ordinal);
            }
            Assert.False(TId.TryParse((string?)null, null, out _));
            Assert.Throws<ArgumentNullException>(() => ParseText<TId>(null!));
            Assert.Throws<FormatException>(() => create(TValue.One).ToString("X", null));
        }

        public override void CheckJson() =>
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(100), Prop.ForAll(Positive, a =>
            {
                var id = create(a);
                var number = a.ToString(null, CultureInfo.InvariantCulture);
                var json = System.Text.Json.JsonSerializer.Serialize(id);
                var keyed = System.Text.Json.JsonSerializer.Serialize(new Dictionary<TId, int> { [id] = 1 });
                return json == number
                    && System.Text.Json.JsonSerializer.Deserialize<TId>(json).Equals(id)
                    && System.Text.Json.JsonSerializer.Deserialize<TId>("\"" + number + "\"").Equals(id)
                    && System.Text.Json.JsonSerializer.Deserialize<TId>("\"" + prefix + ":" + number + "\"").Equals(id)
                    && keyed == "{\"" + number + "\":1}"
                    && System.Text.Json.JsonSerializer.Deserialize<Dictionary<TId, int>>(keyed)!.Single().Key.Equals(id)
                    && System.Text.Json.JsonSerializer.Deserialize<TId?>("null") is null;
            }));

        public override void CheckBadJson()
        {
            foreach (var json in new[] { "0", "-3", "1.5", "\"\"", "\"0\"", "\"x\"", "true", "{\"value\":3}", "[1]", "1e3" })
            {
                Assert.Throws<System.Text.Json.JsonException>(() => System.Text.Json.JsonSerializer.Deserialize<TId>(json));
            }
        }

        // Through IParsable<T> itself: with a string argument the compiler may pick the span overload.
        private static T ParseText<T>(string text)
            where T : IParsable<T> => T.Parse(text, null);

        private static bool Is(TId id) => (bool)typeof(TId).GetProperty("IsSpecified")!.GetValue(id)!;

        private static Func<TId, TId, bool> Operator(string name) =>
            typeof(TId).GetMethod(name, [typeof(TId), typeof(TId)])!.CreateDelegate<Func<TId, TId, bool>>();
    }
}
