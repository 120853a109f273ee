using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Organisation;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Engine;
using GridGovernance.Testing;
using NodaTime;
using static GridGovernance.Tests.Scoring.Engine.EngineSamples;

namespace GridGovernance.Tests.Scoring.Engine;

/// <summary>The columnar ledger and the engine's pass over it: the same result as the entries themselves.</summary>
public sealed class AssessmentEntryColumnsTest
{
    private static RuleBook Book(params RuleItem[] items) => RuleBook.Create(new RuleBookDefinition
    {
        Id = "ledger-test",
        Name = "ledger test",
        Categories = [new ScoreCategory("c", "category")],
        Items = items,
    });

    private static RuleItem Item(string code, params RuleItemVersion[] versions) => new(code, "c", code, versions);

    private static string Both(RuleBook book, IReadOnlyList<AssessmentSubject> roster, AssessmentEntry[] entries, out string fromLedger)
    {
        fromLedger = AssessmentEngineProperties.Describe(AssessmentEngine.Assess(book, Year, roster, AssessmentEntryColumns.From(entries)));
        return AssessmentEngineProperties.Describe(AssessmentEngine.Assess(book, Year, roster, entries));
    }

    /// <summary>
    /// The generated scenarios plus what they lack: entries of members not on the roster, entries naming the items
    /// the engine computes itself, tiers out of range, and the entries in a shuffled order.
    /// </summary>
    private static AssessmentEntry[] Widened(ScoringScenario s, Choices random)
    {
        var entries = s.Entries.ToList();
        int extra = random.Next(0, 8);
        for (int k = 0; k < extra; k++)
        {
            var member = random.Next(3) == 0 ? new MemberId(1000 + random.Next(3)) : s.Roster[random.Next(s.Roster.Count)].Member;
            entries.Add(new AssessmentEntry(member, random.Next(s.RuleBook.Items.Length), Jan1.PlusDays(random.Next(-3, 368)), random.Next(5))
            {
                Value = Points.From(random.Next(-2, 9)),
                Tier = random.Next(4) switch { 0 => -1, 1 => 200, _ => random.Next(3) },
                AfterReminder = random.Next(2) == 0,
            });
        }
        return [.. entries.OrderBy(_ => random.Next())];
    }

    [Property(MaxTest = 400)]
    public Property LedgerAssessment_EqualsTheEntryAssessment() => Prop.ForAll(AssessmentEngineProperties.Scenarios(), Choices.Arbitrary(), (s, widen) =>
    {
        var entries = Widened(s, widen);
        return Both(s.RuleBook, s.Roster, entries, out string fromLedger) == fromLedger;
    });

    [Property(MaxTest = 200)]
    public Property Ledger_KeepsEveryEntry_GroupedByMember() => Prop.ForAll(AssessmentEngineProperties.Scenarios(), Choices.Arbitrary(), (s, widen) =>
    {
        var entries = Widened(s, widen);
        var ledger = AssessmentEntryColumns.From(entries);
        var all = ledger.ToArray();
        return ledger.Count == entries.Length
               && all.Select(e => e.Member.Value).SequenceEqual(entries.Select(e => e.Member.Value).Order())
               && ledger.Members.SequenceEqual(entries.Select(e => e.Member).Distinct().Order())
               && ledger.Members.All(m => ledger.EntriesOf(m).SequenceEqual(entries.Where(e => e.Member == m)));
    });

    [Property(MaxTest = 100)]
    public Property Builder_GivesWhatFromGives() => Prop.ForAll(AssessmentEngineProperties.Scenarios(), s =>
    {
        var builder = new AssessmentEntryColumns.Builder();
        foreach (var e in s.Entries)
        {
            builder.Add(in e);
        }
        return builder.Count == s.Entries.Length && builder.Build().ToArray().SequenceEqual(AssessmentEntryColumns.From(s.Entries).ToArray());
    });

    /// <summary>
    /// The builder keeps entries in chunks (1,024, then doubling to 65,536): lengths on and around every chunk boundary,
    /// members dense and sparse, and a Build in the middle after which the builder goes on collecting.
    /// </summary>
    [Property(MaxTest = 12)]
    public Property Builder_AcrossItsChunks_GivesWhatFromGives() => Prop.ForAll(
        Gen.Elements(0, 1, 1023, 1024, 1025, 3071, 3072, 3073, 65_535, 65_536 + 1024, 130_047, 130_048, 130_049, 200_000).ToArbitrary(),
        Gen.Elements(true, false).ToArbitrary(), Choices.Arbitrary(), (length, sparse, random) =>
    {
        var entries = new AssessmentEntry[length];
        for (int k = 0; k < length; k++)
        {
            int member = random.Next(1, 500) * (sparse ? 4_000_000 : 1);
            entries[k] = new AssessmentEntry(new MemberId(member), random.Next(40), Jan1.PlusDays(random.Next(366)), k)
            {
                Value = Points.From(random.Next(-3, 10)),
                Tier = random.Next(3),
                AfterReminder = random.Next(2) == 0,
            };
        }
        var builder = new AssessmentEntryColumns.Builder();
        int middle = length / 3;
        for (int k = 0; k < middle; k++)
        {
            builder.Add(in entries[k]);
        }
        bool firstPart = builder.Build().ToArray().SequenceEqual(AssessmentEntryColumns.From(entries.AsSpan(0, middle)).ToArray());
        for (int k = middle; k < length; k++)
        {
            builder.Add(in entries[k]);
        }
        var built = builder.Build();
        return (firstPart && builder.Count == length && built.Count == length
                && built.ToArray().SequenceEqual(AssessmentEntryColumns.From(entries).ToArray()))
            .Label($"{length} entries, sparse {sparse}");
    });

    [Fact]
    public void SparseMemberIds_AreGroupedToo()
    {
        var book = Book(Item("day", V(ItemKind.Fixed, 1)));
        var far = new MemberId(2_000_000_000);
        var roster = new[] { AliceSubject, new AssessmentSubject(far, MemberKind.LongResident, new OrgUnitId(10)) };
        var entries = new[] { E(far, 0, 1), E(Alice, 0, 2), E(far, 0, 3), E(new MemberId(1_000_000_000), 0, 4) };
        var ledger = AssessmentEntryColumns.From(entries);
        Assert.Equal([Alice, new MemberId(1_000_000_000), far], ledger.Members);
        Assert.Equal(Both(book, roster, entries, out string fromLedger), fromLedger);
        var result = AssessmentEngine.Assess(book, Year, roster, ledger);
        Assert.Equal(Points.From(2), result[far].Total);
        Assert.Equal(1, result.EntriesOfUnknownMembers);
    }

    [Fact]
    public void VersionsNotYetInForce_MidYearChanges_AndBadTiers_CountAsTheEntriesDo()
    {
        var july = new LocalDate(2024, 7, 1);
        var book = Book(
            Item("late-start", V(ItemKind.Fixed, 1, july)),
            Item("changed", V(ItemKind.Fixed, 1), V(ItemKind.Fixed, 3, july)),
            Item("petition", new RuleItemVersion
            {
                EffectiveFrom = Jan1, Kind = ItemKind.Tiered, DoubleAfterReminder = true,
                Tiers = [new("low", Points.From(-0.5m)), new("high", Points.From(-2))],
            }));
        var entries = new[]
        {
            E(Alice, 0, 10), E(Alice, 0, 200), E(Alice, 1, 10), E(Alice, 1, 200),
            E(Alice, 2, 5) with { Tier = 1, AfterReminder = true }, E(Alice, 2, 6) with { Tier = 2 }, E(Alice, 2, 7) with { Tier = -1 }, E(Alice, 2, 8) with { Tier = 500 },
        };
        Assert.Equal(Both(book, [AliceSubject], entries, out string fromLedger), fromLedger);
        var alice = AssessmentEngine.Assess(book, Year, [AliceSubject], AssessmentEntryColumns.From(entries))[Alice];
        Assert.Equal(Points.From(1 + 1 + 3 - 4), alice.Total);
        Assert.Equal(4, alice.IgnoredEntries); // before the first version, and three bad tiers
    }

    [Fact]
    public void ManyTiers_BeyondThePackedField_AreReadFromTheirColumn()
    {
        var tiers = Enumerable.Range(0, 200).Select(t => new PenaltyTier($"t{t}", Points.From(-(t + 1)))).ToArray();
        var book = Book(Item("tiered", new RuleItemVersion { EffectiveFrom = Jan1, Kind = ItemKind.Tiered, Tiers = tiers }));
        var entries = new[] { E(Alice, 0, 1) with { Tier = 5 }, E(Alice, 0, 2) with { Tier = 150 }, E(Alice, 0, 3) with { Tier = 199 }, E(Alice, 0, 4) with { Tier = 200 } };
        Assert.Equal(Both(book, [AliceSubject], entries, out string fromLedger), fromLedger);
        var alice = AssessmentEngine.Assess(book, Year, [AliceSubject], AssessmentEntryColumns.From(entries))[Alice];
        Assert.Equal(Points.From(-(6 + 151 + 200)), alice.Total);
        Assert.Equal(1, alice.IgnoredEntries);
    }

    [Fact]
    public void AnOverflowingTally_IsReportedAsTheEntryPassReportsIt()
    {
        var book = Book(Item("huge", V(ItemKind.Fixed, 1_000_000)));
        var entries = Enumerable.Range(0, 900).Select(d => E(Alice, 0, d % 366)).ToArray(); // 900 × 1M points is past what a tally holds
        var fromEntries = Assert.Throws<GridGovernanceException>(() => AssessmentEngine.Assess(book, Year, [AliceSubject], entries));
        var fromLedger = Assert.Throws<GridGovernanceException>(() => AssessmentEngine.Assess(book, Year, [AliceSubject], AssessmentEntryColumns.From(entries)));
        Assert.Equal(fromEntries.Message, fromLedger.Message);
        Assert.Equal((ErrorCodes.ArithmeticOverflow, ErrorCodes.ArithmeticOverflow), (fromEntries.Code, fromLedger.Code));
        Assert.IsType<OverflowException>(fromLedger.InnerException);
        Assert.Contains("huge", fromLedger.Message);
    }

    [Fact]
    public void LargeCountsAndTotals_AreKeptExactly()
    {
        // Results keep counts in a byte and points in an int where they fit; these do not.
        var book = Book(Item("daily", V(ItemKind.Fixed, 0.5m)), Item("huge", V(ItemKind.Fixed, 900_000)), Item("fine", V(ItemKind.Deduction, -800_000)));
        var entries = Enumerable.Range(0, 300).Select(d => E(Alice, 0, d)).Concat([E(Alice, 1, 1), E(Alice, 1, 2), E(Alice, 1, 3), E(Bob, 2, 1), E(Bob, 2, 2), E(Bob, 2, 3)]).ToArray();
        Assert.Equal(Both(book, [AliceSubject, BobSubject], entries, out string fromLedger), fromLedger);
        var result = AssessmentEngine.Assess(book, Year, [AliceSubject, BobSubject], AssessmentEntryColumns.From(entries));
        var alice = result[Alice];
        Assert.Equal([300, 3, 0], alice.ItemCounts.ToArray());
        Assert.Equal(300, alice.ItemCount(0));
        Assert.Equal(Points.From(150 + 2_700_000), alice.Total);
        Assert.Equal(Points.From(150 + 2_700_000), alice.CategoryTotal(0));
        Assert.Equal(Points.From(150 + 2_700_000), alice.Awarded);
        var bob = result[Bob];
        Assert.Equal(Points.From(-2_400_000), bob.Deducted);
        Assert.Equal(Points.From(-2_400_000), bob.Score);
        Assert.Equal(Points.From(-2_400_000), bob.CategoryTotals[0]);
    }

    [Fact]
    public void AnItemPositionTheRuleBookLacks_Throws_ButOnlyForMembersOnTheRosterInsideThePeriod()
    {
        var book = Book(Item("day", V(ItemKind.Fixed, 1)));
        var outsideOrUnknown = AssessmentEntryColumns.From([E(Alice, 5, -3), E(Bob, 5, 3)]);
        var result = AssessmentEngine.Assess(book, Year, [AliceSubject], outsideOrUnknown);
        Assert.Equal((1, 1), (result.EntriesOutsidePeriod, result.EntriesOfUnknownMembers));
        var exception = Assert.Throws<GridGovernanceValidationException>(() => AssessmentEngine.Assess(book, Year, [AliceSubject], AssessmentEntryColumns.From([E(Alice, 5, 3)])));
        Assert.Equal("ledger", exception.ParamName);
        Assert.Contains("item position 5", exception.Message);
    }

    [Fact]
    public void From_RefusesWhatItCannotHold_NamingTheEntry()
    {
        var negative = Assert.Throws<GridGovernanceValidationException>(() => AssessmentEntryColumns.From([E(Alice, 0, 1), E(Alice, -1, 1)]));
        Assert.Contains("Entry 1 names item position -1", negative.Message);
        var large = Assert.Throws<GridGovernanceValidationException>(() => AssessmentEntryColumns.From([E(Alice, AssessmentEntryColumns.MaxItemPosition + 1, 1)]));
        Assert.Contains("0 to 65535", large.Message);
        var noMember = Assert.Throws<GridGovernanceValidationException>(() => AssessmentEntryColumns.From([E(default, 0, 1)]));
        Assert.Contains("no member", noMember.Message);
        var julian = new AssessmentEntry(Alice, 0, new LocalDate(2024, 3, 1, CalendarSystem.Julian), 0);
        Assert.Contains("ISO", Assert.Throws<GridGovernanceValidationException>(() => AssessmentEntryColumns.From([julian])).Message);
    }

    [Fact]
    public void Builder_RefusesABadEntry_AndKeepsWhatItHad()
    {
        var builder = new AssessmentEntryColumns.Builder().Add(E(Alice, 0, 1));
        Assert.Throws<GridGovernanceValidationException>(() => builder.Add(E(Alice, -2, 1)));
        Assert.Equal(1, builder.Count);
        Assert.Equal([E(Alice, 0, 1)], builder.Build().ToArray());
    }

    [Fact]
    public void Roster_RefusesASubjectWithoutAMemberOrWithAnUndefinedKind_OnBothPaths()
    {
        var book = Book(Item("day", V(ItemKind.Fixed, 1)));
        AssessmentSubject[] noMember = [AliceSubject, new(default, MemberKind.LongResident, new OrgUnitId(10))];
        AssessmentSubject[] badKind = [AliceSubject, new(Bob, (MemberKind)256, new OrgUnitId(10))];
        foreach (var roster in new[] { noMember, badKind })
        {
            var fromEntries = Assert.Throws<GridGovernanceValidationException>(() => AssessmentEngine.Assess(book, Year, roster, [E(Alice, 0, 1)]));
            var fromLedger = Assert.Throws<GridGovernanceValidationException>(() => AssessmentEngine.Assess(book, Year, roster, AssessmentEntryColumns.From([E(Alice, 0, 1)])));
            Assert.Equal("roster", fromEntries.ParamName);
            Assert.Contains("roster[1]", fromLedger.Message);
        }
        var twice = Assert.Throws<GridGovernanceValidationException>(() => AssessmentEngine.Assess(book, Year, [AliceSubject, BobSubject, AliceSubject], AssessmentEntryColumns.Empty));
        Assert.Contains("on the roster twice", twice.Message);
    }

    [Fact]
    public void MemberKinds_RunFromZeroWithoutGaps_AsTheRosterCheckAssumes() =>
        Assert.Equal(Enumerable.Range(0, AssessmentRoster.KindCount), Enum.GetValues<MemberKind>().Select(k => (int)k));

    [Fact]
    public void ASubjectWithoutABranch_KeepsItInTheResult()
    {
        var book = Book(Item("day", V(ItemKind.Fixed, 1)));
        var alone = new AssessmentSubject(Alice, MemberKind.Mobile, default) { Multiplier = 1.5m };
        var result = AssessmentEngine.Assess(book, Year, [alone], AssessmentEntryColumns.From([E(Alice, 0, 1), E(Alice, 0, 2)]));
        Assert.Equal(alone, result[Alice].Subject);
        Assert.Equal(Points.From(3), result[Alice].Score);
    }

    [Fact]
    public void EmptyLedger_GivesTheRosterWithGrantsOnly()
    {
        var book = Book(Item("base", V(ItemKind.AutomaticGrant, 20)));
        var result = AssessmentEngine.Assess(book, Year, [AliceSubject, BobSubject], AssessmentEntryColumns.Empty);
        Assert.All(result.Members, m => Assert.Equal(Points.From(20), m.Total));
        Assert.Equal(0, AssessmentEntryColumns.Empty.Count);
        Assert.Empty(AssessmentEntryColumns.Empty.EntriesOf(Alice));
    }
}

/// <summary>The integer multiplier the engine applies to totals gives exactly what <see cref="Points.Multiply"/> gives.</summary>
public sealed class FactorProperties
{
    [Property(MaxTest = 2000)]
    public bool Factor_AgreesWithPointsMultiply(long units, int numerator, byte scale)
    {
        var factor = new decimal(Math.Abs(numerator % 100_000), 0, 0, numerator < 0, (byte)(scale % 8));
        return new Factor(factor).Apply(units) == Points.FromUnits(units).Multiply(factor).Units;
    }

    [Theory]
    [InlineData(15_000, "1.2", 18_000)]
    [InlineData(12_345, "1.4", 17_283)] // 17,283.0 exactly
    [InlineData(5, "0.5", 3)] // 2.5 rounds away from zero
    [InlineData(-5, "0.5", -3)]
    [InlineData(1, "1.05", 1)]
    [InlineData(long.MaxValue / 2, "1.2", 0)] // too large for the integer path: the decimal path (checked below)
    public void Factor_RoundsHalfAwayFromZero(long units, string factorText, long expected)
    {
        var factor = decimal.Parse(factorText, System.Globalization.CultureInfo.InvariantCulture);
        long applied = new Factor(factor).Apply(units);
        Assert.Equal(Points.FromUnits(units).Multiply(factor).Units, applied);
        if (expected != 0)
        {
            Assert.Equal(expected, applied);
        }
    }
}

/// <summary>The compact result columns give back exactly what was written, small values and escapes alike.</summary>
public sealed class ResultColumnsProperties
{
    private static readonly long[] Interesting = [0, 1, 99, 100, -100, 3_276_700, 3_276_800, -3_276_700, -3_276_800, 12_345, long.MaxValue / 4, long.MinValue / 4, 37_035];

    [Property(Arbitrary = [typeof(SeededArbitraries)], MaxTest = 300)]
    public bool WhatIsWritten_IsReadBack(Choices random)
    {
        int rows = random.Next(1, 6), items = random.Next(1, 9), categories = random.Next(1, 5);
        var roster = Enumerable.Range(1, rows).Select(i => new AssessmentSubject(new MemberId(i), MemberKind.LongResident, new OrgUnitId(1))).ToArray();
        var columns = new ResultColumns(AssessmentRoster.Create(roster), items, categories);
        long Value() => random.Next(3) == 0 ? Interesting[random.Next(Interesting.Length)] : random.Next(-400, 400) * (random.Next(2) == 0 ? 100L : 1L);
        var counts = new int[rows][];
        var totals = new long[rows, categories];
        var scalars = new (long, long, long, long, bool, int)[rows];
        for (int r = 0; r < rows; r++)
        {
            counts[r] = [.. Enumerable.Range(0, items).Select(_ => random.Next(4) == 0 ? random.Next(0, 100_000) : random.Next(0, 16))];
            columns.SetCounts(r, counts[r]);
            for (int c = 0; c < categories; c++)
            {
                columns.SetTotal(r, c, totals[r, c] = Value());
            }
            scalars[r] = (Value(), Value(), Value(), Value(), random.Next(2) == 0, random.Next(4) == 0 ? random.Next() : random.Next(0, 300));
            var (a, d, cl, sc, v, ig) = scalars[r];
            columns.SetScalars(r, a, d, cl, sc, v, ig);
        }
        for (int r = 0; r < rows; r++)
        {
            var (a, d, cl, sc, v, ig) = scalars[r];
            if (!columns.CountsOf(r).SequenceEqual(counts[r]) || columns.Awarded(r).Units != a || columns.Deducted(r).Units != d
                || columns.Clipped(r).Units != cl || columns.Score(r).Units != sc || columns.Vetoed(r) != v || columns.Ignored(r) != ig)
            {
                return false;
            }
            for (int c = 0; c < categories; c++)
            {
                if (columns.Total(r, c).Units != totals[r, c])
                {
                    return false;
                }
            }
        }
        return true;
    }
}
