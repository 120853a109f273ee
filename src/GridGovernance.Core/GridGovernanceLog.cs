using Microsoft.Extensions.Logging;

namespace GridGovernance;

/// <summary>
/// The library's log lines, source-generated; their event ids are stable and listed in docs/observability.md. They
/// name ids, codes and capabilities only, never a name, phone, address or free text (docs/concepts/privacy.md):
/// an actor is written as <see cref="Authority.Actor.ToString"/> writes it (a resident is "a resident").
/// </summary>
internal static partial class GridGovernanceLog
{
    [LoggerMessage(EventId = 1001, EventName = "CommandRefused", Level = LogLevel.Information,
        Message = "Refused {Actor} the capability {Capability} on {Subject} ({Code})")]
    public static partial void CommandRefused(this ILogger logger, Authority.Actor actor, string capability, string subject, string code);

    [LoggerMessage(EventId = 1002, EventName = "ConcurrencyRetry", Level = LogLevel.Debug,
        Message = "Retrying a command after {Code} (attempt {Attempt} of {MaxAttempts})")]
    public static partial void ConcurrencyRetry(this ILogger logger, string code, int attempt, int maxAttempts);

    [LoggerMessage(EventId = 1101, EventName = "RosterImported", Level = LogLevel.Information,
        Message = "Imported a roster batch effective {Effective}: {Units} units, {Members} members, {Households} households, {StationedUnits} stationed units, {Roles} roles")]
    public static partial void RosterImported(this ILogger logger, NodaTime.LocalDate effective, int units, int members, int households, int stationedUnits, int roles);

    [LoggerMessage(EventId = 1201, EventName = "PointsDeclared", Level = LogLevel.Information,
        Message = "Declared {Entry} of item {Item} for {Member}")]
    public static partial void PointsDeclared(this ILogger logger, Scoring.Ledger.LedgerEntryId entry, string item, MemberId member);

    [LoggerMessage(EventId = 1202, EventName = "DeclarationApproved", Level = LogLevel.Information,
        Message = "Approved {Entry} by {Actor}")]
    public static partial void DeclarationApproved(this ILogger logger, Scoring.Ledger.LedgerEntryId entry, Authority.Actor actor);

    [LoggerMessage(EventId = 1203, EventName = "PeriodPublished", Level = LogLevel.Information,
        Message = "Published {Publication}; objections until {WindowClosesOn}")]
    public static partial void PeriodPublished(this ILogger logger, Scoring.Ledger.PeriodPublicationId publication, NodaTime.LocalDate windowClosesOn);

    [LoggerMessage(EventId = 1301, EventName = "WorkOrderFiled", Level = LogLevel.Information,
        Message = "Filed {Order} in {Unit} by {Actor}")]
    public static partial void WorkOrderFiled(this ILogger logger, WorkOrders.WorkOrderId order, OrgUnitId unit, Authority.Actor actor);

    [LoggerMessage(EventId = 1302, EventName = "WorkOrderEscalated", Level = LogLevel.Information,
        Message = "Escalated {Order} to {Unit} by {Actor}")]
    public static partial void WorkOrderEscalated(this ILogger logger, WorkOrders.WorkOrderId order, OrgUnitId unit, Authority.Actor actor);

    [LoggerMessage(EventId = 1303, EventName = "OverdueScanned", Level = LogLevel.Information,
        Message = "The overdue scan escalated {Escalated} of {Overdue} overdue work orders")]
    public static partial void OverdueScanned(this ILogger logger, int escalated, int overdue);
}
