using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Rankings;
using GridGovernance.Scoring.WhatIf;
using GridGovernance.Testing;
using GridGovernance.Tests.Scoring.Engine;

namespace GridGovernance.Tests.Scoring.WhatIf;

/// <summary>
/// What-if over <see cref="ScoringGenerator.Small"/> scenarios (every item kind, cap mode and version change) against
/// revisions made by <see cref="RuleBookRevisions.Revise"/>, with and without the items in another order.
/// </summary>
public sealed class RuleBookComparisonProperties
{
    private static readonly BottomLineRules Floor = new() { Floor = Points.From(1) };

    [Property(MaxTest = 200)]
    public Property ABookAgainstItself_ChangesNobody() => Prop.ForAll(AssessmentEngineProperties.Scenarios(), s =>
    {
        var comparison = RuleBookComparison.Compare(s.RuleBook, s.RuleBook, s.Period, s.Roster, s.Entries, Floor);
        return comparison.Changes.IsEmpty
            && comparison.MembersUp == 0 && comparison.MembersDown == 0 && comparison.MembersUnchanged == s.Roster.Count
            && comparison.RankUp == 0 && comparison.RankDown == 0 && comparison.CrossingsInto == 0 && comparison.CrossingsOutOf == 0
            && comparison.StarsBefore == comparison.StarsAfter
            && comparison.Categories.All(c => c.ShareShift == 0 && c.TotalBefore == c.TotalAfter)
            && comparison.StarDistribution.All(d => d.Shift == 0);
    });

    [Property(MaxTest = 200)]
    public Property WhatIf_IsAntisymmetric() => Prop.ForAll(AssessmentEngineProperties.Scenarios(), Gen.Choose(0, 10_000).ToArbitrary(), (s, seed) =>
    {
        var proposed = RuleBookRevisions.Revise(s.RuleBook, seed, reorderItems: seed % 2 == 0);
        var forward = RuleBookComparison.Compare(s.RuleBook, proposed, s.Period, s.Roster, s.Entries, Floor);
        var backward = RuleBookComparison.Compare(proposed, s.RuleBook, s.Period, s.Roster, CarryOver(s.Entries, s.RuleBook, proposed), Floor);
        return IsNegationOf(forward, backward);
    });

    [Property(MaxTest = 100)]
    public Property TheLedger_GivesWhatTheEntriesGive() => Prop.ForAll(AssessmentEngineProperties.Scenarios(), Gen.Choose(0, 10_000).ToArbitrary(), (s, seed) =>
    {
        var proposed = RuleBookRevisions.Revise(s.RuleBook, seed, reorderItems: seed % 2 == 0);
        var entries = RuleBookComparison.Compare(s.RuleBook, proposed, s.Period, s.Roster, s.Entries, Floor);
        var ledger = RuleBookComparison.Compare(s.RuleBook, proposed, s.Period, s.Roster, AssessmentEntryColumns.From(s.Entries), Floor);
        return entries.Members.SequenceEqual(ledger.Members) && entries.Categories.SequenceEqual(ledger.Categories)
            && entries.StarDistribution.SequenceEqual(ledger.StarDistribution) && entries.EntriesOfDroppedItems == ledger.EntriesOfDroppedItems;
    });

    [Property(MaxTest = 100)]
    public Property WhatIf_IsIndependentOfOrder() => Prop.ForAll(AssessmentEngineProperties.Scenarios(), Choices.Arbitrary(), (s, order) =>
    {
        var proposed = RuleBookRevisions.Revise(s.RuleBook, 7, reorderItems: true);
        var first = RuleBookComparison.Compare(s.RuleBook, proposed, s.Period, s.Roster, s.Entries, Floor);
        var second = RuleBookComparison.Compare(s.RuleBook, proposed, s.Period, s.Roster.OrderBy(_ => order.Next()).ToArray(), s.Entries.OrderBy(_ => order.Next()).ToArray(), Floor);
        return first.Members.SequenceEqual(second.Members) && first.Categories.SequenceEqual(second.Categories);
    });

    /// <summary>A city-like roster (hundreds of members, the Laiwu-style book) so ranks and stars really move.</summary>
    [Property(MaxTest = 10)]
    public Property WhatIf_IsAntisymmetric_OnALaiwuLedger() => Prop.ForAll(Gen.Choose(0, 10_000).ToArbitrary(), seed =>
    {
        var book = ScoringGenerator.Laiwu(2024);
        var period = AssessmentPeriod.Year(2024);
        var roster = ScoringGenerator.Roster(300, 30, seed);
        var entries = ScoringGenerator.Ledger(book, period, roster, 15_000, seed);
        var proposed = RuleBookRevisions.Revise(book, seed, reorderItems: seed % 2 == 0);
        var rules = new BottomLineRules { Floor = Points.From(60), NegativeListItems = ["violation"] };
        var forward = RuleBookComparison.Compare(book, proposed, period, roster, AssessmentEntryColumns.From(entries), rules);
        var backward = RuleBookComparison.Compare(proposed, book, period, roster, CarryOver(entries, book, proposed), rules);
        return (IsNegationOf(forward, backward) && forward.Changes.Length > 0).Label($"changes {forward.Changes.Length}");
    });

    /// <summary>The entries of <paramref name="from"/> named by the positions of <paramref name="to"/> (which has every item and tier code).</summary>
    internal static AssessmentEntry[] CarryOver(AssessmentEntry[] entries, RuleBook from, RuleBook to) =>
        [.. entries.Select(e =>
        {
            int item = to.IndexOfItem(from.Items[e.ItemIndex].Code);
            var tiers = from.VersionOn(e.ItemIndex, e.OccurredOn)?.Tiers ?? [];
            int tier = e.Tier;
            if ((uint)tier < (uint)tiers.Count)
            {
                var code = tiers[tier].Code;
                tier = (to.VersionOn(item, e.OccurredOn)?.Tiers ?? []).Select((t, i) => (t, i)).Single(x => x.t.Code == code).i;
            }
            return e with { ItemIndex = item, Tier = tier };
        })];

    private static bool IsNegationOf(RuleBookComparison forward, RuleBookComparison backward)
    {
        if (forward.Members.Length != backward.Members.Length)
        {
            return false;
        }
        for (int i = 0; i < forward.Members.Length; i++)
        {
            var f = forward.Members[i];
            var b = backward.Members[i];
            if (f.Member != b.Member || f.ScoreDelta != -b.ScoreDelta || f.RankMove != -b.RankMove || f.StarDelta != -b.StarDelta
                || f.FlagsBefore != b.FlagsAfter || f.FlagsAfter != b.FlagsBefore || f.IsChanged != b.IsChanged
                || f.Crossing != b.Crossing switch { BottomLineCrossing.Into => BottomLineCrossing.OutOf, BottomLineCrossing.OutOf => BottomLineCrossing.Into, _ => BottomLineCrossing.None })
            {
                return false;
            }
        }
        var backwardShares = backward.Categories.ToDictionary(c => c.Code);
        return forward.Changes.Select(c => c.Member).SequenceEqual(backward.Changes.Select(c => c.Member))
            && forward.MembersUp == backward.MembersDown && forward.MembersDown == backward.MembersUp
            && forward.RankUp == backward.RankDown && forward.MembersGainingStars == backward.MembersLosingStars
            && forward.StarsBefore == backward.StarsAfter && forward.CrossingsInto == backward.CrossingsOutOf && forward.CrossingsOutOf == backward.CrossingsInto
            && forward.Categories.Length == backward.Categories.Length
            && forward.Categories.All(c => backwardShares[c.Code].ShareShift == -c.ShareShift && backwardShares[c.Code].TotalBefore == c.TotalAfter)
            && forward.StarDistribution.SequenceEqual(backward.StarDistribution.Select(d => new StarCountShift(d.Stars, d.MembersAfter, d.MembersBefore)));
    }
}
