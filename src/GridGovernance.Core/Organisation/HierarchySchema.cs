using System.Collections.Immutable;

namespace GridGovernance.Organisation;

/// <summary>
/// Which unit kinds exist in a city and which may sit under which (组织体系配置): the chain is configuration,
/// not code. Also says where members (组织关系) and households may be placed, and which kind is the grid.
/// Presets for the chains in the case reports are in <see cref="HierarchySchemas"/>.
/// </summary>
/// <remarks>Build one with <see cref="Builder"/>; <see cref="Builder.Build"/> lists every problem at once.</remarks>
[Immutable]
public sealed class HierarchySchema
{
    private readonly ImmutableDictionary<UnitKind, ImmutableHashSet<UnitKind>> allowedParents;

    private HierarchySchema(Builder builder)
    {
        Name = builder.Name;
        Kinds = [.. builder.Kinds];
        RootKinds = [.. builder.RootKinds];
        MemberKinds = [.. builder.MemberKinds];
        HouseholdKinds = [.. builder.HouseholdKinds];
        GridKind = builder.GridKind!.Value;
        allowedParents = builder.Parents.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutableHashSet());
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

    /// <summary>The kind that counts as a grid (网格) for coverage figures and household bands.</summary>
    public UnitKind GridKind { get; }

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

        internal UnitKind? GridKind { get; private set; }

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

        /// <summary>Says which kind is the grid (网格).</summary>
        /// <param name="kind">The kind.</param>
        public Builder Grid(UnitKind kind)
        {
            GridKind = kind;
            return this;
        }

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
            if (GridKind is null)
            {
                problems.Add(new("GridKind", null, ErrorCodes.InvalidValue, "A schema must say which kind is the grid."));
            }
            else if (!Kinds.Contains(GridKind.Value))
            {
                problems.Add(new("GridKind", GridKind.Value.Code, ErrorCodes.UnknownUnitKind, $"The grid kind '{GridKind}' is not defined in the schema."));
            }
            CheckKnown(MemberKinds, "MemberKinds", problems);
            CheckKnown(HouseholdKinds, "HouseholdKinds", problems);
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
