using System.Collections.Immutable;
using NodaTime;

namespace GridGovernance.Contacts;

/// <summary>
/// A member's contact log (联系记实簿) of one calendar year: the "1 log" of 3+N. A member has one log per year in which
/// they made contacts (the year of a contact's date), so that one log stays small however long the member serves.
/// Entries are only added (a log is a record of what happened), in the order they were written.
/// </summary>
[Mutable]
public sealed class ContactLog : AggregateRoot<ContactLogId>
{
    /// <summary>The longest note a record may carry.</summary>
    public const int MaxNotesLength = 2000;

    private ContactLog(ContactLogId id)
        : base(id)
    {
    }

    /// <summary>The member who keeps the log.</summary>
    public MemberId Member => Id.Member;

    /// <summary>The year of the contacts it holds.</summary>
    public int Year => Id.Year;

    /// <summary>The entries, in the order written.</summary>
    public ImmutableList<ContactRecord> Records { get; private set; } = [];

    /// <summary>The last day each household was contacted.</summary>
    public IEnumerable<(HouseholdId Household, LocalDate Date)> LastContacts =>
        Records.GroupBy(r => r.Household).Select(g => (g.Key, g.Max(r => r.Date)));

    /// <summary>Starts a member's empty log of a year.</summary>
    /// <param name="member">The member.</param>
    /// <param name="year">The year of the contacts it will hold.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="member"/> is <c>default</c> (code <c>value.invalid</c>). <paramref name="year"/> is not between 1 and 9999.</exception>
    public static ContactLog Start(MemberId member, int year)
    {
        Preconditions.CheckSpecified(member.IsSpecified, nameof(member), "member must be a real member id, not default.");
        Preconditions.CheckArgumentRange(nameof(year), year, 1, 9999);
        return new ContactLog(new ContactLogId(member, year));
    }

    /// <summary>Writes an entry.</summary>
    /// <param name="record">The entry.</param>
    /// <exception cref="GridGovernanceException"><c>contacts.invalid-record</c>: no household, notes over <see cref="MaxNotesLength"/>
    /// characters, or a date in another year than the log's.</exception>
    public void Add(ContactRecord record)
    {
        Preconditions.CheckNotNull(record);
        Preconditions.CheckState(record.Date.Year == Year, ErrorCodes.ContactsInvalidRecord,
            $"A contact on {record.Date:yyyy-MM-dd} belongs in the log of {record.Date.Year}, not in {Id}.");
        Preconditions.CheckState(record.Household.IsSpecified, ErrorCodes.ContactsInvalidRecord, "A contact record must name a household.");
        Preconditions.CheckState(record.Notes is not null && record.Notes.Length <= MaxNotesLength, ErrorCodes.ContactsInvalidRecord,
            $"A contact record's notes must be at most {MaxNotesLength} characters.");
        Records = Records.Add(record);
        Raise(new ContactLogRecorded(Member, record));
    }

    // The stored form (GridGovernance.Persistence.StoredForms): every value by its contract name, and back.
    private ContactLog(Persistence.ContactLogStoredForm form)
        : base(form.Id)
    {
        Records = form.Records;
    }

    /// <summary>This ContactLog's stored form.</summary>
    internal Persistence.ContactLogStoredForm ToStoredForm() => new()
    {
        Id = Id,
        Records = Records,
    };

    /// <summary>Rebuilds a ContactLog from its stored form (checked by <see cref="Persistence.StoredForms"/>).</summary>
    internal static ContactLog FromStoredForm(Persistence.ContactLogStoredForm form) => new(form);
}
