namespace GridGovernance.WorkOrders;

/// <summary>A department summoned by a whistle (吹哨), with the working days it has to report (报到).</summary>
/// <param name="Department">The department's code, e.g. <c>market-regulation</c> (市场监管), <c>city-management</c> (城管), <c>housing</c> (住建).</param>
/// <param name="AcknowledgeWorkingDays">Working days it has to report, at least 1.</param>
[Immutable]
public sealed record DepartmentSummons(string Department, int AcknowledgeWorkingDays = 1);
