namespace GridGovernance.Scoring.WhatIf;

/// <summary>
/// How a category's weight in the roster's points moves under a proposed rule book: its total over the roster (after
/// caps, before multipliers) and its share before and after.
/// </summary>
/// <remarks>
/// A category's share is the absolute value of its total over the sum of the absolute totals of every category of that
/// book (deductions weigh as much as awards), so shares lie between 0 and 1 and add up to 1 (or are all 0 when nothing
/// counted). A category only one book has gets a zero total and share under the other.
/// </remarks>
/// <param name="Code">The category code.</param>
/// <param name="TotalBefore">The sum of the members' totals of the category under the current rule book.</param>
/// <param name="TotalAfter">The sum under the proposed rule book.</param>
/// <param name="ShareBefore">The category's share under the current rule book, 0 to 1.</param>
/// <param name="ShareAfter">The category's share under the proposed rule book, 0 to 1.</param>
[Immutable]
public sealed record CategoryShift(string Code, Points TotalBefore, Points TotalAfter, decimal ShareBefore, decimal ShareAfter)
{
    /// <summary><see cref="ShareAfter"/> − <see cref="ShareBefore"/>, between −1 and 1.</summary>
    public decimal ShareShift => ShareAfter - ShareBefore;
}
