using GridGovernance.Organisation;
using GridGovernance.Scoring;
using NodaTime;

namespace GridGovernance.Tests.Scoring;

/// <summary>Hostile rule-book JSON (issue 14): ranges refused at load with JSON paths, lone surrogates and refused characters as validation errors.</summary>
public sealed partial class RuleBookJsonTest
{
    private static string BookWith(string multipliers = "", string cap = "", string name = "b") => $$"""
        {
          "id": "b", "name": "{{name}}",
          "categories": [ { "code": "c0", "name": "c0" }, { "code": "c1", "name": "c1"{{cap}} } ],
          "items": [ { "code": "i", "category": "c0", "name": "i", "versions": [ { "effectiveFrom": "2024-01-01", "kind": "fixed", "points": 1 } ] } ]
          {{multipliers}}
        }
        """;

    [Theory]
    [InlineData("9.9999", false)]
    [InlineData("10", false)]
    [InlineData("10.0001", true)]
    [InlineData("1e20", true)]
    public void Read_AKindMultiplierAboveTheLimit_IsRefusedAtLoad_WithItsJsonPath(string multiplier, bool refused)
    {
        string json = BookWith($$""", "kindMultipliers": { "inService": {{multiplier}} }""");

        if (!refused)
        {
            var book = RuleBookJson.Read(json);
            Assert.Equal(decimal.Parse(multiplier, System.Globalization.CultureInfo.InvariantCulture), book.MultiplierFor(MemberKind.InService));
            return;
        }
        var e = Assert.Throws<GridGovernanceValidationException>(() => RuleBookJson.Read(json));
        var problem = Assert.Single(e.Problems);
        Assert.Equal(("$.kindMultipliers.inService", ErrorCodes.OutOfRange), (problem.Field, problem.Rule));
    }

    [Fact]
    public void Assess_WithTheLargestMultiplier_DoesNotOverflow()
    {
        var book = RuleBookJson.Read(BookWith($$""", "kindMultipliers": { "inService": 10 }"""));
        var roster = new[] { new AssessmentSubject(new MemberId(1), MemberKind.InService, new OrgUnitId(1000)) };
        var entries = new[] { new AssessmentEntry(new MemberId(1), 0, new LocalDate(2024, 3, 1), 1) };

        var result = AssessmentEngine.Assess(book, AssessmentPeriod.Year(2024), roster, entries);

        Assert.Equal(Points.From(10), result.Members.Single().Score);
    }

    [Theory]
    [InlineData("99999999", false)]
    [InlineData("100000000", false)]
    [InlineData("100000000.0001", true)]
    public void Read_ACapAboveTheLimit_IsReportedAtTheJsonPath_NotTheCSharpPath(string limit, bool refused)
    {
        string json = BookWith(cap: $$""", "cap": { "limit": {{limit}} }""");

        if (!refused)
        {
            Assert.NotNull(RuleBookJson.Read(json).Categories[1].Cap);
            return;
        }
        var e = Assert.Throws<GridGovernanceValidationException>(() => RuleBookJson.Read(json));
        Assert.Equal(("$.categories[1].cap.limit", ErrorCodes.OutOfRange), (Assert.Single(e.Problems).Field, e.Problems[0].Rule));
    }

    [Fact]
    public void Read_ALoneSurrogate_IsAValidationError_NotAnArgumentException()
    {
        var raw = Record.Exception(() => RuleBookJson.Read(BookWith(name: "bad\uD800name")));
        var escaped = Record.Exception(() => RuleBookJson.Read(BookWith(name: "bad\\ud800name")));
        var inAName = Record.Exception(() => RuleBookJson.Read(BookWith().Replace("\"id\"", "\"i\\udc00d\"", StringComparison.Ordinal)));

        Assert.Equal(ErrorCodes.ForbiddenCharacter, Assert.IsType<GridGovernanceValidationException>(raw).Code);
        Assert.Equal(("$.name", ErrorCodes.ForbiddenCharacter), (Assert.Single(Assert.IsType<GridGovernanceValidationException>(escaped).Problems).Field, ((GridGovernanceValidationException)escaped).Code));
        Assert.Contains(Assert.IsType<GridGovernanceValidationException>(inAName).Problems, p => p.Rule == ErrorCodes.ForbiddenCharacter && p.Field == "$");
    }

    [Theory]
    [InlineData("\\u0000")]
    [InlineData("\\u202e")]
    [InlineData("\\u200b")]
    [InlineData("\\ufeff")]
    [InlineData("\\n")]
    public void Read_ARefusedCharacterInAString_IsReportedAtItsPath(string escaped)
    {
        var e = Assert.Throws<GridGovernanceValidationException>(() => RuleBookJson.Read(BookWith(name: "a" + escaped + "b")));

        Assert.Equal(("$.name", ErrorCodes.ForbiddenCharacter), (Assert.Single(e.Problems).Field, e.Problems[0].Rule));
    }

    [Fact]
    public void Read_ACodeLongerThanTheKeyLimit_IsReportedAtItsJsonPath()
    {
        string json = BookWith().Replace("\"code\": \"c0\", \"name\": \"c0\"", $"\"code\": \"c0\", \"name\": \"{new string('n', InputPolicy.MaxNameLength + 1)}\"", StringComparison.Ordinal);

        var e = Assert.Throws<GridGovernanceValidationException>(() => RuleBookJson.Read(json));

        Assert.Equal(("$.categories[0].name", ErrorCodes.TextTooLong), (Assert.Single(e.Problems).Field, e.Problems[0].Rule));
    }

    [Theory]
    [InlineData("Categories[1].Cap.Limit", "$.categories[1].cap.limit")]
    [InlineData("KindMultipliers[InService]", "$.kindMultipliers.inService")]
    [InlineData("Items[0].Versions[2].Tiers[1].Points", "$.items[0].versions[2].tiers[1].points")]
    [InlineData("Stars.NamedStars[0].Criterion.Code", "$.stars.namedStars[0].criterion.code")]
    [InlineData("Id", "$.id")]
    public void JsonPathOf_MapsTheValidatorsPaths(string field, string jsonPath)
    {
        Assert.Equal(jsonPath, RuleBookJsonReader.JsonPathOf(field));
    }
}
