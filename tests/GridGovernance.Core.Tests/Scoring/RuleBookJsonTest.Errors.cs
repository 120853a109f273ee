using System.Text;
using System.Text.Json;
using GridGovernance.Scoring;

namespace GridGovernance.Tests.Scoring;

public sealed partial class RuleBookJsonTest
{
    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{ \"id\": }")]
    [InlineData("{ \"id\": \"a\", }")]
    [InlineData("{ \"id\": \"a\" \"name\": \"b\" }")]
    [InlineData("[1, 2")]
    [InlineData("{ 'id': 'a' }")]
    [InlineData("{ \"id\": \"a\" } trailing")]
    public void Read_MalformedJson_ThrowsTheValidationExceptionNotJsonException(string json)
    {
        var ex = Record.Exception(() => RuleBookJson.Read(json));

        var validation = Assert.IsType<GridGovernanceValidationException>(ex);
        var problem = Assert.Single(validation.Problems);
        Assert.Equal(ErrorCodes.InvalidRuleBook, validation.Code);
        Assert.Equal(ErrorCodes.InvalidRuleBook, problem.Rule);
        Assert.StartsWith("$", problem.Field);
        Assert.Contains("not well-formed JSON", problem.Message);
        Assert.IsNotAssignableFrom<JsonException>(ex);
    }

    [Fact]
    public void Read_MalformedJson_SaysWhereWithOneBasedLines()
    {
        var ex = Assert.Throws<GridGovernanceValidationException>(() => RuleBookJson.Read("{\n  \"id\": \"a\",\n}"));

        string message = Assert.Single(ex.Problems).Message;
        Assert.Contains("at line 3, byte 1", message);
        Assert.DoesNotContain("LineNumber", message);
    }

    [Fact]
    public async Task ReadAsync_MalformedJson_ThrowsTheValidationException()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes("{ \"id\": [ }"));

        var ex = await Assert.ThrowsAsync<GridGovernanceValidationException>(() => RuleBookJson.ReadAsync(stream));

        Assert.Equal(ErrorCodes.InvalidRuleBook, Assert.Single(ex.Problems).Rule);
    }

    [Fact]
    public void Read_WrongShapes_ListsEveryProblemWithItsJsonPath()
    {
        const string json = """
            {
              "id": 7,
              "version": "1",
              "name": "坏",
              "categories": [ "study", { "code": "c", "name": "c", "cap": { "limit": 1.23456, "mode": "sometimes" } } ],
              "items": [
                { "code": "x", "category": "c", "Name": "x",
                  "versions": [ { "effectiveFrom": "2024-13-01", "kind": "bonus", "points": "1", "eligibleKinds": [ "retired" ], "oncePerPeriod": "yes" } ] },
                { "code": "y", "category": "c", "name": "y", "versions": {} }
              ],
              "kindMultipliers": { "alien": 1, "mobile": "x" },
              "stars": { "bands": "x", "namedStars": [ { "code": "s", "name": "s", "criterion": { "kind": 1, "code": "c" } } ], "vetoStarCap": 1.5 },
              "cpa": 1
            }
            """;

        var ex = Assert.Throws<GridGovernanceValidationException>(() => RuleBookJson.Read(json));

        Assert.Equal(
            new[]
            {
                "$.categories[0]",
                "$.categories[1].cap.limit",
                "$.categories[1].cap.mode",
                "$.cpa",
                "$.id",
                "$.items[0].Name",
                "$.items[0].name",
                "$.items[0].versions[0].effectiveFrom",
                "$.items[0].versions[0].eligibleKinds[0]",
                "$.items[0].versions[0].kind",
                "$.items[0].versions[0].oncePerPeriod",
                "$.items[0].versions[0].points",
                "$.items[1].versions",
                "$.kindMultipliers.alien",
                "$.kindMultipliers.mobile",
                "$.stars.bands",
                "$.stars.namedStars[0].criterion.kind",
                "$.stars.vetoStarCap",
                "$.version",
            },
            ex.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.All(ex.Problems, p => Assert.Equal(ErrorCodes.InvalidRuleBook, p.Rule));
        Assert.Equal(ErrorCodes.ValidationFailed, ex.Code);
        Assert.Contains("did you mean 'name'?", Message(ex, "$.items[0].Name"));
        Assert.Contains("'bonus' is not a known item kind", Message(ex, "$.items[0].versions[0].kind"));
        Assert.Contains("\"automaticGrant\"", Message(ex, "$.items[0].versions[0].kind"));
        Assert.Contains("yyyy-MM-dd", Message(ex, "$.items[0].versions[0].effectiveFrom"));
        Assert.Contains("four decimal places", Message(ex, "$.categories[1].cap.limit"));
        Assert.Contains("no member 'cpa'", Message(ex, "$.cpa"));
    }

    [Fact]
    public void Read_MissingRequiredMembers_AreEachReported()
    {
        const string json = """{ "items": [ { "versions": [ {} ] } ], "stars": { "namedStars": [ { "criterion": {} } ], "bands": [ {} ] } }""";

        var ex = Assert.Throws<GridGovernanceValidationException>(() => RuleBookJson.ReadDefinition(json));

        Assert.Equal(
            new[]
            {
                "$.id",
                "$.items[0].category",
                "$.items[0].code",
                "$.items[0].name",
                "$.items[0].versions[0].effectiveFrom",
                "$.items[0].versions[0].kind",
                "$.name",
                "$.stars.bands[0].minimumScore",
                "$.stars.bands[0].stars",
                "$.stars.namedStars[0].code",
                "$.stars.namedStars[0].criterion.code",
                "$.stars.namedStars[0].criterion.kind",
                "$.stars.namedStars[0].name",
            },
            ex.Problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.All(ex.Problems, p => Assert.EndsWith("is required.", p.Message));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"laiwu\"")]
    [InlineData("null")]
    [InlineData("12")]
    public void Read_RootNotAnObject_IsOneProblemAtTheRoot(string json)
    {
        var ex = Assert.Throws<GridGovernanceValidationException>(() => RuleBookJson.ReadDefinition(json));

        Assert.Equal("$", Assert.Single(ex.Problems).Field);
    }

    [Fact]
    public void Read_NullMembersReadAsAbsent_ButNullElementsAreProblems()
    {
        const string json = """
            { "id": "n", "version": null, "name": "n", "categories": [ { "code": "c", "name": "c", "cap": null } ], "kindMultipliers": null,
              "stars": { "vetoStarCap": null, "bands": null } }
            """;

        var definition = RuleBookJson.ReadDefinition(json);

        Assert.Equal(1, definition.Version);
        Assert.Null(definition.Categories[0].Cap);
        Assert.Null(definition.Stars.VetoStarCap);
        Assert.Empty(definition.KindMultipliers);
        var ex = Assert.Throws<GridGovernanceValidationException>(() => RuleBookJson.ReadDefinition("""{ "id": "n", "name": "n", "categories": [ null ] }"""));
        Assert.Equal("$.categories[0]", Assert.Single(ex.Problems).Field);
    }

    [Fact]
    public void Read_CommentsAreAllowed()
    {
        const string json = """
            {
              // 莱芜区 2024
              "id": "c", /* stable */ "name": "c"
            }
            """;

        Assert.Equal("c", RuleBookJson.Read(json).Id);
    }

    [Fact]
    public void Read_EnumNamesIgnoreCase_ButNumbersAreRefused()
    {
        static string Book(string kind) => $$"""
            { "id": "e", "name": "e", "categories": [ { "code": "c", "name": "c" } ],
              "items": [ { "code": "x", "category": "c", "name": "x", "versions": [ { "effectiveFrom": "2024-01-01", "kind": {{kind}}, "points": 1 } ] } ] }
            """;

        Assert.Equal(ItemKind.Fixed, RuleBookJson.Read(Book("\"Fixed\"")).Items[0].Versions[0].Kind);
        Assert.Equal(ItemKind.Fixed, RuleBookJson.Read(Book("\"FIXED\"")).Items[0].Versions[0].Kind);
        Assert.Equal("$.items[0].versions[0].kind", Assert.Single(Assert.Throws<GridGovernanceValidationException>(() => RuleBookJson.Read(Book("0"))).Problems).Field);
        Assert.Equal("$.items[0].versions[0].kind", Assert.Single(Assert.Throws<GridGovernanceValidationException>(() => RuleBookJson.Read(Book("\"0\""))).Problems).Field);
    }

    [Fact]
    public void Read_MemberGivenTwice_IsAProblem()
    {
        var ex = Assert.Throws<GridGovernanceValidationException>(() => RuleBookJson.ReadDefinition("""{ "id": "a", "name": "a", "id": "b" }"""));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("$.id", problem.Field);
        Assert.Contains("given twice", problem.Message);
    }

    [Fact]
    public void Read_MultiplierForTheSameKindTwice_IsAProblem()
    {
        var ex = Assert.Throws<GridGovernanceValidationException>(() => RuleBookJson.ReadDefinition("""{ "id": "a", "name": "a", "kindMultipliers": { "mobile": 1, "Mobile": 2 } }"""));

        Assert.Equal("$.kindMultipliers.Mobile", Assert.Single(ex.Problems).Field);
    }

    [Theory]
    [InlineData("1.23456", "four decimal places")]
    [InlineData("\"1.25\"", "Expected a number")]
    [InlineData("1e400", "out of range")]
    [InlineData("1000000000000000", "too large")]
    public void Read_BadPoints_AreProblems(string points, string message)
    {
        string json = $$"""{ "id": "p", "name": "p", "stars": { "bands": [ { "stars": 1, "minimumScore": {{points}} } ] } }""";

        var ex = Assert.Throws<GridGovernanceValidationException>(() => RuleBookJson.ReadDefinition(json));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("$.stars.bands[0].minimumScore", problem.Field);
        Assert.Contains(message, problem.Message);
    }

    [Fact]
    public void Read_WellFormedButInvalidBook_ListsEveryRuleBookProblem()
    {
        const string json = """
            {
              "id": "invalid", "name": "无效",
              "categories": [ { "code": "c", "name": "c", "cap": { "limit": -1, "mode": "refuse" } } ],
              "items": [ { "code": "x", "category": "nowhere", "name": "x", "versions": [
                { "effectiveFrom": "2024-01-01", "kind": "tiered", "tiers": [ { "code": "county", "points": -0.5 }, { "code": "county", "points": -1 } ] } ] } ],
              "stars": { "namedStars": [ { "code": "s", "name": "s", "criterion": { "kind": "categoryTotal", "code": "ghost", "minimumTotal": 1 } } ] }
            }
            """;

        var definition = RuleBookJson.ReadDefinition(json);
        var ex = Assert.Throws<GridGovernanceValidationException>(() => RuleBookJson.Read(json));

        Assert.Equal("invalid", definition.Id);
        RuleBookTest.AssertProblems(ex,
            ("$.categories[0].cap.limit", ErrorCodes.InvalidRuleBook),
            ("$.items[0].category", ErrorCodes.UnknownReference),
            ("$.items[0].versions[0].tiers", ErrorCodes.InvalidRuleBook),
            ("$.stars.namedStars[0].criterion.code", ErrorCodes.UnknownReference));
    }

    [Fact]
    public void Read_OddMemberNames_AppearInThePathQuoted()
    {
        var ex = Assert.Throws<GridGovernanceValidationException>(() => RuleBookJson.ReadDefinition("""{ "id": "a", "name": "a", "max score": 1 }"""));

        Assert.Equal("$['max score']", Assert.Single(ex.Problems).Field);
    }

    private static string Message(GridGovernanceValidationException ex, string field) => ex.Problems.Single(p => p.Field == field).Message;
}
