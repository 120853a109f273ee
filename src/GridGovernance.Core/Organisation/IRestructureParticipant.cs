namespace GridGovernance.Organisation;

/// <summary>
/// A module with open work bound to units (work orders, claims, contacts, …) that follows a restructure: when a merge,
/// split or close closes units, <see cref="OrganisationService"/> calls every registered participant inside the same
/// unit of work, before it saves. Register one with
/// <c>services.TryAddEnumerable(ServiceDescriptor.Scoped&lt;IRestructureParticipant, MyParticipant&gt;())</c>.
/// </summary>
/// <remarks>
/// A participant loads the work bound to <see cref="RestructureChange.Closing"/> through the scope's repositories, moves
/// each piece to <see cref="RestructureChange.SuccessorOf"/> (an event and an audit record each) and stages it; it must
/// not save. Work that cannot follow (a plain close has no successor) is returned as blockers: then the service
/// discards everything staged and throws <see cref="RestructureBlockedException"/> listing every blocker of every
/// participant, so a refused change changes nothing.
/// </remarks>
public interface IRestructureParticipant
{
    /// <summary>Carries the participant's open work bound to the closing units to their successors, staging the changes.</summary>
    /// <param name="change">What closes, on which day, and where its work goes.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The work that cannot be carried; empty when everything was.</returns>
    Task<IReadOnlyList<RestructureBlocker>> CarryAsync(RestructureChange change, CancellationToken cancellationToken = default);
}
