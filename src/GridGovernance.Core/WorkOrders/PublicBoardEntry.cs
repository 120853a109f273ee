using System.Collections.Immutable;
using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>
/// One line of the public board (公开晒单): what was asked, where, by whom (masked), who handled it and how it ended.
/// Personal data is masked by the library (<see cref="PersonalDataMasking"/>); free text (the description, evidence,
/// comments, notes) is never on the board, because a resident's words may carry names, phone numbers or door numbers.
/// </summary>
/// <param name="Order">The order.</param>
/// <param name="Category">The category code from the triage policy's allow-list (<see cref="TriagePolicy.Categories"/>), or
/// <see cref="TriagePolicy.OtherCategory"/> for a category not on it; never the filer's text.</param>
/// <param name="Channel">How it came in.</param>
/// <param name="UnitName">The name of the unit where it happened (a grid or community name, without invisible characters), or its id
/// when the name is unknown.</param>
/// <param name="Place">The address masked by <see cref="PersonalDataMasking.MaskAddress"/> (no building or door numbers), or empty.</param>
/// <param name="FiledBy">The filer's name masked by <see cref="PersonalDataMasking.MaskName"/> (<c>张*明</c>), or empty.</param>
/// <param name="Phone">The filer's phone masked by <see cref="PersonalDataMasking.MaskPhone"/> (<c>138****1234</c>), or empty.</param>
/// <param name="FiledOn">The day it was filed.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Level">The level that handled it.</param>
/// <param name="Departments">The departments summoned (吹哨报到), in summons order: each code, or <see cref="TriagePolicy.OtherCategory"/>
/// for a name that is not a code.</param>
/// <param name="ResolvedOn">The day of the latest resolution, or <c>null</c>.</param>
/// <param name="ClosedOn">The day it was closed, or <c>null</c>.</param>
/// <param name="Satisfied">The resident's last rating, or <c>null</c>.</param>
/// <param name="WithinLimit">Whether it was resolved within its limit (<c>null</c> while unresolved or without a limit).</param>
/// <param name="Reopens">How many times it was reopened.</param>
[Immutable]
public sealed record PublicBoardEntry(
    WorkOrderId Order, string Category, WorkOrderChannel Channel, string UnitName, string Place, string FiledBy, string Phone, LocalDate FiledOn,
    WorkOrderStatus Status, HandlingLevel Level, ImmutableArray<string> Departments, LocalDate? ResolvedOn, LocalDate? ClosedOn, bool? Satisfied,
    bool? WithinLimit, int Reopens)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Order} {FiledOn:yyyy-MM-dd} {UnitName} {Place} {Category} {FiledBy} {Phone} → {Status}"
        + (Departments.IsEmpty ? "" : " [" + string.Join(", ", Departments) + "]")
        + (Satisfied is bool s ? (s ? " 满意" : " 不满意") : "");
}
