using System.Collections.Immutable;
using NodaTime;

namespace GridGovernance.Contacts;

/// <summary>How a member was in touch with a household.</summary>
public enum ContactKind
{
    /// <summary>入户走访 — a home visit.</summary>
    Visit,
    /// <summary>电话联系 — a call.</summary>
    Call,
    /// <summary>党群联系群 — through the contact group (online).</summary>
    Online,
    /// <summary>座谈 / 议事 — at a meeting.</summary>
    Meeting,
}

/// <summary>One entry of a contact log (联系记实簿).</summary>
/// <param name="Household">The household contacted.</param>
/// <param name="Date">The day of the contact.</param>
/// <param name="Kind">Visit, call, online or meeting.</param>
/// <param name="Notes">What was discussed or done (政策宣传, 信息收集, 救助帮扶 …); up to 2,000 characters.</param>
/// <param name="RecordedAt">When it was written down.</param>
[Immutable]
public sealed record ContactRecord(HouseholdId Household, LocalDate Date, ContactKind Kind, string Notes, Instant RecordedAt);

/// <summary>A contact was written in a member's log.</summary>
/// <param name="Member">The member.</param>
/// <param name="Record">The entry.</param>
[Immutable]
public sealed record ContactLogRecorded(MemberId Member, ContactRecord Record) : IDomainEvent;

/// <summary>
/// A member's contact log (联系记实簿), one per member: the "1 log" of 3+N. Entries are only added (a log is a
/// record of what happened), in the order they were written.
/// </summary>
[Mutable]
public sealed class ContactLog : AggregateRoot<MemberId>
{
    /// <summary>The longest note a record may carry.</summary>
    public const int MaxNotesLength = 2000;

    private ContactLog(MemberId member)
        : base(member)
    {
    }

    /// <summary>The entries, in the order written.</summary>
    public ImmutableList<ContactRecord> Records { get; private set; } = [];

    /// <summary>The last day each household was contacted.</summary>
    public IEnumerable<(HouseholdId Household, LocalDate Date)> LastContacts =>
        Records.GroupBy(r => r.Household).Select(g => (g.Key, g.Max(r => r.Date)));

    /// <summary>Starts an empty log for a member.</summary>
    /// <param name="member">The member.</param>
    /// <exception cref="ArgumentException"><paramref name="member"/> is <c>default</c>.</exception>
    public static ContactLog Start(MemberId member)
    {
        Preconditions.CheckArgument(member.IsSpecified, nameof(member), "member must be a real member id, not default.");
        return new ContactLog(member);
    }

    /// <summary>Writes an entry.</summary>
    /// <param name="record">The entry.</param>
    /// <exception cref="GridGovernanceException"><c>contacts.invalid-record</c>: no household, or notes over <see cref="MaxNotesLength"/> characters.</exception>
    public void Add(ContactRecord record)
    {
        Preconditions.CheckNotNull(record);
        Preconditions.CheckState(record.Household.IsSpecified, ErrorCodes.ContactsInvalidRecord, "A contact record must name a household.");
        Preconditions.CheckState(record.Notes is not null && record.Notes.Length <= MaxNotesLength, ErrorCodes.ContactsInvalidRecord,
            $"A contact record's notes must be at most {MaxNotesLength} characters.");
        Records = Records.Add(record);
        Raise(new ContactLogRecorded(Id, record));
    }
}
