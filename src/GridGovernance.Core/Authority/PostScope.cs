namespace GridGovernance.Authority;

/// <summary>Where a post must be held, relative to the matter, for a post holder to act.</summary>
public enum PostScope
{
    /// <summary>
    /// On a unit whose jurisdiction covers the matter on the day: the unit's subtree, plus the communities a
    /// regional committee (区域党委) spans, plus — where the rule says so — a member's 双报到 community.
    /// </summary>
    Jurisdiction = 1,

    /// <summary>On the matter's own unit (e.g. the unit that claims a project for itself).</summary>
    Unit = 2,

    /// <summary>On a top-level unit of the tree (a district or city committee): matters of the whole roster.</summary>
    TopLevel = 3,
}
