using NodaTime;

namespace GridGovernance.Claims;

/// <summary>
/// A need (需求) on the need list (需求清单), raised by residents or a community: what, where, how urgent, who raised
/// it; packaged into a project (<see cref="ServiceProject"/>) for claiming.
/// </summary>
[Mutable]
public sealed class Need : AggregateRoot<NeedId>
{
    /// <summary>Records a need.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="unit">The unit whose need list it is on (the community or grid where it was raised): where the matter sits for the authority rules.</param>
    /// <param name="category">The service category code.</param>
    /// <param name="description">What is needed.</param>
    /// <param name="location">Where.</param>
    /// <param name="urgency">How urgent.</param>
    /// <param name="raisedBy">Who raised it (a community, a resident's masked name).</param>
    /// <param name="raisedOn">The day it was raised.</param>
    /// <exception cref="GridGovernanceValidationException">A value is missing.</exception>
    public Need(NeedId id, OrgUnitId unit, string category, string description, GeoPoint location, NeedUrgency urgency, string raisedBy, LocalDate raisedOn)
        : base(id)
    {
        Preconditions.CheckSpecified(id.IsSpecified, nameof(id), "id must be a real need id, not default.");
        Preconditions.CheckSpecified(unit.IsSpecified, nameof(unit), "unit must be a real unit id, not default.");
        Unit = unit;
        Category = Preconditions.CheckNotBlank(category);
        Description = Preconditions.CheckNotBlank(description);
        Location = location;
        Urgency = urgency;
        RaisedBy = Preconditions.CheckNotBlank(raisedBy);
        RaisedOn = raisedOn;
    }

    /// <summary>
    /// The unit whose need list it is on: where the matter sits for the authority rules. When that unit closes in a merge,
    /// split or close while the need is open, it is the successor (机构调整).
    /// </summary>
    public OrgUnitId Unit { get; private set; }

    /// <summary>The service category code.</summary>
    public string Category { get; }

    /// <summary>What is needed.</summary>
    public string Description { get; }

    /// <summary>Where.</summary>
    public GeoPoint Location { get; }

    /// <summary>How urgent.</summary>
    public NeedUrgency Urgency { get; }

    /// <summary>Who raised it.</summary>
    public string RaisedBy { get; }

    /// <summary>The day it was raised.</summary>
    public LocalDate RaisedOn { get; }

    /// <summary>The project it was packaged into, or <c>null</c> while it is still on the need list.</summary>
    public ProjectId? Project { get; private set; }

    /// <summary>Follows a restructure (机构调整): the successor of its closed unit keeps it on its need list.</summary>
    internal void FollowSuccessor(OrgUnitId to, LocalDate effective, string actor)
    {
        var from = Unit;
        if (from == to)
        {
            return;
        }
        Unit = to;
        Raise(new NeedFollowedSuccessor(Id, from, to, effective, actor));
    }

    internal void PackageInto(ProjectId project)
    {
        Preconditions.CheckState(Project is null, ErrorCodes.ClaimsIllegalTransition, $"{Id} is already packaged into {Project}.");
        Project = project;
    }

    // The stored form (GridGovernance.Persistence.StoredForms): every value by its contract name, and back.
    private Need(Persistence.NeedStoredForm form)
        : base(form.Id)
    {
        Unit = form.Unit;
        Category = form.Category;
        Description = form.Description;
        Location = form.Location;
        Urgency = form.Urgency;
        RaisedBy = form.RaisedBy;
        RaisedOn = form.RaisedOn;
        Project = form.Project;
    }

    /// <summary>This Need's stored form.</summary>
    internal Persistence.NeedStoredForm ToStoredForm() => new()
    {
        Id = Id,
        Unit = Unit,
        Category = Category,
        Description = Description,
        Location = Location,
        Urgency = Urgency,
        RaisedBy = RaisedBy,
        RaisedOn = RaisedOn,
        Project = Project,
    };

    /// <summary>Rebuilds a Need from its stored form (checked by <see cref="Persistence.StoredForms"/>).</summary>
    internal static Need FromStoredForm(Persistence.NeedStoredForm form) => new(form);
}
