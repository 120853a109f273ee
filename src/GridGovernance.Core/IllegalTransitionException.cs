using System.Collections.Immutable;

namespace GridGovernance;

/// <summary>
/// Thrown when a workflow step has no row in its module's transition table: approving a rejected declaration,
/// freezing a frozen publication, completing a project never delivered, claiming a fulfilled wish, rating a work order
/// that is not resolved. <see cref="GridGovernanceException.Code"/> is the module's code
/// (<see cref="ErrorCodes.LedgerIllegalTransition"/>, <see cref="ErrorCodes.ClaimsIllegalTransition"/>,
/// <see cref="ErrorCodes.WorkOrderIllegalTransition"/>); nothing was changed.
/// </summary>
[Immutable]
public sealed class IllegalTransitionException : GridGovernanceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="code">The module's code.</param>
    /// <param name="subject">What was moved, for the message, e.g. <c>LedgerEntry ledger:5</c> or <c>Objection 1 of publication:3</c>.</param>
    /// <param name="aggregateId">The id of the aggregate that holds the state.</param>
    /// <param name="from">The current state.</param>
    /// <param name="command">The command refused; for tables whose commands are their target states, the state asked for.</param>
    /// <param name="to">The state the command leads to.</param>
    /// <param name="actor">Who asked, or <c>null</c> when the module does not record it.</param>
    /// <param name="allowed">What the table allows from <paramref name="from"/>, as the message lists it.</param>
    public IllegalTransitionException(string code, string subject, object aggregateId, string from, string command, string to, string? actor, IEnumerable<string> allowed)
        : this(code, subject, aggregateId, from, command, to, actor, [.. Preconditions.CheckNotNull(allowed)])
    {
    }

    private IllegalTransitionException(string code, string subject, object aggregateId, string from, string command, string to, string? actor, ImmutableArray<string> allowed)
        : base(code, BuildMessage(subject, from, command, to, actor, allowed))
    {
        Subject = Preconditions.CheckNotBlank(subject);
        AggregateId = Preconditions.CheckNotNull(aggregateId);
        From = Preconditions.CheckNotBlank(from);
        Command = Preconditions.CheckNotBlank(command);
        To = Preconditions.CheckNotBlank(to);
        Actor = actor;
        Allowed = allowed;
    }

    /// <summary>What was moved, e.g. <c>LedgerEntry ledger:5</c>.</summary>
    public string Subject { get; }

    /// <summary>The id of the aggregate that holds the state (a <see cref="WorkOrders.WorkOrderId"/>, a <see cref="Claims.ProjectId"/>, …).</summary>
    public object AggregateId { get; }

    /// <summary>The state it was in.</summary>
    public string From { get; }

    /// <summary>The command refused; the state asked for when the module's commands are its target states.</summary>
    public string Command { get; }

    /// <summary>The state the command leads to.</summary>
    public string To { get; }

    /// <summary>Who asked, or <c>null</c> when the module does not record it.</summary>
    public string? Actor { get; }

    /// <summary>What the table allows from <see cref="From"/>; empty when it is final.</summary>
    public ImmutableArray<string> Allowed { get; }

    private static string BuildMessage(string subject, string from, string command, string to, string? actor, ImmutableArray<string> allowed) =>
        $"{subject} cannot go from {from} to {to}{(command == to ? "" : $" by {command}")}{(actor is null ? "" : $" (asked by {actor})")}; "
        + (allowed.Length == 0 ? $"{from} is final." : $"from {from} the table allows {string.Join(", ", allowed)}.");
}
