namespace GridGovernance.Contacts;

/// <summary>A contact was written in a member's log.</summary>
/// <param name="Member">The member.</param>
/// <param name="Record">The entry.</param>
[Immutable]
public sealed record ContactLogRecorded(MemberId Member, ContactRecord Record) : IDomainEvent;
