namespace GridGovernance.Contacts;

/// <summary>Identifies one member's contact log (<see cref="ContactLog"/>) of one calendar year.</summary>
/// <param name="Member">The member who keeps the log.</param>
/// <param name="Year">The year of the contacts' dates.</param>
[Immutable]
public readonly record struct ContactLogId(MemberId Member, int Year)
{
    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"contact-log:{Member.Value}/{Year}");
}
