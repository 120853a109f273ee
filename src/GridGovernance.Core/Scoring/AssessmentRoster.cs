using GridGovernance.Organisation;

namespace GridGovernance.Scoring;

/// <summary>
/// An assessment's roster in id order, in columns: a member's id, kind and branch in nine bytes, and the rare own
/// multiplier in a side table. The ids are kept as given (a subject without a branch keeps <c>default</c>). Shared by the plan and the results (the results' rows are the roster's rows), and
/// never changed once made.
/// </summary>
internal sealed class AssessmentRoster
{
    // MemberKind's values run from 0 without gaps, so "defined" is a range check (a test holds the enum to it).
    internal static readonly int KindCount = Enum.GetValues<MemberKind>().Length;

    private readonly MemberId[] ids;
    private readonly OrgUnitId[] branches;
    private readonly byte[] kinds;
    private readonly Dictionary<int, decimal>? multipliers;
    private IdMap? map;

    private AssessmentRoster(MemberId[] ids, OrgUnitId[] branches, byte[] kinds, Dictionary<int, decimal>? multipliers)
    {
        this.ids = ids;
        this.branches = branches;
        this.kinds = kinds;
        this.multipliers = multipliers;
    }

    /// <summary>Orders a roster by member id.</summary>
    /// <exception cref="GridGovernanceValidationException">A subject has no member or an undefined kind, or a member is on the roster twice.</exception>
    internal static AssessmentRoster Create(IReadOnlyList<AssessmentSubject> roster)
    {
        int count = roster.Count;
        var ids = new MemberId[count];
        var branches = new OrgUnitId[count];
        var kinds = new byte[count];
        Dictionary<int, decimal>? multipliers = null;
        int[]? order = null;
        for (int i = 1; i < count && order is null; i++)
        {
            if (roster[i].Member.Value <= roster[i - 1].Member.Value)
            {
                // Not in id order: sort positions by id (the common input, an id-ordered roster, skips this).
                var keys = new int[count];
                order = new int[count];
                for (int j = 0; j < count; j++)
                {
                    keys[j] = roster[j].Member.Value;
                    order[j] = j;
                }
                Array.Sort(keys, order);
            }
        }
        for (int row = 0; row < count; row++)
        {
            int position = order is null ? row : order[row];
            var subject = roster[position];
            if (!subject.Member.IsSpecified)
            {
                throw Preconditions.InvalidInput(nameof(roster), ErrorCodes.InvalidValue, $"roster[{position}] has no member (default MemberId); every subject must name one.");
            }
            if ((uint)subject.Kind >= (uint)KindCount)
            {
                throw Preconditions.InvalidInput(nameof(roster), ErrorCodes.UndefinedEnum, $"roster[{position}] ({subject.Member}) has member kind {(int)subject.Kind}, which is not a defined MemberKind.");
            }
            ids[row] = subject.Member;
            if (row > 0 && ids[row] == ids[row - 1])
            {
                throw Preconditions.InvalidInput(nameof(roster), ErrorCodes.DuplicateInput, $"{subject.Member} is on the roster twice; each member may be assessed once.");
            }
            branches[row] = subject.Branch;
            kinds[row] = (byte)subject.Kind;
            if (subject.Multiplier != 1m)
            {
                (multipliers ??= [])[row] = subject.Multiplier;
            }
        }
        return new AssessmentRoster(ids, branches, kinds, multipliers);
    }

    /// <summary>A roster of one, for a member assessed on their own.</summary>
    internal AssessmentRoster Row(int row) =>
        new([ids[row]], [branches[row]], [kinds[row]], multipliers is not null && multipliers.TryGetValue(row, out var own) ? new() { [0] = own } : null);

    internal int Count => ids.Length;

    internal AssessmentSubject this[int row] => new(ids[row], (MemberKind)kinds[row], branches[row]) { Multiplier = Multiplier(row) };

    internal MemberId Id(int row) => ids[row];

    internal int IdValue(int row) => ids[row].Value;

    internal MemberKind Kind(int row) => (MemberKind)kinds[row];

    internal int KindBit(int row) => 1 << kinds[row];

    internal bool HasOwnMultiplier(int row) => multipliers is not null && multipliers.ContainsKey(row);

    internal decimal Multiplier(int row) => multipliers is not null && multipliers.TryGetValue(row, out var own) ? own : 1m;

    /// <summary>Rows by id, made on first use (the columnar pass merges by id and never needs it).</summary>
    internal IdMap Map => map ??= IdMap.Create([.. ids.Select(id => id.Value)], 0, "member");
}
