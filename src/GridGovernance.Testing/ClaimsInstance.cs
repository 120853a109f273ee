using System.Globalization;
using GridGovernance.Claims.Matching;

namespace GridGovernance.Testing;

/// <summary>A generated claim matching instance: the project list, the resource list and the options.</summary>
/// <param name="Name">A short description, e.g. "yibin" or "1000 units × 5000 projects".</param>
/// <param name="Projects">The open projects, shuffled (callers must not rely on order).</param>
/// <param name="Resources">The units' resources, shuffled.</param>
/// <param name="Options">The weights and distance limit.</param>
public sealed record ClaimsInstance(string Name, IReadOnlyList<ClaimableProject> Projects, IReadOnlyList<UnitResource> Resources, ClaimMatchingOptions Options)
{
    /// <summary>The instance for a person reading a counterexample: its name, and for a small one every project and unit.</summary>
    public override string ToString()
    {
        if (Projects.Count + Resources.Count > 40)
        {
            return Name;
        }
        var projects = Projects.Select(p => FormattableString.Invariant($"\n  {p.Id} {p.Category} area {p.Area.Value} needs {p.ClaimantsRequired} by {p.Deadline:yyyy-MM-dd} at {p.Location}"));
        var units = Resources.Select(r => FormattableString.Invariant(
            $"\n  {r.Unit} [{string.Join(",", r.Categories)}] capacity {r.Capacity} areas [{string.Join(",", r.Areas.Select(a => a.Value))}] {r.Availability.Start:yyyy-MM-dd}..{r.Availability.End:yyyy-MM-dd}{(r.MaxDistanceMetres is double m ? $" within {m} m" : "")} at {r.Location}"));
        string limit = Options.MaxDistanceMetres is double d ? d.ToString(CultureInfo.InvariantCulture) + " m" : "none";
        return $"{Name}; distance limit {limit}; weights [{string.Join(",", Options.CategoryWeights.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => $"{w.Key}={w.Value}"))}]"
               + string.Concat(projects) + string.Concat(units);
    }
}
