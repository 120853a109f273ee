using GridGovernance.Scoring.Ledger;
using NodaTime;

namespace GridGovernance.Scoring.Signals;

/// <summary>
/// One ledger entry as the gaming signals (防刷分) read it: who declared it, which item, when, for how many points, who
/// reviewed it and how, and a key of its evidence (佐证材料). <see cref="From"/> makes one from a <see cref="LedgerEntry"/>.
/// </summary>
/// <param name="Member">The member the entry is for (the declarant).</param>
/// <param name="ItemIndex">The item's position in the rule book, or −1 when the rule book does not have it.</param>
/// <param name="OccurredOn">The day it happened.</param>
/// <param name="Points">The points of the entry (as declared or approved).</param>
[Immutable]
public readonly record struct SignalEntry(MemberId Member, int ItemIndex, LocalDate OccurredOn, Points Points)
{
    /// <summary>The reviewer (<see cref="LedgerEntry.ReviewedBy"/>), or <c>default</c> when nobody reviewed it.</summary>
    public MemberId Reviewer { get; init; }

    /// <summary>What the reviewer did.</summary>
    public SignalReview Review { get; init; }

    /// <summary>A 64-bit key of the evidence (<see cref="EvidenceKeyOf"/>), 0 when there is none.</summary>
    public ulong EvidenceKey { get; init; }

    /// <summary>The entry as the signals read it.</summary>
    /// <param name="entry">A ledger entry (reversals and reversed entries are for the caller to leave out or keep).</param>
    /// <param name="ruleBook">The rule book whose item positions the signals use.</param>
    /// <returns>The signal entry; its evidence key is <see cref="EvidenceKeyOf"/> of the entry's evidence text.</returns>
    public static SignalEntry From(LedgerEntry entry, RuleBook ruleBook)
    {
        Preconditions.CheckNotNull(entry);
        Preconditions.CheckNotNull(ruleBook);
        var review = entry.ReviewedBy is null ? SignalReview.NotReviewed
            : entry.Status == LedgerEntryStatus.Rejected ? SignalReview.Rejected
            : SignalReview.Approved;
        return new SignalEntry(entry.Member, ruleBook.HasItem(entry.ItemCode) ? ruleBook.IndexOfItem(entry.ItemCode) : -1, entry.OccurredOn,
            entry.Status == LedgerEntryStatus.Declared ? entry.DeclaredPoints : entry.Points)
        {
            Reviewer = entry.ReviewedBy ?? default,
            Review = review,
            EvidenceKey = EvidenceKeyOf(entry.Evidence),
        };
    }

    /// <summary>
    /// The key of an evidence text: 64-bit FNV-1a of the text with surrounding white space trimmed, inner runs of white
    /// space made one space and letters made lower case (invariant), so that the same photo reference or file name
    /// typed twice gives the same key. 0 for no text or white space only.
    /// </summary>
    /// <param name="evidence">The evidence text.</param>
    /// <returns>The key; never 0 for a text with any other character.</returns>
    public static ulong EvidenceKeyOf(string? evidence)
    {
        if (string.IsNullOrWhiteSpace(evidence))
        {
            return 0;
        }
        ulong hash = 14695981039346656037UL;
        bool space = false, any = false;
        foreach (char raw in evidence)
        {
            if (char.IsWhiteSpace(raw))
            {
                space = any;
                continue;
            }
            if (space)
            {
                hash = (hash ^ ' ') * 1099511628211UL;
                space = false;
            }
            char c = char.ToLowerInvariant(raw);
            hash = (hash ^ (byte)c) * 1099511628211UL;
            hash = (hash ^ (byte)(c >> 8)) * 1099511628211UL;
            any = true;
        }
        return hash == 0 ? 1 : hash;
    }
}
