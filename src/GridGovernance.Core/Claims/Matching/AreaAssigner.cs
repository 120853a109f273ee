using System.Collections.Immutable;

namespace GridGovernance.Claims.Matching;

/// <summary>
/// Area assignment (就近就便, Yibin): gives each unit one nearby service area, at most <see cref="ServiceArea.Capacity"/>
/// units per area, so that as many units as possible get an area and, among those assignments, the total distance from
/// unit to area centre is least. Exact (same solver as <see cref="ClaimMatcher"/>), deterministic, order-independent.
/// </summary>
[Immutable]
public static class AreaAssigner
{
    /// <summary>Assigns areas.</summary>
    /// <param name="units">Each unit and where it sits; ids must be distinct.</param>
    /// <param name="areas">The areas with their centres and capacities; ids must be distinct.</param>
    /// <param name="maxDistanceMetres">The farthest a unit may be sent, or <c>null</c> for no limit.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="GridGovernanceValidationException">A duplicate id, a negative capacity or a bad distance limit.</exception>
    public static AreaAssignment Assign(
        IEnumerable<KeyValuePair<OrgUnitId, GeoPoint>> units,
        IEnumerable<ServiceArea> areas,
        double? maxDistanceMetres = null,
        CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(units);
        Preconditions.CheckNotNull(areas);
        var unitArray = units.OrderBy(u => u.Key).ToArray();
        var areaArray = areas.OrderBy(a => a?.Id ?? default).ToArray();
        var problems = new List<ValidationProblem>();
        for (int i = 1; i < unitArray.Length; i++)
        {
            if (unitArray[i].Key == unitArray[i - 1].Key)
            {
                problems.Add(new ValidationProblem("Units", unitArray[i].Key.ToString(), ErrorCodes.ClaimsDuplicateId, "The unit appears more than once."));
            }
        }
        for (int i = 0; i < areaArray.Length; i++)
        {
            var area = areaArray[i];
            if (area is null || !area.Id.IsSpecified || area.Capacity < 0)
            {
                problems.Add(new ValidationProblem($"Areas[{i}]", area?.Id.ToString(), ErrorCodes.ClaimsInvalidValue, "An area needs an id and a capacity ≥ 0."));
            }
            else if (i > 0 && areaArray[i - 1]?.Id == area.Id)
            {
                problems.Add(new ValidationProblem($"Areas[{i}].Id", area.Id.ToString(), ErrorCodes.ClaimsDuplicateId, "The area appears more than once."));
            }
        }
        if (maxDistanceMetres is double limit && !(limit >= 0))
        {
            problems.Add(new ValidationProblem("MaxDistanceMetres", null, ErrorCodes.ClaimsInvalidValue, $"The distance limit must be a number of metres ≥ 0; it was {limit}."));
        }
        if (problems.Count > 0)
        {
            throw new GridGovernanceValidationException("The area assignment input", problems);
        }

        var supply = new int[unitArray.Length];
        Array.Fill(supply, 1);
        var capacity = areaArray.Select(a => a.Capacity).ToArray();
        var left = new List<int>();
        var right = new List<int>();
        var cost = new List<long>();
        for (int u = 0; u < unitArray.Length; u++)
        {
            for (int a = 0; a < areaArray.Length; a++)
            {
                double metres = unitArray[u].Value.DistanceMetresTo(areaArray[a].Centre);
                if (maxDistanceMetres is double max && metres > max)
                {
                    continue;
                }
                left.Add(u);
                right.Add(a);
                cost.Add((long)Math.Round(metres, MidpointRounding.AwayFromZero));
            }
        }
        var solution = TransportSolver.Solve(unitArray.Length, supply, areaArray.Length, capacity, left.ToArray(), right.ToArray(), cost.ToArray(), null, cancellationToken);
        var assigned = ImmutableSortedDictionary.CreateBuilder<OrgUnitId, AreaId>();
        for (int i = 0; i < left.Count; i++)
        {
            if (solution.ArcUsed[i])
            {
                assigned.Add(unitArray[left[i]].Key, areaArray[right[i]].Id);
            }
        }
        var unassigned = unitArray.Select(u => u.Key).Where(u => !assigned.ContainsKey(u)).ToImmutableArray();
        return new AreaAssignment(assigned.ToImmutable(), unassigned, solution.Cost);
    }
}
