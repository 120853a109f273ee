namespace GridGovernance.Scoring.Statements;

/// <summary>A category's subtotal on a member's statement, against its cap.</summary>
/// <param name="Code">The category's code.</param>
/// <param name="Name">Its name (e.g. 党员联户).</param>
/// <param name="Awarded">The awards counted after caps (zero or positive).</param>
/// <param name="Deducted">The deductions (zero or negative), threshold penalties and vetoes included.</param>
/// <param name="Total">The published category total: <paramref name="Awarded"/> + <paramref name="Deducted"/>.</param>
/// <param name="Cap">The category's cap on awards, or <c>null</c>.</param>
[Immutable]
public sealed record StatementCategory(string Code, string Name, Points Awarded, Points Deducted, Points Total, PointsCap? Cap)
{
    /// <summary>The room left under the cap (<see cref="PointsCap.Limit"/> − <see cref="Awarded"/>, never below zero), or <c>null</c> without a cap.</summary>
    public Points? RoomLeft => Cap is null ? null : Points.FromUnits(Math.Max(0, Cap.Limit.Units - Awarded.Units));
}
