using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GridGovernance.Scoring.Ledger;
using GridGovernance.WebSample;

namespace GridGovernance.AspNetCore.Tests;

/// <summary>Each error kind through the sample app's exception handler: status, code, kind, camelCase paths (RFC 9457).</summary>
public sealed class ProblemDetailsTest : IClassFixture<SeededSample>
{
    private static readonly JsonSerializerOptions Json = GridGovernanceJson.CreateOptions();
    private readonly SampleFactory factory;

    public ProblemDetailsTest(SeededSample sample) => factory = sample.Factory;

    private static SampleCity City => SampleFactory.City;

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status, string code, string kind)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal(kind, problem.GetProperty("kind").GetString());
        Assert.Equal("urn:gridgovernance:error:" + code, problem.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        return problem;
    }

    [Fact]
    public async Task Invalid_Is400_WithCamelCaseJsonPaths()
    {
        var draft = new { category = "leak", description = "漏水", channel = "app" }; // neither a unit nor a household
        var response = await factory.As("resident:r1").PostAsJsonAsync("/api/workorders", draft);
        var problem = await Problem(response, HttpStatusCode.BadRequest, "value.invalid", "invalid");
        var errors = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains("draft.unit", errors);
        var first = problem.GetProperty("problems")[0];
        Assert.Equal("draft.unit", first.GetProperty("path").GetString());
        Assert.Equal("value.invalid", first.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task InvalidDate_OnThePublicBoard_Is400()
    {
        var response = await factory.CreateClient().GetAsync("/api/public/board?from=2024-13-01");
        var problem = await Problem(response, HttpStatusCode.BadRequest, "value.invalid", "invalid");
        Assert.Contains("from", problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        await Problem(await factory.CreateClient().GetAsync("/api/public/board?from=2024-06-02&to=2024-06-01"),
            HttpStatusCode.BadRequest, "input.reversed-range", "invalid");
        await Problem(await factory.CreateClient().GetAsync("/api/public/rankings/laiwu-2024/2024-Q1?top=0"),
            HttpStatusCode.BadRequest, "input.out-of-range", "invalid");
    }

    [Fact]
    public async Task NotFound_Is404() =>
        await Problem(await factory.CreateClient().GetAsync("/api/workorders/99999"), HttpStatusCode.NotFound, "storage.not-found", "not-found");

    [Fact]
    public async Task UnpublishedRanking_Is404() =>
        await Problem(await factory.CreateClient().GetAsync("/api/public/rankings/laiwu-2024/2023-Q4"), HttpStatusCode.NotFound, "storage.not-found", "not-found");

    [Fact]
    public async Task Forbidden_Is403()
    {
        // Claiming is a step order 1 may take (it is triaged), but not a resident's.
        var response = await factory.As("resident:r1").PostAsync("/api/workorders/1/claim", null);
        await Problem(response, HttpStatusCode.Forbidden, "workorders.forbidden", "forbidden");
    }

    [Fact]
    public async Task Conflict_Is409()
    {
        // The seed published 2024-Q1 already.
        var response = await factory.As(SampleFactory.Header(City.Secretary)).PostAsync("/api/points/publications?year=2024&quarter=1", null);
        await Problem(response, HttpStatusCode.Conflict, ErrorCodes.PeriodAlreadyPublished, "conflict");
    }

    [Fact]
    public async Task Precondition_Is409()
    {
        // Order 3 of the seed is triaged, not resolved: rating it is outside the transition table.
        var response = await factory.As("resident:hotline-caller-1").PostAsJsonAsync("/api/workorders/3/rate", new { satisfied = true });
        var problem = await Problem(response, HttpStatusCode.Conflict, ErrorCodes.WorkOrderIllegalTransition, "precondition");
        Assert.DoesNotContain("王小明", problem.GetRawText());
    }

    [Fact]
    public async Task RouteIds_AreParsed_NotZero()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.CreateClient().GetAsync("/api/workorders/0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await factory.CreateClient().GetAsync("/api/workorders/member:1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/api/workorders/workorder:1")).StatusCode);
    }

    [Theory]
    [InlineData(ErrorKind.Invalid, 400)]
    [InlineData(ErrorKind.NotFound, 404)]
    [InlineData(ErrorKind.Conflict, 409)]
    [InlineData(ErrorKind.Forbidden, 403)]
    [InlineData(ErrorKind.Precondition, 409)]
    [InlineData(ErrorKind.Unknown, 500)]
    public void StatusCodeOf_Defaults(ErrorKind kind, int status) => Assert.Equal(status, GridGovernanceProblemDetails.StatusCodeOf(kind));

    [Fact]
    public void StatusCodeOf_TheTwoChoices()
    {
        var options = new GridGovernanceHttpOptions { InvalidStatusCode = 422, PreconditionStatusCode = 412 };
        Assert.Equal(422, GridGovernanceProblemDetails.StatusCodeOf(ErrorKind.Invalid, options));
        Assert.Equal(412, GridGovernanceProblemDetails.StatusCodeOf(ErrorKind.Precondition, options));
    }

    [Fact]
    public void EveryCode_HasAStatusBelow500()
    {
        foreach (var (code, kind) in ErrorCodes.Kinds)
        {
            var problem = GridGovernanceProblemDetails.Create(new GridGovernanceException(code, "x"));
            Assert.True(problem.Status is >= 400 and < 500, $"{code} ({kind}) gives {problem.Status}");
            Assert.Equal(code, problem.Extensions["code"]);
        }
    }

    [Fact]
    public void ConcurrencyConflict_IsAConflict() =>
        Assert.Equal(409, GridGovernanceProblemDetails.Create(new ConcurrencyException("WorkOrder", 1, 2, 3)).Status);

    [Fact]
    public void Publication_IdIsARecord() => Assert.Equal("publication:laiwu-2024/2024-Q1", new PeriodPublicationId("laiwu-2024", "2024-Q1").ToString());
}
