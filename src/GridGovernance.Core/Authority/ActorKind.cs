namespace GridGovernance.Authority;

/// <summary>The kinds of <see cref="Actor"/>: who may stand behind a command.</summary>
public enum ActorKind
{
    /// <summary>A party member acting in a post (岗位): a role held on a unit on the day, e.g. the secretary (书记) of a grid branch.</summary>
    Post = 1,

    /// <summary>A party member acting in person on their own matter: declaring their own points, redeeming from their own account.</summary>
    Member = 2,

    /// <summary>An officer of a department (职能部门) acting for it when it is summoned (吹哨报到).</summary>
    DepartmentOfficer = 3,

    /// <summary>A resident (群众) known by the integrator's filer key: files and rates their own orders.</summary>
    Resident = 4,

    /// <summary>The system itself: automatic records, scheduled reminders and escalation.</summary>
    System = 5,
}
