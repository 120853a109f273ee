namespace GridGovernance.WorkOrders;

/// <summary>
/// Who did something to a work order, as one audit column: <c>member:17</c> (a cadre or member), <c>resident:…</c>
/// (the resident who filed it, under the integrator's own key), <c>department:…</c> (a summoned department) or
/// <c>system:…</c> (an automatic step such as a reminder or an escalation).
/// </summary>
/// <param name="Value">The actor's text, at most 200 characters.</param>
[Immutable]
public readonly record struct WorkOrderActor(string Value)
{

    /// <summary>The text of the actor, validated: not blank, at most 200 characters.</summary>
    public string Value { get; } = Check(Value);

    /// <summary>A member or cadre.</summary>
    /// <param name="member">The member.</param>
    public static WorkOrderActor ForMember(MemberId member)
    {
        Preconditions.CheckSpecified(member.IsSpecified, nameof(member), "member must be a real member id, not default.");
        return new(ActorNames.ForMember(member));
    }

    /// <summary>A resident, under the integrator's key (an account id, a hotline caller id; never shown on the board).</summary>
    /// <param name="key">The key.</param>
    public static WorkOrderActor ForResident(string key) => new("resident:" + Preconditions.CheckNotBlank(key).Trim());

    /// <summary>A summoned department, e.g. <c>market-regulation</c> (市场监管).</summary>
    /// <param name="department">The department's code.</param>
    public static WorkOrderActor ForDepartment(string department) => new("department:" + Preconditions.CheckNotBlank(department).Trim());

    /// <summary>An automatic step, e.g. <c>system:overdue-scan</c>.</summary>
    /// <param name="name">The name of the process.</param>
    public static WorkOrderActor ForSystem(string name) => new("system:" + Preconditions.CheckNotBlank(name).Trim());

    /// <summary>The member behind a <c>member:</c> actor.</summary>
    /// <param name="member">The member, or <c>default</c>.</param>
    /// <returns>Whether the actor is a member.</returns>
    public bool TryGetMember(out MemberId member) => ActorNames.TryGetMember(Value, out member);

    /// <inheritdoc />
    public override string ToString() => Value ?? "(no actor)";

    /// <summary>
    /// The actor as messages name it: a resident's key and an officer's identifier are personal data (a key may be a
    /// caller's phone number), so a resident is <c>a resident</c> and an officer is their department.
    /// </summary>
    internal string ForMessages => Value switch
    {
        null => "(no actor)",
        _ when Value.StartsWith("resident:", StringComparison.Ordinal) => "a resident",
        _ when Value.StartsWith("department:", StringComparison.Ordinal) => Value.Split('/')[0],
        _ => Value,
    };

    private static string Check(string value)
    {
        Preconditions.CheckNotBlank(value, nameof(Value));
        if (value.Length > 200)
        {
            throw Preconditions.InvalidArgument($"Value must be at most 200 characters; it has {value.Length}.", nameof(Value));
        }
        return value;
    }
}
