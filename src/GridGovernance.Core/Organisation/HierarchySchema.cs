using System.Collections.Immutable;

namespace GridGovernance.Organisation;

/// <summary>
/// Which unit kinds exist in a city and which may sit under which (组织体系配置): the chain is configuration,
/// not code. Also says where members (组织关系) and households may be placed, which kinds are grids, the level
/// each kind stands at (<see cref="LevelOf"/>: grid, community, street or district) and which kinds may blow the
/// whistle (<see cref="MayWhistle"/>). Modules read these instead of naming kinds, so a city's own chain works in
/// every module. Presets for the chains in the case reports are in <see cref="HierarchySchemas"/>.
/// </summary>
/// <remarks>Build one with <see cref="Builder"/>; <see cref="Builder.Build"/> lists every problem at once.</remarks>
[Immutable]
public sealed class HierarchySchema
{
    private readonly ImmutableDictionary<UnitKind, ImmutableHashSet<UnitKind>> allowedParents;
    private readonly ImmutableDictionary<UnitKind, UnitLevel> levels;

    private HierarchySchema(Builder builder)
    {
        Name = builder.Name;
        Kinds = [.. builder.Kinds];
        RootKinds = [.. builder.RootKinds];
        MemberKinds = [.. builder.MemberKinds];
        HouseholdKinds = [.. builder.HouseholdKinds];
        GridKind = builder.GridKinds[0];
        GridKinds = [.. builder.GridKinds];
        allowedParents = builder.Parents.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutableHashSet());
        levels = builder.ResolvedLevels().ToImmutableDictionary();
        WhistleKinds = builder.WhistleKinds.Count > 0
            ? [.. builder.WhistleKinds]
            : [.. levels.Where(l => l.Value != UnitLevel.Grid).Select(l => l.Key)];
    }

    /// <summary>A name for people, e.g. "Laiwu".</summary>
    public string Name { get; }

    /// <summary>Every kind the schema knows.</summary>
    public ImmutableHashSet<UnitKind> Kinds { get; }

    /// <summary>Kinds that may stand without a parent (the top of the tree).</summary>
    public ImmutableHashSet<UnitKind> RootKinds { get; }

    /// <summary>Kinds that may be a member's primary branch (组织关系).</summary>
    public ImmutableHashSet<UnitKind> MemberKinds { get; }

    /// <summary>Kinds a household may be placed in.</summary>
    public ImmutableHashSet<UnitKind> HouseholdKinds { get; }

    /// <summary>The first grid kind the schema names (its main grid kind); <see cref="GridKinds"/> has them all.</summary>
    public UnitKind GridKind { get; }

    /// <summary>
    /// The kinds that count as a grid (网格) for coverage figures, household bands, contacts and work-order triage. A
    /// schema may have several: Wanshan's 5 网格党支部 and 60 网格党小组 are 65 grids. A grid unit under another grid
    /// unit is part of that grid, not a grid of its own.
    /// </summary>
    public ImmutableHashSet<UnitKind> GridKinds { get; }

    /// <summary>The kinds whose units may blow the whistle and summon departments (吹哨, "镇街吹哨、部门报到"). By
    /// default every kind at community, street (or town) and district level.</summary>
    public ImmutableHashSet<UnitKind> WhistleKinds { get; }

    /// <summary>Whether <paramref name="kind"/> is one of the <see cref="GridKinds"/>.</summary>
    /// <param name="kind">The kind.</param>
    public bool IsGrid(UnitKind kind) => GridKinds.Contains(kind);

    /// <summary>Whether units of <paramref name="kind"/> may blow the whistle (one of the <see cref="WhistleKinds"/>).</summary>
    /// <param name="kind">The kind.</param>
    public bool MayWhistle(UnitKind kind) => WhistleKinds.Contains(kind);

    /// <summary>
    /// The level <paramref name="kind"/> stands at, or <c>null</c> for a kind beside the levels (a party group that
    /// is not a grid, a regional committee, a functional branch). Grid kinds are at <see cref="UnitLevel.Grid"/>;
    /// the well-known district, street, town and community kinds at their own level unless the schema says otherwise
    /// (<see cref="Builder.Level"/>).
    /// </summary>
    /// <param name="kind">The kind.</param>
    public UnitLevel? LevelOf(UnitKind kind) => levels.TryGetValue(kind, out var level) ? level : null;

    /// <summary>The kinds at <paramref name="level"/>, in code order.</summary>
    /// <param name="level">The level.</param>
    public ImmutableArray<UnitKind> KindsAt(UnitLevel level) =>
        [.. levels.Where(l => l.Value == level).Select(l => l.Key).OrderBy(k => k.Code, StringComparer.Ordinal)];

    /// <summary>The kinds a unit of <paramref name="child"/> kind may sit under.</summary>
    /// <param name="child">The child's kind.</param>
    public IReadOnlySet<UnitKind> AllowedParentsOf(UnitKind child) =>
        allowedParents.TryGetValue(child, out var parents) ? parents : ImmutableHashSet<UnitKind>.Empty;

    /// <summary>Whether a unit of <paramref name="child"/> kind may sit under one of <paramref name="parent"/> kind.</summary>
    /// <param name="child">The child's kind.</param>
    /// <param name="parent">The parent's kind.</param>
    public bool Allows(UnitKind child, UnitKind parent) =>
        allowedParents.TryGetValue(child, out var parents) && parents.Contains(parent);

    /// <summary>Starts a schema.</summary>
    /// <param name="name">A name for people.</param>
    public static Builder CreateBuilder(string name) => new(name);

    /// <summary>Collects a schema's kinds and rules; <see cref="Build"/> checks them all at once.</summary>
    [Mutable]
    public sealed class Builder
    {
        internal Builder(string name)
        {
            Name = Preconditions.CheckNotBlank(name);
        }

        internal string Name { get; }

        internal HashSet<UnitKind> Kinds { get; } = [];

        internal HashSet<UnitKind> RootKinds { get; } = [];

        internal HashSet<UnitKind> MemberKinds { get; } = [];

        internal HashSet<UnitKind> HouseholdKinds { get; } = [];

        internal Dictionary<UnitKind, HashSet<UnitKind>> Parents { get; } = [];

        internal List<UnitKind> GridKinds { get; } = [];

        internal Dictionary<UnitKind, UnitLevel> Levels { get; } = [];

        internal List<(UnitKind Kind, UnitLevel Level)> LevelConflicts { get; } = [];

        internal HashSet<UnitKind> WhistleKinds { get; } = [];

        /// <summary>Adds a kind that may stand at the top of the tree.</summary>
        /// <param name="kind">The kind.</param>
        public Builder Root(UnitKind kind)
        {
            Kinds.Add(kind);
            RootKinds.Add(kind);
            return this;
        }

        /// <summary>Adds <paramref name="child"/> and allows it under each of <paramref name="parents"/>.</summary>
        /// <param name="child">The child kind.</param>
        /// <param name="parents">The kinds it may sit under.</param>
        public Builder Under(UnitKind child, params UnitKind[] parents)
        {
            Preconditions.CheckNotNull(parents);
            Kinds.Add(child);
            if (!Parents.TryGetValue(child, out var set))
            {
                set = [];
                Parents.Add(child, set);
            }
            set.UnionWith(parents);
            return this;
        }

        /// <summary>Allows members to have a unit of these kinds as their primary branch.</summary>
        /// <param name="kinds">The kinds.</param>
        public Builder MembersIn(params UnitKind[] kinds)
        {
            MemberKinds.UnionWith(Preconditions.CheckNotNull(kinds));
            return this;
        }

        /// <summary>Allows households to be placed in units of these kinds.</summary>
        /// <param name="kinds">The kinds.</param>
        public Builder HouseholdsIn(params UnitKind[] kinds)
        {
            HouseholdKinds.UnionWith(Preconditions.CheckNotNull(kinds));
            return this;
        }

        /// <summary>Says which kinds are grids (网格); the first one named is the schema's <see cref="HierarchySchema.GridKind"/>.</summary>
        /// <param name="kinds">The kinds (at least one over all calls).</param>
        public Builder Grid(params UnitKind[] kinds)
        {
            foreach (var kind in Preconditions.CheckNotNull(kinds))
            {
                if (!GridKinds.Contains(kind))
                {
                    GridKinds.Add(kind);
                }
            }
            return this;
        }

        /// <summary>
        /// Puts <paramref name="kinds"/> at <paramref name="level"/>. Needed only for a city's own kinds: grid kinds are
        /// at the grid level, and district, street, town and community at their own level, without being named.
        /// </summary>
        /// <param name="level">The level.</param>
        /// <param name="kinds">The kinds.</param>
        public Builder Level(UnitLevel level, params UnitKind[] kinds)
        {
            foreach (var kind in Preconditions.CheckNotNull(kinds))
            {
                if (Levels.TryGetValue(kind, out var other) && other != level)
                {
                    LevelConflicts.Add((kind, level));
                }
                Levels[kind] = level;
            }
            return this;
        }

        /// <summary>Says which kinds may blow the whistle (吹哨); without it, every kind at community, street and district level may.</summary>
        /// <param name="kinds">The kinds.</param>
        public Builder Whistles(params UnitKind[] kinds)
        {
            WhistleKinds.UnionWith(Preconditions.CheckNotNull(kinds));
            return this;
        }

        /// <summary>The level of every kind that has one: the named levels, then the grid kinds and the well-known kinds.</summary>
        internal Dictionary<UnitKind, UnitLevel> ResolvedLevels()
        {
            var resolved = new Dictionary<UnitKind, UnitLevel>(Levels);
            foreach (var grid in GridKinds)
            {
                resolved.TryAdd(grid, UnitLevel.Grid);
            }
            foreach (var (kind, level) in WellKnownLevels)
            {
                if (Kinds.Contains(kind))
                {
                    resolved.TryAdd(kind, level);
                }
            }
            return resolved;
        }

        private static readonly (UnitKind Kind, UnitLevel Level)[] WellKnownLevels =
        [
            (UnitKind.District, UnitLevel.District),
            (UnitKind.Street, UnitLevel.Street),
            (UnitKind.Town, UnitLevel.Street),
            (UnitKind.Community, UnitLevel.Community),
        ];

        /// <summary>Checks every rule and builds the schema.</summary>
        /// <exception cref="GridGovernanceValidationException">Listing every problem: no root, an unknown kind referenced, no grid kind, no member or household kinds.</exception>
        public HierarchySchema Build()
        {
            var problems = new List<ValidationProblem>();
            if (RootKinds.Count == 0)
            {
                problems.Add(new("RootKinds", null, ErrorCodes.InvalidValue, "A schema needs at least one root kind."));
            }
            foreach (var (child, parents) in Parents.OrderBy(p => p.Key.Code, StringComparer.Ordinal))
            {
                foreach (var parent in parents.Where(p => !Kinds.Contains(p)).OrderBy(p => p.Code, StringComparer.Ordinal))
                {
                    problems.Add(new("Parents", child.Code, ErrorCodes.UnknownUnitKind, $"Kind '{child}' is allowed under '{parent}', which the schema does not define."));
                }
            }
            if (GridKinds.Count == 0)
            {
                problems.Add(new("GridKind", null, ErrorCodes.InvalidValue, "A schema must say which kind is the grid."));
            }
            foreach (var grid in GridKinds.Where(k => !Kinds.Contains(k)).OrderBy(k => k.Code, StringComparer.Ordinal))
            {
                problems.Add(new("GridKind", grid.Code, ErrorCodes.UnknownUnitKind, $"The grid kind '{grid}' is not defined in the schema."));
            }
            CheckKnown(MemberKinds, "MemberKinds", problems);
            CheckKnown(HouseholdKinds, "HouseholdKinds", problems);
            foreach (var (kind, level) in Levels.Where(l => !Kinds.Contains(l.Key)).OrderBy(l => l.Key.Code, StringComparer.Ordinal))
            {
                problems.Add(new("Levels", kind.Code, ErrorCodes.UnknownUnitKind, $"The '{level}' level names '{kind}', which the schema does not define."));
            }
            foreach (var (kind, level) in LevelConflicts.Distinct().OrderBy(c => c.Kind.Code, StringComparer.Ordinal))
            {
                problems.Add(new("Levels", kind.Code, ErrorCodes.InvalidValue, $"Kind '{kind}' is put at two levels ('{level}' and another); a kind stands at one level."));
            }
            foreach (var (kind, level) in Levels.Where(l => GridKinds.Contains(l.Key) && l.Value != UnitLevel.Grid).OrderBy(l => l.Key.Code, StringComparer.Ordinal))
            {
                problems.Add(new("Levels", kind.Code, ErrorCodes.InvalidValue, $"Kind '{kind}' is a grid kind, so it stands at the grid level, not '{level}'."));
            }
            foreach (var kind in WhistleKinds.Where(k => !Kinds.Contains(k)).OrderBy(k => k.Code, StringComparer.Ordinal))
            {
                problems.Add(new("WhistleKinds", kind.Code, ErrorCodes.UnknownUnitKind, $"WhistleKinds names '{kind}', which the schema does not define."));
            }
            if (problems.Count > 0)
            {
                throw new GridGovernanceValidationException($"The hierarchy schema '{Name}'", problems);
            }
            return new HierarchySchema(this);
        }

        private void CheckKnown(HashSet<UnitKind> kinds, string field, List<ValidationProblem> problems)
        {
            if (kinds.Count == 0)
            {
                problems.Add(new(field, null, ErrorCodes.InvalidValue, $"{field} must name at least one kind."));
            }
            foreach (var kind in kinds.Where(k => !Kinds.Contains(k)).OrderBy(k => k.Code, StringComparer.Ordinal))
            {
                problems.Add(new(field, kind.Code, ErrorCodes.UnknownUnitKind, $"{field} names '{kind}', which the schema does not define."));
            }
        }
    }
}
