namespace GridGovernance.Scoring.Ledger;

/// <summary>
/// Who did something to the ledger or a publication: a party member (<c>member:17</c>) or a system that records on
/// its own (<c>system:work-orders</c>). Kept as one string so that people and automatic sources (work orders, claims,
/// contact visits, the year-end grant job) stand in the same audit column.
/// </summary>
/// <remarks>
/// Commands take an <see cref="Authority.Actor"/>; what the ledger stores is its <see cref="Authority.Actor.AuditName"/>
/// (<see cref="Of"/>).
/// </remarks>
[Immutable]
public readonly record struct LedgerActor
{
    private const string SystemPrefix = "system:";

    /// <summary>Creates an actor from its stored form, e.g. <c>member:17</c> or <c>system:work-orders</c>.</summary>
    /// <param name="value">Up to 200 characters, not blank.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="value"/> is blank or longer than 200 characters.</exception>
    public LedgerActor(string value)
    {
        Preconditions.CheckNotBlank(value);
        Preconditions.CheckArgument(value.Length <= 200, nameof(value), $"value must be at most 200 characters; it has {value.Length}.");
        Value = value;
    }

    /// <summary>The stored form.</summary>
    public string Value { get; }

    /// <summary>The stored form of the actor of a command: its <see cref="Authority.Actor.AuditName"/>.</summary>
    /// <param name="actor">The actor.</param>
    /// <exception cref="GridGovernanceValidationException">The audit name is longer than 200 characters.</exception>
    public static LedgerActor Of(Authority.Actor actor) => new(Preconditions.CheckNotNull(actor).AuditName);

    /// <summary>A party member acting in person.</summary>
    /// <param name="member">The member.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="member"/> is <c>default</c> (code <c>value.invalid</c>).</exception>
    public static LedgerActor ForMember(MemberId member)
    {
        Preconditions.CheckSpecified(member.IsSpecified, nameof(member), "member must be a real member id, not default.");
        return new LedgerActor(ActorNames.ForMember(member));
    }

    /// <summary>A system recording on its own, e.g. <c>work-orders</c> or <c>annual-grant</c>.</summary>
    /// <param name="name">The system's name.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="name"/> is blank.</exception>
    public static LedgerActor ForSystem(string name) => new(SystemPrefix + Preconditions.CheckNotBlank(name).Trim());

    /// <summary>Whether the actor is a member.</summary>
    public bool IsMember => TryGetMember(out _);

    /// <summary>The member behind the actor, when it is one.</summary>
    /// <param name="member">The member.</param>
    /// <returns><c>true</c> when the actor is a member.</returns>
    public bool TryGetMember(out MemberId member) => ActorNames.TryGetMember(Value, out member);

    /// <inheritdoc />
    public override string ToString() => Value ?? "(no actor)";
}
