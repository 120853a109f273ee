using System.Collections.Immutable;
using GridGovernance.Claims.Matching;
using NodaTime;

namespace GridGovernance.Claims;

/// <summary>
/// A unit's entry on the resource list (资源清单): the categories it serves, how many projects it takes at once, where
/// it sits, the areas it serves, when it is available, the members it can send, and the projects it holds now.
/// </summary>
/// <remarks>The held projects live here so that the per-unit limit holds under concurrent claims: a claim saves the
/// project and this listing together, and a concurrent claim on either is retried on fresh state.</remarks>
[Mutable]
public sealed class ResourceListing : AggregateRoot<OrgUnitId>
{
    /// <summary>Creates the listing.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="categories">The categories it offers; at least one.</param>
    /// <param name="capacity">How many projects it may hold at once (1–2 by default in Laiwu and Yibin); ≥ 0.</param>
    /// <param name="location">Where it sits.</param>
    /// <param name="areas">The areas it serves; empty for any.</param>
    /// <param name="availability">When it is available.</param>
    /// <param name="members">The members it can send.</param>
    /// <exception cref="GridGovernanceValidationException">A value is missing or out of range.</exception>
    public ResourceListing(OrgUnitId unit, IEnumerable<string> categories, int capacity, GeoPoint location, IEnumerable<AreaId> areas, DateInterval availability, IEnumerable<MemberId> members)
        : base(unit)
    {
        Preconditions.CheckSpecified(unit.IsSpecified, nameof(unit), "unit must be a real unit id, not default.");
        Preconditions.CheckArgumentRange(nameof(capacity), capacity, 0, 1000);
        Categories = Preconditions.CheckNotNull(categories).Select(c => Preconditions.CheckNotBlank(c, nameof(categories))).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToImmutableArray();
        Preconditions.CheckArgument(Categories.Length > 0, nameof(categories), "A listing offers at least one category.");
        Capacity = capacity;
        Location = location;
        Areas = Preconditions.CheckNotNull(areas).Distinct().Order().ToImmutableArray();
        Preconditions.CheckNotNull(availability);
        AvailableFrom = availability.Start;
        AvailableTo = availability.End;
        Members = Preconditions.CheckNotNull(members).Distinct().Order().ToImmutableArray();
    }

    /// <summary>The categories it offers, in ordinal order.</summary>
    public ImmutableArray<string> Categories { get; }

    /// <summary>How many projects it may hold at once.</summary>
    public int Capacity { get; }

    /// <summary>Where it sits.</summary>
    public GeoPoint Location { get; }

    /// <summary>The areas it serves (empty: any).</summary>
    public ImmutableArray<AreaId> Areas { get; }

    /// <summary>The first day it is available.</summary>
    public LocalDate AvailableFrom { get; }

    /// <summary>The last day it is available.</summary>
    public LocalDate AvailableTo { get; }

    /// <summary>When it is available (<see cref="AvailableFrom"/> to <see cref="AvailableTo"/>).</summary>
    public DateInterval Availability => new(AvailableFrom, AvailableTo);

    /// <summary>The members it can send.</summary>
    public ImmutableArray<MemberId> Members { get; }

    /// <summary>The projects it holds now (claimed and not yet completed or failed).</summary>
    public ImmutableArray<ProjectId> Held { get; private set; } = [];

    /// <summary>Whether it may claim the project: category, area and availability on the deadline.</summary>
    /// <param name="project">The project.</param>
    public bool Qualifies(ServiceProject project) =>
        Categories.Contains(Preconditions.CheckNotNull(project).Category, StringComparer.Ordinal)
        && (Areas.IsEmpty || Areas.Contains(project.Area))
        && project.Deadline >= AvailableFrom && project.Deadline <= AvailableTo;

    /// <summary>The listing as the optimal matcher sees it, with the capacity it has left.</summary>
    public UnitResource ToUnitResource() => new(Id, Categories, Capacity - Held.Length, Location, Areas, Availability);

    internal void Hold(ProjectId project)
    {
        Preconditions.CheckState(Held.Length < Capacity, ErrorCodes.ClaimsUnitLimitReached, $"{Id} already holds {Held.Length} project(s), its limit.");
        if (!Held.Contains(project))
        {
            Held = Held.Add(project).Sort();
        }
    }

    internal void Release(ProjectId project) => Held = Held.Remove(project);

    // The stored form (GridGovernance.Persistence.StoredForms): every value by its contract name, and back.
    private ResourceListing(Persistence.ResourceListingStoredForm form)
        : base(form.Id)
    {
        Categories = form.Categories;
        Capacity = form.Capacity;
        Location = form.Location;
        Areas = form.Areas;
        AvailableFrom = form.AvailableFrom;
        AvailableTo = form.AvailableTo;
        Members = form.Members;
        Held = form.Held;
    }

    /// <summary>This ResourceListing's stored form.</summary>
    internal Persistence.ResourceListingStoredForm ToStoredForm() => new()
    {
        Id = Id,
        Categories = Categories,
        Capacity = Capacity,
        Location = Location,
        Areas = Areas,
        AvailableFrom = AvailableFrom,
        AvailableTo = AvailableTo,
        Members = Members,
        Held = Held,
    };

    /// <summary>Rebuilds a ResourceListing from its stored form (checked by <see cref="Persistence.StoredForms"/>).</summary>
    internal static ResourceListing FromStoredForm(Persistence.ResourceListingStoredForm form) => new(form);
}
