using GridGovernance.Authority;
using GridGovernance.WorkOrders;

namespace GridGovernance.Testing;

/// <summary>
/// Generates work orders deterministically from a seed: drafts filed by residents of a generated city (every
/// channel, category and urgency, with names, phone numbers and house numbers that the public board must mask, also
/// written into the description), and random command scripts for property tests and benchmarks.
/// </summary>
public static class WorkOrderGenerator
{
    /// <summary>The categories drafts use: the three the standard triage sends to the community, and three small matters.</summary>
    public static IReadOnlyList<string> Categories { get; } = ["leak", "building-safety", "dispute", "parking", "sanitation", "streetlight"];

    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
    private const string Given = "小明华丽芳军伟强磊洋艳勇杰娟涛超秀英";
    private static readonly string[] Matters = ["楼上漏水", "楼道堆物", "路灯不亮", "噪音扰民", "停车难", "垃圾清运不及时"];

    /// <summary>
    /// <paramref name="count"/> drafts for households of <paramref name="city"/>, each to be filed by a resident of the
    /// household (<see cref="FilerOf"/>); the same seed gives the same drafts.
    /// </summary>
    /// <param name="city">The city (its households are used round the roster).</param>
    /// <param name="count">How many drafts.</param>
    /// <param name="seed">The seed.</param>
    /// <exception cref="ArgumentException">The city has no households.</exception>
    public static WorkOrderDraft[] Drafts(GeneratedCity city, int count, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(city);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var households = city.Roster.Households;
        if (households.Count == 0)
        {
            throw new ArgumentException("The city has no households to file orders for.", nameof(city));
        }
        var random = new Random(seed);
        var drafts = new WorkOrderDraft[count];
        for (int i = 0; i < count; i++)
        {
            var household = households[random.Next(households.Count)];
            string name = Surnames[random.Next(Surnames.Length)] + new string([.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => Given[random.Next(Given.Length)])]);
            string phone = "1" + random.Next(3, 10) + random.NextInt64(100_000_000, 1_000_000_000);
            string house = $"{random.Next(1, 30)}号楼{random.Next(1, 6)}单元{random.Next(101, 2602)}室";
            string matter = Matters[random.Next(Matters.Length)];
            drafts[i] = new WorkOrderDraft
            {
                Category = Categories[random.Next(Categories.Count)],
                Description = $"{name}（{phone}）反映{house}{matter}",
                Household = household.Id,
                Channel = (WorkOrderChannel)random.Next(4),
                FilerName = name,
                FilerPhone = phone,
                Address = "幸福里小区" + house,
                Urgency = random.Next(10) switch { 0 => WorkOrderUrgency.Critical, < 3 => WorkOrderUrgency.Urgent, _ => WorkOrderUrgency.Routine },
            };
        }
        return drafts;
    }

    /// <summary>
    /// The resident who files (and alone may rate) a draft of <see cref="Drafts"/>: <c>Actor.Resident</c> keyed by the
    /// household's id, stored as <c>resident:&lt;household&gt;</c>.
    /// </summary>
    /// <param name="draft">A draft for a household.</param>
    /// <exception cref="ArgumentException">The draft names no household.</exception>
    public static Actor FilerOf(WorkOrderDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Household is not HouseholdId household)
        {
            throw new ArgumentException("The draft names no household, so no resident files it.", nameof(draft));
        }
        return Actor.Resident(household.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A random script of <paramref name="length"/> commands (never <see cref="WorkOrderCommand.File"/>), weighted
    /// towards the 四单 loop so that scripts often get far; many steps are refused by the transition table, which is
    /// what a property test wants to see.
    /// </summary>
    /// <param name="length">How many commands.</param>
    /// <param name="seed">The seed.</param>
    public static WorkOrderCommand[] Commands(int length, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        WorkOrderCommand[] loop = [WorkOrderCommand.Triage, WorkOrderCommand.Claim, WorkOrderCommand.Resolve, WorkOrderCommand.Rate, WorkOrderCommand.Close];
        var all = Enum.GetValues<WorkOrderCommand>().Where(c => c != WorkOrderCommand.File).ToArray();
        var random = new Random(seed);
        var commands = new WorkOrderCommand[length];
        for (int i = 0; i < length; i++)
        {
            commands[i] = random.Next(2) == 0 ? loop[Math.Min(i % 6, loop.Length - 1)] : all[random.Next(all.Length)];
        }
        return commands;
    }
}
