using GridGovernance.Organisation;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Signals;
using NodaTime;

namespace GridGovernance.Testing;

/// <summary>
/// Generates ledgers for the gaming signals (防刷分) from a seed: clean ledgers, and one generator per pattern that
/// injects that gaming for a number of members (or reviewers) on top of a clean ledger.
/// </summary>
/// <remarks>
/// <para>
/// A clean ledger: the Laiwu-style rule book of <see cref="ScoringGenerator.Laiwu"/> over 2024; branches of eight members
/// (ids 1…n, member i in branch 1 + (i − 1) mod b); the branch's secretary (its lowest id) reviews its members'
/// declarations, the secretary of the first branch of every ten (the community's) reviews the secretaries', and a
/// top-level reviewer (id n + 1, in a branch of their own, declaring nothing) reviews the community secretaries'. Each member
/// has from half to one and a half times <c>entriesPerMember</c> entries on days spread evenly over the year; 80 % are
/// declarations, which each reviewer approves at their own rate between 78 % and 92 % (the rest recorded by the system);
/// 70 % of the declarations carry evidence with a key of their own. One member in twenty is an honest heavy user who
/// declares 21 to 30 occurrences of one capped item (past the cap, not just under it).
/// </para>
/// <para>The same arguments give the same ledger.</para>
/// </remarks>
public static class PointsSignalsGenerator
{
    private const int BranchSize = 8;
    private const int BranchesPerCommunity = 10;

    /// <summary>A clean ledger: no gaming injected.</summary>
    /// <param name="members">How many members (at least 16).</param>
    /// <param name="seed">The seed.</param>
    /// <param name="entriesPerMember">The mean entries of a member over the year.</param>
    public static SignalScenario Clean(int members, int seed = 1, int entriesPerMember = 60) => new Builder(members, seed, entriesPerMember).Scenario(null, []);

    /// <summary>临界封顶: each injected member brings five capped items to between 85 % and 95 % of their cap (17 to 19 of 20), by approved entries.</summary>
    /// <param name="members">How many members (at least 16).</param>
    /// <param name="injected">How many members game it (at most a tenth of the members).</param>
    /// <param name="seed">The seed.</param>
    /// <param name="entriesPerMember">The mean entries of a member over the year.</param>
    public static SignalScenario JustUnderCap(int members, int injected, int seed = 1, int entriesPerMember = 60)
    {
        var b = new Builder(members, seed, entriesPerMember);
        var chosen = b.Pick(injected, secretaries: false);
        var capped = Enumerable.Range(1, b.Book.Items.Length - 1)
            .Where(i => b.Book.Items[i].Versions is [{ Kind: ItemKind.Fixed, Cap: not null }]).ToArray();
        foreach (var row in chosen)
        {
            foreach (int item in capped.OrderBy(_ => b.Random.Next()).Take(5))
            {
                var version = b.Book.Items[item].Versions[0];
                long target = version.Cap!.Limit.Units * b.Random.Next(85, 96) / 100;
                long have = b.CountedTotal(row, item);
                for (long units = have; units + version.Points.Units <= target; units += version.Points.Units)
                {
                    b.Declare(row, item, b.Day(), approve: true);
                }
            }
        }
        return b.Scenario(SignalPattern.JustUnderCap, chosen);
    }

    /// <summary>期末突击: each injected member adds as many entries again as they had, all in the last fourteen days of the year.</summary>
    /// <param name="members">How many members (at least 16).</param>
    /// <param name="injected">How many members game it (at most a tenth of the members).</param>
    /// <param name="seed">The seed.</param>
    /// <param name="entriesPerMember">The mean entries of a member over the year.</param>
    public static SignalScenario EndOfPeriodBurst(int members, int injected, int seed = 1, int entriesPerMember = 60)
    {
        var b = new Builder(members, seed, entriesPerMember);
        var chosen = b.Pick(injected, secretaries: false);
        foreach (var row in chosen)
        {
            int extra = b.EntriesOf(row);
            for (int k = 0; k < extra; k++)
            {
                b.Declare(row, b.AnyItem(), b.Period.End.PlusDays(-b.Random.Next(14)), approve: null);
            }
        }
        return b.Scenario(SignalPattern.EndOfPeriodBurst, chosen);
    }

    /// <summary>本支部放水: each injected branch secretary approves every declaration of their own branch.</summary>
    /// <param name="members">How many members (at least 16).</param>
    /// <param name="injected">How many secretaries game it (at most a tenth of the branches).</param>
    /// <param name="seed">The seed.</param>
    /// <param name="entriesPerMember">The mean entries of a member over the year.</param>
    public static SignalScenario OwnBranchApprovals(int members, int injected, int seed = 1, int entriesPerMember = 60)
    {
        var b = new Builder(members, seed, entriesPerMember);
        var chosen = b.Pick(injected, secretaries: true);
        b.ApproveAllOf(chosen);
        return b.Scenario(SignalPattern.OwnBranchApprovals, chosen);
    }

    /// <summary>互批互审: injected secretaries in pairs (of different branches) each declare four more entries that the other approves.</summary>
    /// <param name="members">How many members (at least 16).</param>
    /// <param name="injected">How many secretaries game it (rounded down to an even number; at most a tenth of the branches).</param>
    /// <param name="seed">The seed.</param>
    /// <param name="entriesPerMember">The mean entries of a member over the year.</param>
    public static SignalScenario ReciprocalApprovals(int members, int injected, int seed = 1, int entriesPerMember = 60)
    {
        var b = new Builder(members, seed, entriesPerMember);
        var chosen = b.Pick(injected / 2 * 2, secretaries: true);
        for (int p = 0; p + 1 < chosen.Count; p += 2)
        {
            for (int k = 0; k < 4; k++)
            {
                b.DeclareReviewedBy(chosen[p], chosen[p + 1]);
                b.DeclareReviewedBy(chosen[p + 1], chosen[p]);
            }
        }
        return b.Scenario(SignalPattern.ReciprocalApprovals, chosen);
    }

    /// <summary>重复举证: each injected member declares two of their earlier entries again, with the same evidence, on another day.</summary>
    /// <param name="members">How many members (at least 16).</param>
    /// <param name="injected">How many members game it (at most a tenth of the members).</param>
    /// <param name="seed">The seed.</param>
    /// <param name="entriesPerMember">The mean entries of a member over the year.</param>
    public static SignalScenario DuplicateEvidence(int members, int injected, int seed = 1, int entriesPerMember = 60)
    {
        var b = new Builder(members, seed, entriesPerMember);
        var chosen = b.Pick(injected, secretaries: false);
        foreach (var row in chosen)
        {
            b.Redeclare(row, 2);
        }
        return b.Scenario(SignalPattern.DuplicateEvidence, chosen);
    }

    /// <summary>The clean ledger being built, and what the injections need of it.</summary>
    private sealed class Builder
    {
        private readonly List<SignalEntry> entries;
        private readonly IReadOnlyList<AssessmentSubject> roster;
        private readonly int members;
        private readonly int branches;
        private readonly double[] approvalRate;
        private readonly int[] declarable;
        private readonly int[] weights;
        private readonly int days;

        internal Builder(int members, int seed, int entriesPerMember)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(members, 16);
            ArgumentOutOfRangeException.ThrowIfLessThan(entriesPerMember, 1);
            this.members = members;
            Random = new Random(seed);
            Book = ScoringGenerator.Laiwu(2024);
            Period = AssessmentPeriod.Year(2024);
            branches = Math.Max(2, members / BranchSize);
            var people = ScoringGenerator.Roster(members, branches, seed).ToList();
            people.Add(new AssessmentSubject(new MemberId(members + 1), MemberKind.InService, new OrgUnitId(branches + 1)));
            roster = people;
            days = NodaTime.Period.DaysBetween(Period.Start, Period.End) + 1;
            approvalRate = Enumerable.Range(0, members + 1).Select(_ => 0.78 + 0.14 * Random.NextDouble()).ToArray();
            declarable = [.. Enumerable.Range(0, Book.Items.Length).Where(i => Book.Items[i].Versions[0].Kind is not (ItemKind.AutomaticGrant or ItemKind.Threshold))];
            weights = [.. declarable.Select(i => Book.Items[i].Versions[0].Kind switch { ItemKind.Veto => 1, ItemKind.Deduction or ItemKind.Tiered => 20, _ => 100 })];
            entries = new List<SignalEntry>(members * entriesPerMember + members);
            var heavyItems = Enumerable.Range(1, Book.Items.Length - 1).Where(i => Book.Items[i].Versions is [{ Kind: ItemKind.Fixed, Cap: not null }]).ToArray();
            for (int row = 0; row < members; row++)
            {
                int count = Random.Next(entriesPerMember / 2, entriesPerMember * 3 / 2 + 1);
                for (int k = 0; k < count; k++)
                {
                    Add(row, AnyItem(), Day(), Random.Next(10) < 8);
                }
                if (Random.Next(20) == 0)
                {
                    int item = heavyItems[Random.Next(heavyItems.Length)];
                    int heavy = Random.Next(21, 31);
                    for (int k = 0; k < heavy; k++)
                    {
                        Add(row, item, Day(), declared: true);
                    }
                }
            }
        }

        internal Random Random { get; }

        internal RuleBook Book { get; }

        internal AssessmentPeriod Period { get; }

        internal LocalDate Day() => Period.Start.PlusDays(Random.Next(days));

        internal int AnyItem()
        {
            int pick = Random.Next(weights.Sum());
            int d = 0;
            while (pick >= weights[d])
            {
                pick -= weights[d++];
            }
            return declarable[d];
        }

        /// <summary>Distinct rows: members that are not reviewers, or branch secretaries that are not community secretaries.</summary>
        internal List<int> Pick(int count, bool secretaries)
        {
            var candidates = Enumerable.Range(0, members).Where(row => secretaries ? IsSecretary(row) && !IsCommunitySecretary(row) : !IsSecretary(row)).ToList();
            ArgumentOutOfRangeException.ThrowIfGreaterThan(count, candidates.Count / 10 + 1, nameof(count));
            return [.. candidates.OrderBy(_ => Random.Next()).Take(count).Order()];
        }

        internal int EntriesOf(int row) => entries.Count(e => e.Member.Value == row + 1);

        internal long CountedTotal(int row, int item) =>
            entries.Where(e => e.Member.Value == row + 1 && e.ItemIndex == item && e.Review != SignalReview.Rejected).Sum(e => e.Points.Units);

        /// <summary>A declaration reviewed by the member's usual reviewer: approved, or (null) at the reviewer's rate.</summary>
        internal void Declare(int row, int item, LocalDate day, bool? approve) => Add(row, item, day, declared: true, approve);

        internal void DeclareReviewedBy(int row, int reviewer)
        {
            int item = AnyAward();
            entries.Add(new SignalEntry(new MemberId(row + 1), item, Day(), PointsOf(item, Day()))
            {
                Reviewer = new MemberId(reviewer + 1),
                Review = SignalReview.Approved,
                EvidenceKey = Key(),
            });
        }

        internal void ApproveAllOf(IReadOnlyCollection<int> reviewers)
        {
            var ids = reviewers.Select(r => r + 1).ToHashSet();
            for (int k = 0; k < entries.Count; k++)
            {
                var e = entries[k];
                if (e.Review == SignalReview.Rejected && ids.Contains(e.Reviewer.Value))
                {
                    entries[k] = e with { Review = SignalReview.Approved };
                }
            }
        }

        internal void Redeclare(int row, int times)
        {
            var own = entries.Where(e => e.Member.Value == row + 1 && e.EvidenceKey != 0).Take(times).ToList();
            while (own.Count < times)
            {
                Add(row, AnyAward(), Day(), declared: true, approve: true);
                own.Add(entries[^1] with { EvidenceKey = entries[^1].EvidenceKey == 0 ? Key() : entries[^1].EvidenceKey });
                entries[^1] = own[^1];
            }
            foreach (var e in own)
            {
                entries.Add(e with { OccurredOn = Day(), Review = SignalReview.Approved });
            }
        }

        internal SignalScenario Scenario(SignalPattern? pattern, IEnumerable<int> injected) =>
            new(Book, Period, roster, [.. entries], pattern, injected.Select(r => new MemberId(r + 1)).ToHashSet());

        private int AnyAward()
        {
            int item;
            do
            {
                item = AnyItem();
            }
            while (Book.Items[item].Versions[0].Kind != ItemKind.Fixed);
            return item;
        }

        private int Branch(int row) => row % branches; // ScoringGenerator.Roster: member i in branch 1 + (i − 1) mod b

        private bool IsSecretary(int row) => row < branches;

        private bool IsCommunitySecretary(int row) => IsSecretary(row) && Branch(row) % BranchesPerCommunity == 0;

        /// <summary>The row of the member's reviewer: their branch secretary, the community secretary, or the top-level reviewer.</summary>
        private int ReviewerOf(int row)
        {
            if (!IsSecretary(row))
            {
                return Branch(row);
            }
            return IsCommunitySecretary(row) ? members : Branch(row) / BranchesPerCommunity * BranchesPerCommunity;
        }

        private void Add(int row, int item, LocalDate day, bool declared, bool? approve = null)
        {
            var review = SignalReview.NotReviewed;
            int reviewer = -1;
            if (declared)
            {
                reviewer = ReviewerOf(row);
                review = approve ?? Random.NextDouble() < approvalRate[reviewer] ? SignalReview.Approved : SignalReview.Rejected;
            }
            entries.Add(new SignalEntry(new MemberId(row + 1), item, day, PointsOf(item, day))
            {
                Reviewer = reviewer < 0 ? default : new MemberId(reviewer + 1),
                Review = review,
                EvidenceKey = declared && Random.Next(10) < 7 ? Key() : 0,
            });
        }

        private Points PointsOf(int item, LocalDate day)
        {
            var version = Book.VersionOn(item, day)!;
            return version.Kind switch
            {
                ItemKind.Discretionary => Points.From(Random.Next((int)version.Minimum!.Value.ToDecimal(), (int)version.Maximum!.Value.ToDecimal() + 1)),
                ItemKind.Tiered => version.Tiers[Random.Next(version.Tiers.Count)].Points,
                _ => version.Points,
            };
        }

        private ulong Key() => (ulong)Random.NextInt64(1, long.MaxValue) << 1 | 1;
    }
}
