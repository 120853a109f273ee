using System.Runtime.InteropServices;
using NodaTime;

namespace GridGovernance.Scoring.Signals;

/// <summary>
/// Gaming signals (防刷分) over a period's ledger: patterns that points schemes are gamed with, each with a score and a
/// plain explanation in Chinese and English, for a member, a reviewer, a pair of reviewers or a branch. A signal is a
/// reason to look, never a verdict: an honest member can trip one, and a flagged member is not scored differently.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>pattern</term><description>what is counted, and the score</description></listheader>
/// <item><term><see cref="SignalPattern.JustUnderCap"/> 临界封顶 (member)</term><description>The member's total (entries
/// not rejected) on each item with a cap (the version in force on the period's last day) that ends within
/// <see cref="PointsSignalOptions.NearCapBand"/> under the cap; flagged when at least
/// <see cref="PointsSignalOptions.MinItemsNearCap"/> items and <see cref="PointsSignalOptions.MinShareNearCap"/> of the
/// capped items used do. Score: the number of such items.</description></item>
/// <item><term><see cref="SignalPattern.EndOfPeriodBurst"/> 期末突击 (member, branch)</term><description>The share of the
/// entries (any review state) whose day falls in the last <see cref="PointsSignalOptions.ClosingWindowDays"/> days.
/// Score: that share over the window's share of the period (how many times more than an even spread).</description></item>
/// <item><term><see cref="SignalPattern.OwnBranchApprovals"/> 本支部放水 (reviewer)</term><description>Of the reviewed
/// declarations whose declarant is in the reviewer's own branch (both on the roster), the share approved, against the
/// approval rate of every review in the ledger. Score: −log10 of the binomial probability of approving at least that
/// many at that rate.</description></item>
/// <item><term><see cref="SignalPattern.ReciprocalApprovals"/> 互批互审 (pair of reviewers)</term><description>Approvals
/// by each reviewer of the other's declarations. Score: the smaller of the two counts.</description></item>
/// <item><term><see cref="SignalPattern.DuplicateEvidence"/> 重复举证 (member)</term><description>The member's entries
/// whose evidence key (<see cref="SignalEntry.EvidenceKeyOf"/>) another entry of the input, of any member and any day,
/// also has. Score: the number of such entries.</description></item>
/// </list>
/// <para>Pure and deterministic: the same inputs in any order give the same report. One pass over the entries, a second
/// over the reviewed ones, and a bucket sort of the evidence keys.</para>
/// </remarks>
[Immutable]
public static class PointsSignals
{
    /// <summary>Looks for every pattern in a period's ledger.</summary>
    /// <param name="ruleBook">The rule book the entries' item positions refer to (for caps).</param>
    /// <param name="period">The period.</param>
    /// <param name="roster">The members with their branches; each once. Reviewers are looked up here too.</param>
    /// <param name="entries">The entries (declared, approved and rejected), in any order.</param>
    /// <param name="options">The thresholds; <c>null</c> for <see cref="PointsSignalOptions.Default"/>.</param>
    /// <returns>The report.</returns>
    /// <exception cref="GridGovernanceValidationException">The options are out of range. A member is on the roster twice or a subject has no member.</exception>
    public static PointsSignalReport Detect(RuleBook ruleBook, AssessmentPeriod period, IReadOnlyList<AssessmentSubject> roster, ReadOnlySpan<SignalEntry> entries,
        PointsSignalOptions? options = null)
    {
        Preconditions.CheckNotNull(ruleBook);
        Preconditions.CheckNotNull(period);
        Preconditions.CheckNotNull(roster);
        options ??= PointsSignalOptions.Default;
        options.Validate();
        var people = Roster.Create(roster);
        int rows = people.Count;

        // Capped items: their slot and their cap in units.
        var capSlot = new int[ruleBook.Items.Length];
        var caps = new List<long>();
        for (int i = 0; i < capSlot.Length; i++)
        {
            var version = ruleBook.VersionOn(i, period.End);
            capSlot[i] = -1;
            if (version is { Kind: ItemKind.Fixed or ItemKind.Discretionary, Cap: not null })
            {
                capSlot[i] = caps.Count;
                caps.Add(version.Cap.Limit.Units);
            }
        }
        int slots = caps.Count;
        var capTotals = new long[(long)rows * slots];
        var entryCount = new int[rows];
        var inWindow = new int[rows];
        var ownReviews = new int[rows];
        var ownApproved = new int[rows];
        var isReviewer = new bool[rows];
        long reviews = 0, approved = 0;
        int outside = 0, unknown = 0;
        int startKey = DayKey(period.Start), endKey = DayKey(period.End);
        int windowKey = DayKey(LocalDate.Max(period.Start, period.End.PlusDays(1 - options.ClosingWindowDays)));
        // Evidence keys are bucket-sorted on their top bits: counted here, placed in the second pass.
        int bits = Math.Clamp(26 - System.Numerics.BitOperations.LeadingZeroCount((uint)entries.Length), 1, 16); // about 64 entries a bucket, the counts in the cache
        int shift = 64 - bits;
        var bucketStarts = new int[(1 << bits) + 1];
        int evidenceCount = 0;
        var withEvidence = new int[rows];

        foreach (ref readonly var e in entries)
        {
            int row = people.RowOf(e.Member.Value);
            if (row < 0)
            {
                unknown++;
                continue;
            }
            if (e.EvidenceKey != 0)
            {
                bucketStarts[(int)(e.EvidenceKey >> shift) + 1]++;
                evidenceCount++;
                withEvidence[row]++;
            }
            int day = DayKey(e.OccurredOn);
            if (day < startKey || day > endKey)
            {
                outside++;
                continue;
            }
            entryCount[row]++;
            inWindow[row] += day >= windowKey ? 1 : 0;
            if (e.Review != SignalReview.Rejected && (uint)e.ItemIndex < (uint)capSlot.Length && capSlot[e.ItemIndex] >= 0 && e.Points.Units > 0)
            {
                capTotals[(long)row * slots + capSlot[e.ItemIndex]] += e.Points.Units;
            }
            if (e.Review != SignalReview.NotReviewed)
            {
                int reviewer = people.RowOf(e.Reviewer.Value);
                bool yes = e.Review == SignalReview.Approved;
                reviews++;
                approved += yes ? 1 : 0;
                if (reviewer >= 0)
                {
                    isReviewer[reviewer] = true;
                    if (people.Branch(reviewer) == people.Branch(row))
                    {
                        ownReviews[reviewer]++;
                        ownApproved[reviewer] += yes ? 1 : 0;
                    }
                }
            }
        }

        var signals = new List<PointsSignal>();
        JustUnderCap(people, caps, capTotals, options, signals);
        Bursts(people, period, entryCount, inWindow, options, signals);
        OwnBranch(people, ownReviews, ownApproved, reviews, approved, options, signals);
        for (int b = 1; b < bucketStarts.Length; b++)
        {
            bucketStarts[b] += bucketStarts[b - 1];
        }
        var evidenceKeys = new ulong[evidenceCount];
        var evidenceRows = new int[evidenceCount];
        var approvals = SecondPass(people, entries, isReviewer, startKey, endKey, shift, bucketStarts, evidenceKeys, evidenceRows);
        Reciprocal(people, approvals, options, signals);
        Duplicates(people, bucketStarts, evidenceKeys, evidenceRows, withEvidence, options, signals);
        signals.Sort(static (x, y) =>
        {
            int c = x.Pattern.CompareTo(y.Pattern);
            if (c == 0) c = y.Score.CompareTo(x.Score);
            if (c == 0) c = (x.Member?.Value ?? 0).CompareTo(y.Member?.Value ?? 0);
            if (c == 0) c = (x.Counterpart?.Value ?? 0).CompareTo(y.Counterpart?.Value ?? 0);
            if (c == 0) c = x.Branch.Value.CompareTo(y.Branch.Value);
            return c;
        });
        return new PointsSignalReport(period, options, [.. signals], outside, unknown);
    }

    private static int DayKey(LocalDate d) => (d.Year << 9) | (d.Month << 5) | d.Day;

    private static void JustUnderCap(Roster people, List<long> caps, long[] totals, PointsSignalOptions options, List<PointsSignal> signals)
    {
        int slots = caps.Count;
        if (slots == 0)
        {
            return;
        }
        var floors = caps.Select(cap => cap - (long)Math.Floor(cap * options.NearCapBand)).ToArray();
        for (int row = 0; row < people.Count; row++)
        {
            int used = 0, near = 0;
            for (int s = 0; s < slots; s++)
            {
                long total = totals[(long)row * slots + s];
                used += total > 0 ? 1 : 0;
                near += total >= floors[s] && total < caps[s] ? 1 : 0;
            }
            if (near >= options.MinItemsNearCap && near >= options.MinShareNearCap * used)
            {
                signals.Add(new PointsSignal(SignalPattern.JustUnderCap, people.Id(row), null, people.Branch(row), near, near, used, FormattableString.Invariant(
                    $"临界封顶：{near} 个有上限的细则项积分停在上限之下 {options.NearCapBand:P0} 以内（共用到 {used} 个有上限的细则项）。Just under the cap: on {near} of the {used} capped items used, the total stops within {options.NearCapBand:P0} below the cap.")));
            }
        }
    }

    private static void Bursts(Roster people, AssessmentPeriod period, int[] count, int[] window, PointsSignalOptions options, List<PointsSignal> signals)
    {
        int days = Period.DaysBetween(period.Start, period.End) + 1;
        int windowDays = Math.Min(options.ClosingWindowDays, days);
        double expected = (double)windowDays / days;
        var branchCount = new Dictionary<OrgUnitId, (int All, int Window)>();
        for (int row = 0; row < people.Count; row++)
        {
            if (count[row] == 0)
            {
                continue;
            }
            ref var b = ref CollectionsMarshal.GetValueRefOrAddDefault(branchCount, people.Branch(row), out _);
            b.All += count[row];
            b.Window += window[row];
            if (IsBurst(count[row], window[row], options.MinEntriesForBurst, options))
            {
                signals.Add(Burst(people.Id(row), people.Branch(row), count[row], window[row], windowDays, expected, "积分", "entries"));
            }
        }
        foreach (var (branch, (all, inWindow)) in branchCount)
        {
            if (IsBurst(all, inWindow, options.MinEntriesForBurst * 10, options))
            {
                signals.Add(Burst(null, branch, all, inWindow, windowDays, expected, "本支部积分", "the branch's entries"));
            }
        }
    }

    private static bool IsBurst(int all, int inWindow, int minimum, PointsSignalOptions options) => all >= minimum && inWindow >= options.MinBurstShare * all;

    private static PointsSignal Burst(MemberId? member, OrgUnitId branch, int all, int inWindow, int windowDays, double expected, string zh, string en)
    {
        double share = (double)inWindow / all;
        return new PointsSignal(SignalPattern.EndOfPeriodBurst, member, null, branch, share / expected, inWindow, all, FormattableString.Invariant(
            $"期末突击：{zh} {inWindow}/{all} 条（{share:P0}）发生在期末最后 {windowDays} 天，均匀分布约为 {expected:P1}。End-of-period burst: {inWindow} of {all} {en} ({share:P0}) fall in the last {windowDays} days of the period, against about {expected:P1} if spread evenly."));
    }

    private static void OwnBranch(Roster people, int[] own, int[] ownApproved, long reviews, long approved, PointsSignalOptions options, List<PointsSignal> signals)
    {
        if (reviews == 0)
        {
            return;
        }
        double p = (double)approved / reviews;
        for (int row = 0; row < people.Count; row++)
        {
            int n = own[row], a = ownApproved[row];
            if (n < options.MinOwnBranchReviews || a < options.MinOwnBranchApprovalRate * n)
            {
                continue;
            }
            double surprise = -BinomialTailLog10(n, a, p);
            if (surprise >= options.MinOwnBranchSurprise)
            {
                signals.Add(new PointsSignal(SignalPattern.OwnBranchApprovals, people.Id(row), null, people.Branch(row), surprise, a, n, FormattableString.Invariant(
                    $"本支部放水：审核本支部申报 {n} 条，通过 {a} 条（{(double)a / n:P1}），全体审核通过率 {p:P1}；按全体通过率出现这一结果的概率约为 1e-{surprise:0.#}。Own-branch approvals: of {n} declarations from the reviewer's own branch, {a} approved ({(double)a / n:P1}), against {p:P1} over all reviews; at that rate the chance is about 1e-{surprise:0.#}.")));
            }
        }
    }

    /// <summary>log10 P(X ≥ k) for X ~ Binomial(n, p).</summary>
    internal static double BinomialTailLog10(int n, int k, double p)
    {
        if (k <= 0 || p >= 1)
        {
            return 0;
        }
        if (p <= 0)
        {
            return double.NegativeInfinity;
        }
        double logP = Math.Log(p), logQ = Math.Log(1 - p), logN = LogFactorial(n);
        double max = double.NegativeInfinity;
        var terms = new double[n - k + 1];
        for (int x = k; x <= n; x++)
        {
            double t = logN - LogFactorial(x) - LogFactorial(n - x) + x * logP + (n - x) * logQ;
            terms[x - k] = t;
            max = Math.Max(max, t);
        }
        double sum = 0;
        foreach (double t in terms)
        {
            sum += Math.Exp(t - max);
        }
        return Math.Min(0, (max + Math.Log(sum)) / Math.Log(10));
    }

    private static double LogFactorial(int n)
    {
        if (n < 2)
        {
            return 0;
        }
        if (n < 32)
        {
            double s = 0;
            for (int i = 2; i <= n; i++)
            {
                s += Math.Log(i);
            }
            return s;
        }
        double x = n + 1.0; // Stirling's series for ln Γ(x)
        return (x - 0.5) * Math.Log(x) - x + 0.5 * Math.Log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
    }

    /// <summary>Places the evidence keys in their buckets and counts approvals between reviewers.</summary>
    private static Dictionary<long, int> SecondPass(Roster people, ReadOnlySpan<SignalEntry> entries, bool[] isReviewer, int startKey, int endKey, int shift,
        int[] bucketStarts, ulong[] keys, int[] rows)
    {
        var approvals = new Dictionary<long, int>();
        var cursor = (int[])bucketStarts.Clone();
        foreach (ref readonly var e in entries)
        {
            int declarant = people.RowOf(e.Member.Value);
            if (declarant < 0)
            {
                continue;
            }
            if (e.EvidenceKey != 0)
            {
                int at = cursor[(int)(e.EvidenceKey >> shift)]++;
                keys[at] = e.EvidenceKey;
                rows[at] = declarant;
            }
            if (e.Review != SignalReview.Approved || !isReviewer[declarant])
            {
                continue;
            }
            int reviewer = people.RowOf(e.Reviewer.Value);
            int day = DayKey(e.OccurredOn);
            if (reviewer < 0 || reviewer == declarant || day < startKey || day > endKey)
            {
                continue;
            }
            CollectionsMarshal.GetValueRefOrAddDefault(approvals, ((long)reviewer << 32) | (uint)declarant, out _)++;
        }
        return approvals;
    }

    private static void Reciprocal(Roster people, Dictionary<long, int> approvals, PointsSignalOptions options, List<PointsSignal> signals)
    {
        foreach (var (key, ab) in approvals)
        {
            int a = (int)(key >> 32), b = (int)key;
            if (a < b && approvals.TryGetValue(((long)b << 32) | (uint)a, out int ba) && Math.Min(ab, ba) >= options.MinReciprocalApprovals)
            {
                var (first, second) = (people.Id(a), people.Id(b));
                signals.Add(new PointsSignal(SignalPattern.ReciprocalApprovals, first, second, people.Branch(a), Math.Min(ab, ba), Math.Min(ab, ba), ab + ba, FormattableString.Invariant(
                    $"互批互审：{first} 审核通过 {second} 的申报 {ab} 条，{second} 审核通过 {first} 的申报 {ba} 条。Reciprocal approvals: {first} approved {ab} of {second}'s declarations and {second} approved {ba} of {first}'s.")));
            }
        }
    }

    private static void Duplicates(Roster people, int[] starts, ulong[] sortedKeys, int[] sortedRows, int[] withEvidence, PointsSignalOptions options, List<PointsSignal> signals)
    {
        // Equal keys are in one bucket; a small sort per bucket puts them side by side.
        var duplicated = new int[people.Count];
        for (int b = 0; b + 1 < starts.Length; b++)
        {
            int from = starts[b], to = starts[b + 1];
            if (to - from < 2)
            {
                continue;
            }
            sortedKeys.AsSpan(from, to - from).Sort(sortedRows.AsSpan(from, to - from));
            for (int i = from; i < to;)
            {
                int j = i + 1;
                while (j < to && sortedKeys[j] == sortedKeys[i])
                {
                    j++;
                }
                if (j - i > 1)
                {
                    for (int k = i; k < j; k++)
                    {
                        duplicated[sortedRows[k]]++;
                    }
                }
                i = j;
            }
        }
        for (int row = 0; row < people.Count; row++)
        {
            int d = duplicated[row];
            if (d >= options.MinDuplicateEntries)
            {
                signals.Add(new PointsSignal(SignalPattern.DuplicateEvidence, people.Id(row), null, people.Branch(row), d, d, withEvidence[row], FormattableString.Invariant(
                    $"重复举证：{d} 条申报的佐证材料与另一条申报相同（共 {withEvidence[row]} 条有佐证）。Duplicate evidence: {d} of the member's {withEvidence[row]} entries with evidence share it with another entry.")));
            }
        }
    }

    /// <summary>The roster in id order with a fast id → row look-up.</summary>
    private sealed class Roster
    {
        private readonly int[] ids;
        private readonly OrgUnitId[] branches;
        private readonly int[]? dense;
        private readonly int min;
        private readonly Dictionary<int, int>? sparse;

        private Roster(int[] ids, OrgUnitId[] branches)
        {
            this.ids = ids;
            this.branches = branches;
            if (ids.Length == 0)
            {
                sparse = [];
                return;
            }
            min = ids[0];
            if ((long)ids[^1] - min <= 4L * ids.Length + 1024)
            {
                dense = new int[ids[^1] - min + 1];
                Array.Fill(dense, -1);
                for (int i = 0; i < ids.Length; i++)
                {
                    dense[ids[i] - min] = i;
                }
            }
            else
            {
                sparse = new Dictionary<int, int>(ids.Length);
                for (int i = 0; i < ids.Length; i++)
                {
                    sparse[ids[i]] = i;
                }
            }
        }

        internal int Count => ids.Length;

        internal static Roster Create(IReadOnlyList<AssessmentSubject> roster)
        {
            var subjects = roster.OrderBy(s => s.Member.Value).ToArray();
            for (int i = 0; i < subjects.Length; i++)
            {
                Preconditions.CheckArgument(subjects[i].Member.IsSpecified, nameof(roster), "Every subject of the roster must name a member (not default).");
                Preconditions.CheckArgument(i == 0 || subjects[i].Member != subjects[i - 1].Member, nameof(roster), $"{subjects[i].Member} is on the roster twice.");
            }
            return new Roster([.. subjects.Select(s => s.Member.Value)], [.. subjects.Select(s => s.Branch)]);
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        internal int RowOf(int id)
        {
            if (dense is not null)
            {
                uint at = (uint)(id - min);
                return at < (uint)dense.Length ? dense[at] : -1;
            }
            return sparse!.TryGetValue(id, out int row) ? row : -1;
        }

        internal MemberId Id(int row) => new(ids[row]);

        internal OrgUnitId Branch(int row) => branches[row];
    }
}
