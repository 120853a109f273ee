using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.Scoring;
using GridGovernance.WebSample;

namespace GridGovernance.AspNetCore.Tests;

/// <summary>Every endpoint of the sample app, from an empty database: import, points, work orders, the public views.</summary>
public sealed class SampleEndpointsTest : IDisposable
{
    private static readonly JsonSerializerOptions Json = GridGovernanceJson.CreateOptions();
    private readonly SampleFactory factory = new() { Seed = false };

    public void Dispose() => factory.Dispose();

    private static SampleCity City => SampleFactory.City;

    [Fact]
    public async Task Import_Points_WorkOrders_AndPublicViews()
    {
        // The roster goes over the wire as JSON (ids as numbers, kinds as codes, dates as ISO text) and reads back whole.
        var import = await factory.As("system:import").PostAsJsonAsync("/api/roster/import", City.Generated.Roster, Json);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        var imported = await import.Content.ReadFromJsonAsync<ImportResult>(Json);
        Assert.Equal(new ImportResult(City.Generated.Roster.Units.Count, City.Generated.Roster.Members.Count, City.Generated.Roster.Households.Count,
            City.Generated.Roster.StationedUnits.Count, City.Generated.Roster.Roles.Count), imported);

        // Declare → approve (the id bound from the route through IParsable) → publish.
        var secretary = factory.As(SampleFactory.Header(City.Secretary));
        var quarter = AssessmentPeriod.Quarter(2024, 1);
        var declarers = City.Generated.Roster.Members.Skip(1).Take(3).ToArray();
        foreach (var (member, i) in declarers.Select((m, i) => (m, i)))
        {
            var declared = await factory.As($"member:{member.Id.Value}")
                .PostAsJsonAsync("/api/points/declarations", SampleCity.Declaration(member.Id, quarter.Start.PlusDays(5 + i)), Json);
            Assert.Equal(HttpStatusCode.OK, declared.StatusCode);
            using var entry = JsonDocument.Parse(await declared.Content.ReadAsStringAsync());
            Assert.Equal("declared", entry.RootElement.GetProperty("status").GetString());
            long id = entry.RootElement.GetProperty("id").GetInt64();
            var approved = await secretary.PostAsync($"/api/points/declarations/ledger:{id}/approve", null);
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
            using var after = JsonDocument.Parse(await approved.Content.ReadAsStringAsync());
            Assert.Equal("approved", after.RootElement.GetProperty("status").GetString());
        }
        var published = await secretary.PostAsync("/api/points/publications?year=2024&quarter=1", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        var ranking = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/public/rankings/laiwu-2024/2024-Q1?top=10", Json);
        Assert.Equal(10, ranking.GetArrayLength());
        Assert.Equal(1, ranking[0].GetProperty("rank").GetInt32());
        var names = City.Generated.Roster.Members.Select(m => m.Name).ToHashSet();
        foreach (var row in ranking.EnumerateArray())
        {
            Assert.DoesNotContain(row.GetProperty("maskedName").GetString()!, names);
            Assert.Contains("*", row.GetProperty("maskedName").GetString());
        }
        Assert.DoesNotContain("member", ranking.GetRawText()); // no member ids on a public view

        // A work order from filing to close; every answer is the masked board line.
        var resident = factory.As("resident:hotline-caller-1");
        var filed = await resident.PostAsJsonAsync("/api/workorders", City.Drafts()[1], Json);
        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        var text = await filed.Content.ReadAsStringAsync();
        Assert.DoesNotContain("李秀英", text);
        Assert.DoesNotContain("13987654321", text);
        using var order = JsonDocument.Parse(text);
        long orderId = order.RootElement.GetProperty("order").GetInt64();
        Assert.Equal("filed", order.RootElement.GetProperty("status").GetString());
        var gridHead = factory.As(SampleFactory.Header(City.GridHead));
        await Step(secretary, orderId, "triage", null, "triaged");
        await Step(gridHead, orderId, "claim", null, "claimed");
        await Step(gridHead, orderId, "resolve", new { text = "photo:lamp" }, "resolved");
        await Step(resident, orderId, "rate", new { satisfied = true }, "rated");
        await Step(gridHead, orderId, "close", new { text = "办结" }, "closed");
        var fetched = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/workorders/{orderId}", Json);
        Assert.Equal("closed", fetched.GetProperty("status").GetString());

        var board = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/public/board?from=2024-05-01&to=2024-06-30", Json);
        Assert.Equal(1, board.GetArrayLength());
        Assert.Equal(orderId, board[0].GetProperty("order").GetInt64());
        Assert.Equal("2024-06-03", board[0].GetProperty("filedOn").GetString());
        Assert.True(board[0].GetProperty("satisfied").GetBoolean());
        Assert.DoesNotContain("李秀英", board.GetRawText());
    }

    private static async Task Step(HttpClient client, long order, string step, object? body, string status)
    {
        var response = body is null
            ? await client.PostAsync($"/api/workorders/{order}/{step}", null)
            : await client.PostAsJsonAsync($"/api/workorders/{order}/{step}", body, Json);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            Assert.Fail($"{step}: {(int)response.StatusCode} {text}");
        }
        using var json = JsonDocument.Parse(text);
        Assert.Equal(status, json.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Pages_AreChineseHtml()
    {
        var board = await factory.CreateClient().GetAsync("/board");
        Assert.Equal("text/html", board.Content.Headers.ContentType?.MediaType);
        Assert.Contains("公开晒单", await board.Content.ReadAsStringAsync());
        var missing = await factory.CreateClient().GetAsync("/rankings/laiwu-2024/2030-Q1");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task UnknownActor_IsAValidationProblem()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/workorders", City.Drafts()[0], Json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("actor", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Header_NamesAPost() =>
        Assert.Equal($"post:{City.Secretary.MemberId.Value}:secretary:{City.Secretary.Unit.Value}", SampleFactory.Header(City.Secretary));

    [Fact]
    public void Roles_AreOnTheRoster() =>
        Assert.Contains(City.Generated.Roster.Roles, r => r.MemberId == City.GridHead.MemberId && r.Role == RoleKind.GridHead && r.UnitId == City.Grid);

    [Fact]
    public void Posts_AreActors() => Assert.Equal(ActorKind.Post, City.Secretary.Kind);
}
