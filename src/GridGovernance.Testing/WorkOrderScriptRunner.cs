using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.WorkOrders;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace GridGovernance.Testing;

/// <summary>
/// Runs <see cref="WorkOrderScript"/>s against the real <see cref="WorkOrderService"/>: a tiny city (one district,
/// street, community and grid, two members and one household) in the in-memory store with a fake clock, one order
/// filed by the household's resident, and two members who both hold the post of secretary (书记) of the district, so
/// every order is in their jurisdiction, the default authority table lets them give every command, and they may blow
/// the whistle. Departments report through an officer of their own (<see cref="Actor.Officer"/>); the reminder scan
/// runs as the system.
/// </summary>
/// <example>
/// <code>
/// using var runner = await WorkOrderScriptRunner.StartAsync(script);
/// var order = await runner.RunAsync(script); // asserts each step applies, or is refused and changes nothing
/// </code>
/// </example>
public sealed class WorkOrderScriptRunner : IDisposable
{
    /// <summary>The moment the order is filed: Monday 6 May 2024, 10:00 in Shanghai.</summary>
    public static Instant Start { get; } = Instant.FromUtc(2024, 5, 6, 2, 0);

    private static readonly CitySize Tiny = new("work-order-script", 1, 1, new(1, 1), new(0, 0), new(2, 2), new(1, 1), new(0, 0));

    private readonly ServiceProvider services;

    private WorkOrderScriptRunner(ServiceProvider services, FakeClock clock, GeneratedCity city, WorkOrderId order, Actor resident)
    {
        this.services = services;
        Clock = clock;
        City = city;
        Order = order;
        Resident = resident;
        Officials = [.. SecretariesOf(city).Select(r => Actor.Post(r.MemberId, r.Role, r.UnitId))];
    }

    /// <summary>The clock the services read; each step moves it on by its <see cref="WorkOrderStep.Hours"/>.</summary>
    public FakeClock Clock { get; }

    /// <summary>The tiny city the order is filed in.</summary>
    public GeneratedCity City { get; }

    /// <summary>The order the script runs on.</summary>
    public WorkOrderId Order { get; }

    /// <summary>The resident who filed the order (and rates it).</summary>
    public Actor Resident { get; }

    /// <summary>The two officials (members in the post of secretary of the district); <see cref="WorkOrderStep.Official"/> picks one.</summary>
    public IReadOnlyList<Actor> Officials { get; }

    /// <summary>The system actor of the reminder scan.</summary>
    public static Actor Scan { get; } = Actor.System("work-order-scan");

    /// <summary>Sets up the city and the services, and files the script's order.</summary>
    /// <param name="script">The script (its category and urgency are filed).</param>
    /// <param name="cancellationToken">Cancels the set-up.</param>
    public static async Task<WorkOrderScriptRunner> StartAsync(WorkOrderScript script, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        var clock = new FakeClock(Start);
        var generated = CityGenerator.Generate(Tiny, seed: 1);
        var city = generated with { Roster = generated.Roster with { Roles = [.. generated.Roster.Roles, .. MissingSecretariesOf(generated)] } };
        var services = await city.CreateServicesAsync(s => s.AddSingleton<IClock>(clock), cancellationToken).ConfigureAwait(false);
        try
        {
            var household = city.Roster.Households[0].Id;
            var resident = Actor.Resident("household-" + household.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var scope = services.CreateScope();
            var order = await scope.ServiceProvider.GetRequiredService<WorkOrderService>().FileAsync(resident, new WorkOrderDraft
            {
                Category = script.Category,
                Description = "楼道堆物，影响通行",
                Household = household,
                Urgency = script.Urgency,
                Channel = WorkOrderChannel.App,
            }, cancellationToken).ConfigureAwait(false);
            return new WorkOrderScriptRunner(services, clock, city, order.Id, resident);
        }
        catch
        {
            await services.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The order as stored now.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<WorkOrder> GetAsync(CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WorkOrderService>().GetAsync(Order, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves the clock on by the step's hours and gives its command through a fresh scope's <see cref="WorkOrderService"/>.
    /// For <see cref="WorkOrderCommand.Remind"/> the clock moves on to the order's reminder time if that is later, and
    /// the reminder scan (<see cref="WorkOrderService.SendRemindersAsync"/>) runs.
    /// </summary>
    /// <param name="step">The step.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The order after the step.</returns>
    /// <exception cref="IllegalTransitionException">The table has no row for the command in the order's state.</exception>
    /// <exception cref="GridGovernanceException">Another rule refused the command (a script's legal steps break none).</exception>
    /// <exception cref="InvalidOperationException">A reminder step found no reminder to send.</exception>
    public async Task<WorkOrder> ApplyAsync(WorkOrderStep step, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(step);
        Clock.Advance(Duration.FromHours(step.Hours));
        using var scope = services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<WorkOrderService>();
        var official = Officials[step.Official];
        var officer = Actor.Officer(step.Department, "officer-1");
        return step.Command switch
        {
            WorkOrderCommand.Triage => await service.TriageAsync(official, Order, cancellationToken).ConfigureAwait(false),
            WorkOrderCommand.Claim => await service.ClaimAsync(official, Order, cancellationToken).ConfigureAwait(false),
            WorkOrderCommand.Transfer => await service.TransferAsync(official, Order, (await service.GetAsync(Order, cancellationToken).ConfigureAwait(false)).ResponsibleUnit,
                "退回重新领单", cancellationToken).ConfigureAwait(false),
            WorkOrderCommand.Supervise => await service.SuperviseAsync(official, Order, "社区督单", cancellationToken).ConfigureAwait(false),
            WorkOrderCommand.Escalate => await service.EscalateAsync(official, Order, "本级无法解决", cancellationToken).ConfigureAwait(false),
            WorkOrderCommand.Whistle => await service.WhistleAsync(official, Order, [new DepartmentSummons(step.Department)], null, cancellationToken).ConfigureAwait(false),
            WorkOrderCommand.AcknowledgePart => await service.AcknowledgePartAsync(officer, Order, cancellationToken).ConfigureAwait(false),
            WorkOrderCommand.ResolvePart => await service.ResolvePartAsync(officer, Order, "已处置", cancellationToken).ConfigureAwait(false),
            WorkOrderCommand.Resolve => await service.ResolveAsync(official, Order, "photo:after", cancellationToken).ConfigureAwait(false),
            WorkOrderCommand.Remind => await RemindAsync(service, cancellationToken).ConfigureAwait(false),
            WorkOrderCommand.Rate => await service.RateAsync(Resident, Order, step.Satisfied, null, cancellationToken).ConfigureAwait(false),
            WorkOrderCommand.Close => await service.CloseAsync(official, Order, null, cancellationToken).ConfigureAwait(false),
            WorkOrderCommand.RecordDeliberation => await service.RecordDeliberationAsync(official, Order,
                new DeliberationRecord(Clock.GetCurrentInstant().InUtc().Date, 12, "居民议定由物业清理"), cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentException($"{step.Command} is not a step command (see WorkOrderScripts.StepCommands).", nameof(step)),
        };
    }

    /// <summary>
    /// The two posts the runner acts in: the first two members of the city, each secretary of the district (the
    /// generator may have appointed one of them already).
    /// </summary>
    private static IEnumerable<RoleDraft> SecretariesOf(GeneratedCity city) =>
        city.Roster.Members.Take(2).Select(m => new RoleDraft(m.Id, RoleKind.Secretary, city.District));

    /// <summary>The posts of <see cref="SecretariesOf"/> the generated roster does not hold yet.</summary>
    private static IEnumerable<RoleDraft> MissingSecretariesOf(GeneratedCity city) =>
        SecretariesOf(city).Where(p => !city.Roster.Roles.Any(r => r.MemberId == p.MemberId && r.Role == p.Role && r.UnitId == p.UnitId));

    private async Task<WorkOrder> RemindAsync(WorkOrderService service, CancellationToken cancellationToken)
    {
        var order = await service.GetAsync(Order, cancellationToken).ConfigureAwait(false);
        if (order.RemindAt is Instant due && due > Clock.GetCurrentInstant())
        {
            Clock.Reset(due);
        }
        var reminded = await service.SendRemindersAsync(Scan, cancellationToken).ConfigureAwait(false);
        return reminded.SingleOrDefault(o => o.Id == Order)
            ?? throw new InvalidOperationException($"The reminder scan sent no reminder for {Order} ({order.Status}, reminder {(order.RemindAt is null ? "none" : "at " + order.RemindAt)}).");
    }

    /// <summary>
    /// Runs every step and asserts the script's marks: a legal step applies; an illegal one throws
    /// <see cref="IllegalTransitionException"/> and leaves the stored order as it was (state, version, audit trail).
    /// Finally asserts the order is in <see cref="WorkOrderScript.ExpectedStatus"/>.
    /// </summary>
    /// <param name="script">The script (filed by <see cref="StartAsync"/>).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The order at the end.</returns>
    public async Task<WorkOrder> RunAsync(WorkOrderScript script, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        var order = await GetAsync(cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < script.Steps.Count; i++)
        {
            var step = script.Steps[i];
            if (step.Legal)
            {
                order = await ApplyAsync(step, cancellationToken).ConfigureAwait(false);
                continue;
            }
            var before = order;
            var refused = await Assert.ThrowsAsync<IllegalTransitionException>(() => ApplyAsync(step, cancellationToken)).ConfigureAwait(false);
            Assert.Equal((ErrorCodes.WorkOrderIllegalTransition, before.Status.ToString(), step.Command.ToString()), (refused.Code, refused.From, refused.Command));
            order = await GetAsync(cancellationToken).ConfigureAwait(false);
            Assert.Equal((before.Status, before.Version, before.Audit.Length), (order.Status, order.Version, order.Audit.Length));
        }
        Assert.Equal(script.ExpectedStatus, order.Status);
        return order;
    }

    /// <summary>Disposes the services.</summary>
    public void Dispose() => services.Dispose();
}
