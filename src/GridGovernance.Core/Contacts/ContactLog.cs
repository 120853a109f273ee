using System.Collections.Immutable;
using NodaTime;

namespace GridGovernance.Contacts;

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
