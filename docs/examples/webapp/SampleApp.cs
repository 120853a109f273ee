using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using GridGovernance.AspNetCore;
using GridGovernance.Authority;
using GridGovernance.EntityFrameworkCore;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Rankings;
using GridGovernance.WorkOrders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NodaTime;

namespace GridGovernance.WebSample;

/// <summary>
/// The sample web app: a generated community (社区) on SQLite, a JSON API for the roster import, points
/// (declare → approve → publish) and work orders, the package's read-only public endpoints, health checks, the
/// work-order scheduler, and two HTML pages in Chinese: the public board (公开晒单, <c>/board</c>) and a ranking
/// (排名晾晒, <c>/rankings/{ruleBook}/{period}</c>), both showing masked names only.
/// </summary>
/// <remarks>
/// Who acts is read from the <c>X-Actor</c> header (<c>post:17:secretary:3</c>, <c>member:17</c>, <c>resident:key</c>,
/// <c>officer:department:id</c>, <c>system:name</c>). That is a sample's stand-in for authentication, not a way to run
/// an app: a real app makes the <see cref="Actor"/> from its signed-in user. Every command still goes through the
/// library's authority policy, so a post that may not do something gets a 403 problem.
/// </remarks>
public static class SampleApp
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly Lazy<RuleBook> LaiwuRuleBook = new(() =>
    {
        using var stream = typeof(SampleApp).Assembly.GetManifestResourceStream("laiwu-rulebook.json")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return RuleBookJson.Read(reader.ReadToEnd());
    });

    /// <summary>The Laiwu rule book (laiwu-rulebook.json) the points endpoints use.</summary>
    public static RuleBook RuleBook => LaiwuRuleBook.Value;

    /// <summary>The generated community the sample imports, with the posts its demo actors hold.</summary>
    public static SampleCity City { get; } = SampleCity.Create();

    /// <summary>
    /// Builds the app: SQLite at configuration key <c>db</c> (<c>--db path</c>; default <c>gridgovernance-web.db</c> in the
    /// temporary folder), migrated at start; <c>seed=true</c> (<c>--seed true</c>) imports and runs the demo when the
    /// database is empty.
    /// </summary>
    /// <param name="args">The command line.</param>
    /// <param name="configure">Changes the builder before it is built (tests replace the clock here), or null.</param>
    /// <returns>The app, migrated and seeded, not yet running.</returns>
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var database = builder.Configuration["db"] ?? Path.Combine(Path.GetTempPath(), "gridgovernance-web.db");
        builder.Services.AddGridGovernanceEntityFrameworkCore(o => o.UseSqlite($"Data Source={database}"));
        builder.Services.AddGridGovernance(o => o.Schema = City.Generated.Schema);
        builder.Services.AddGridGovernanceAspNetCore(builder.Configuration);
        builder.Services.AddGridGovernanceWorkOrderScheduler();
        builder.Services.AddHealthChecks().AddGridGovernanceChecks();
        configure?.Invoke(builder);

        var app = builder.Build();
        await GridGovernanceDatabase.MigrateAsync(app.Services);
        if (builder.Configuration.GetValue("seed", false))
        {
            await SeedAsync(app.Services);
        }
        Map(app);
        return app;
    }

    /// <summary>Maps every endpoint of the sample (the tests call it through <see cref="BuildAsync"/>).</summary>
    /// <param name="app">The app.</param>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        var api = app.MapGroup("/api");
        api.MapPost("/roster/import", async (HttpContext http, OrganisationService organisation, RosterBatch roster, string? date) =>
            Results.Ok(await organisation.ImportAsync(ActorOf(http), roster, ReadDate(date, nameof(date)) ?? City.Generated.Date)));

        api.MapPost("/points/declarations", async (HttpContext http, PointsLedgerService ledger, LedgerEntryRequest request) =>
        {
            var entry = await ledger.DeclareAsync(ActorOf(http), RuleBook, request);
            return Results.Ok(new LedgerEntryView(entry.Id, entry.Member, entry.Status, entry.Points));
        });
        api.MapPost("/points/declarations/{id}/approve", async (HttpContext http, PointsLedgerService ledger, LedgerEntryId id) =>
        {
            var entry = await ledger.ApproveAsync(ActorOf(http), RuleBook, id);
            return Results.Ok(new LedgerEntryView(entry.Id, entry.Member, entry.Status, entry.Points));
        });
        api.MapPost("/points/publications", async (HttpContext http, IServiceProvider services, int year, int quarter) =>
        {
            var publication = await PublishAsync(services, ActorOf(http), AssessmentPeriod.Quarter(year, quarter));
            return Results.Ok(new { id = publication.Id.ToString(), ruleBook = publication.Id.RuleBookId, period = publication.Id.PeriodLabel, publication.WindowClosesOn });
        });

        api.MapPost("/workorders", async (HttpContext http, WorkOrderService orders, WorkOrderDraft draft) =>
            Results.Ok(Masked(await orders.FileAsync(ActorOf(http), draft), orders)));
        api.MapGet("/workorders/{id}", async (WorkOrderService orders, WorkOrderId id) => Results.Ok(Masked(await orders.GetAsync(id), orders)));
        api.MapPost("/workorders/{id}/{step}", async (HttpContext http, WorkOrderService orders, WorkOrderId id, string step, StepBody? body) =>
        {
            var actor = ActorOf(http);
            var order = step switch
            {
                "triage" => await orders.TriageAsync(actor, id),
                "claim" => await orders.ClaimAsync(actor, id),
                "resolve" => await orders.ResolveAsync(actor, id, body?.Text ?? ""),
                "rate" => await orders.RateAsync(actor, id, body?.Satisfied ?? true, body?.Text),
                "close" => await orders.CloseAsync(actor, id, body?.Text),
                _ => throw new GridGovernanceValidationException("The step",
                    [new ValidationProblem(nameof(step), null, ErrorCodes.InvalidValue, "step must be triage, claim, resolve, rate or close.")]),
            };
            return Results.Ok(Masked(order, orders));
        });

        app.MapGridGovernancePublicBoard("/api/public/board");
        app.MapGridGovernanceRankings("/api/public/rankings");
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealthAsync });

        app.MapGet("/", () => Results.Redirect("/board"));
        app.MapGet("/board", async (WorkOrderService orders, string? from, string? to) =>
            Results.Content(BoardPage(await PublicViews.BoardAsync(orders, from, to)), "text/html; charset=utf-8"));
        app.MapGet("/rankings/{ruleBook}/{period}", async (PeriodPublicationService publications, IReadRepository<Member> members, string ruleBook, string period) =>
            Results.Content(RankingPage(ruleBook, period, await PublicViews.RankingAsync(publications, members, ruleBook, period, null)), "text/html; charset=utf-8"));
    }

    /// <summary>
    /// The demo, through the same services the endpoints call: imports <see cref="City"/>, has five members declare a
    /// volunteer activity in 2024-Q1 that the top-level secretary approves, publishes 2024-Q1, and files three work
    /// orders with raw names, phones and house numbers (which the public pages must mask).
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <returns>A task.</returns>
    public static async Task SeedAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using (var scope = services.CreateAsyncScope())
        {
            var units = scope.ServiceProvider.GetRequiredService<IReadRepository<OrgUnit>>();
            if (await units.AnyAsync(Specifications.Specification.All<OrgUnit>()))
            {
                return;
            }
            await scope.ServiceProvider.GetRequiredService<OrganisationService>().ImportAsync(Actor.System("import"), City.Generated.Roster, City.Generated.Date);
        }
        var quarter = AssessmentPeriod.Quarter(2024, 1);
        foreach (var (member, i) in City.Generated.Roster.Members.Skip(1).Take(5).Select((m, i) => (m, i)))
        {
            await using var scope = services.CreateAsyncScope();
            var ledger = scope.ServiceProvider.GetRequiredService<PointsLedgerService>();
            var entry = await ledger.DeclareAsync(Actor.Member(member.Id), RuleBook, SampleCity.Declaration(member.Id, quarter.Start.PlusDays(10 + i)));
            await ledger.ApproveAsync(City.Secretary, RuleBook, entry.Id);
        }
        await PublishAsync(services, City.Secretary, quarter);
        foreach (var draft in City.Drafts())
        {
            await using var scope = services.CreateAsyncScope();
            var orders = scope.ServiceProvider.GetRequiredService<WorkOrderService>();
            var order = await orders.FileAsync(City.Resident, draft);
            await orders.TriageAsync(City.Secretary, order.Id);
        }
    }

    private static async Task<PeriodPublication> PublishAsync(IServiceProvider services, Actor actor, AssessmentPeriod period)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var members = await provider.GetRequiredService<IReadRepository<Member>>().ListAsync();
        var roster = members.Select(m => new AssessmentSubject(m.Id, m.Kind, m.BranchId)).ToArray();
        var entries = await provider.GetRequiredService<LedgerExportService>().ExportForAssessmentAsync(RuleBook, period);
        var result = AssessmentEngine.Assess(RuleBook, period, roster, AssessmentEntryColumns.From(entries));
        return await provider.GetRequiredService<PeriodPublicationService>().PublishAsync(actor, result, 5, WorkingDayCalendar.WeekendsOnly);
    }

    private static PublicBoardEntry Masked(WorkOrder order, WorkOrderService orders) =>
        PublicBoard.Entry(order, DateTimeZoneProviders.Tzdb["Asia/Shanghai"], null, orders.Policy.Triage);

    /// <summary>
    /// The actor of a request, from the <c>X-Actor</c> header (see the remarks on <see cref="SampleApp"/>); a missing or
    /// malformed header is a validation problem (400).
    /// </summary>
    /// <param name="http">The request.</param>
    /// <returns>The actor.</returns>
    public static Actor ActorOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        string text = http.Request.Headers["X-Actor"].ToString();
        var parts = text.Split(':');
        Actor? actor = parts switch
        {
            ["post", var m, var role, var unit] when MemberId.TryParse(m, null, out var id) && RoleKind.TryParse(role, null, out var r) && OrgUnitId.TryParse(unit, null, out var u)
                => Actor.Post(id, r, u),
            ["member", var m] when MemberId.TryParse(m, null, out var id) => Actor.Member(id),
            ["resident", var key] when key.Length > 0 => Actor.Resident(key),
            ["officer", var department, var officer] when department.Length > 0 && officer.Length > 0 => Actor.Officer(department, officer),
            ["system", var process] when process.Length > 0 => Actor.System(process),
            _ => null,
        };
        return actor ?? throw new GridGovernanceValidationException("The request",
            [new ValidationProblem("actor", null, ErrorCodes.InvalidValue, "The X-Actor header names who acts: post:17:secretary:3, member:17, resident:key, officer:department:id or system:name.")]);
    }

    private static LocalDate? ReadDate(string? text, string field)
    {
        if (text is null)
        {
            return null;
        }
        var parsed = NodaTime.Text.LocalDatePattern.Iso.Parse(text);
        return parsed.Success ? parsed.Value : throw new GridGovernanceValidationException("The request",
            [new ValidationProblem(field, null, ErrorCodes.InvalidValue, $"{field} must be an ISO date such as 2024-01-01.")]);
    }

    private static string BoardPage(ImmutableArray<PublicBoardEntry> entries)
    {
        var rows = new StringBuilder();
        foreach (var e in entries)
        {
            rows.Append("<tr class=\"entry\">")
                .Append(Cell(e.Order.ToString("N", CultureInfo.InvariantCulture))).Append(Cell(e.FiledOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
                .Append(Cell(e.UnitName)).Append(Cell(e.Place)).Append(Cell(e.Category)).Append(Cell(e.FiledBy)).Append(Cell(e.Phone))
                .Append(Cell(StatusText(e.Status))).Append(Cell(e.Satisfied is bool s ? (s ? "满意" : "不满意") : "—"))
                .Append("</tr>\n");
        }
        return Page("公开晒单", $"""
            <h1>公开晒单</h1>
            <p>群众诉求办理情况公示（姓名、电话、门牌号已脱敏）。共 {entries.Length} 件。</p>
            <table id="board">
            <thead><tr><th>编号</th><th>受理日期</th><th>网格</th><th>地点</th><th>类别</th><th>诉求人</th><th>电话</th><th>状态</th><th>评价</th></tr></thead>
            <tbody>
            {rows}</tbody>
            </table>
            """);
    }

    private static string RankingPage(string ruleBook, string period, ImmutableArray<PublicRankingRow> rows)
    {
        var body = new StringBuilder();
        foreach (var row in rows)
        {
            body.Append("<tr class=\"row\">").Append(Cell(row.Rank.ToString(CultureInfo.InvariantCulture))).Append(Cell(row.MaskedName))
                .Append(Cell(row.Score.ToString())).Append("</tr>\n");
        }
        return Page("积分排名", $"""
            <h1>党员积分排名</h1>
            <p>细则 {Html.Encode(ruleBook)}，周期 {Html.Encode(period)}（姓名已脱敏）。</p>
            <table id="ranking">
            <thead><tr><th>名次</th><th>姓名</th><th>积分</th></tr></thead>
            <tbody>
            {body}</tbody>
            </table>
            """);
    }

    private static string Page(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><title>{Html.Encode(title)}</title>
        <style>body{"{"}font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em{"}"} table{"{"}border-collapse:collapse{"}"} td,th{"{"}border:1px solid #999;padding:.3em .6em{"}"}</style>
        </head>
        <body>
        {body}
        </body>
        </html>
        """;

    private static string Cell(string text) => "<td>" + Html.Encode(text) + "</td>";

    private static string StatusText(WorkOrderStatus status) => status switch
    {
        WorkOrderStatus.Filed => "已受理",
        WorkOrderStatus.Triaged => "已分流",
        WorkOrderStatus.Closed => "已办结",
        _ => status.ToString(),
    };

    private static Task WriteHealthAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description, data = e.Value.Data }),
        };
        return http.Response.WriteAsJsonAsync(body);
    }

    /// <summary>What the points endpoints return of a ledger entry.</summary>
    /// <param name="Id">The entry.</param>
    /// <param name="Member">Whose it is.</param>
    /// <param name="Status">Its review state.</param>
    /// <param name="Value">Its points.</param>
    public sealed record LedgerEntryView(LedgerEntryId Id, MemberId Member, LedgerEntryStatus Status, Points Value);

    /// <summary>The body of a work-order step: evidence, a note or a comment, and a rating.</summary>
    /// <param name="Text">The evidence, note or comment.</param>
    /// <param name="Satisfied">For <c>rate</c>: whether the resident is satisfied.</param>
    public sealed record StepBody(string? Text, bool? Satisfied);
}
