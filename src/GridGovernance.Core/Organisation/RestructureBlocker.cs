namespace GridGovernance.Organisation;

/// <summary>A piece of open work that keeps a restructure from happening: it is bound to a closing unit and cannot be carried.</summary>
/// <param name="Work">The work, named by a stable label (<c>workorder:17</c>, <c>stationed-unit:5</c>); never personal data.</param>
/// <param name="Unit">The closing unit it is bound to.</param>
/// <param name="Reason">Why it cannot be carried (for people).</param>
[Immutable]
public sealed record RestructureBlocker(string Work, OrgUnitId Unit, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Work} at {Unit}: {Reason}";
}
