using System.Reflection;
using System.Text.RegularExpressions;
using GridGovernance.Authority;

namespace GridGovernance.Tests;

/// <summary>Every code of <see cref="ErrorCodes"/> has a kind, a name that matches it and a row in docs/errors.md.</summary>
public sealed partial class ErrorCodesTest
{
    private static readonly IReadOnlyList<(string Name, string Code)> Constants = typeof(ErrorCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (f.Name, (string)f.GetRawConstantValue()!))
        .ToArray();

    [Fact]
    public void Constants_AreFound() => Assert.True(Constants.Count > 80, $"Only {Constants.Count} constants found by reflection.");

    [Fact]
    public void EveryCode_HasAKind() =>
        Assert.All(Constants, c => Assert.True(ErrorCodes.Kinds.ContainsKey(c.Code) && ErrorCodes.KindOf(c.Code) != ErrorKind.Unknown, $"{c.Name} ({c.Code}) has no kind."));

    [Fact]
    public void Kinds_HoldOnlyTheConstants() =>
        Assert.Equal(Constants.Select(c => c.Code).Order(StringComparer.Ordinal), ErrorCodes.Kinds.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Codes_AreUnique() =>
        Assert.Empty(Constants.GroupBy(c => c.Code).Where(g => g.Count() > 1).Select(g => g.Key));

    [Fact]
    public void Codes_ReadModuleDotWords() =>
        Assert.All(Constants, c => Assert.Matches("^[a-z]+\\.[a-z]+(-[a-z]+)*$", c.Code));

    [Fact]
    public void Names_MatchTheirCodes()
    {
        // The name ends with the words after the module (an area word may come first), or is those words and the module.
        Assert.All(Constants, c =>
        {
            int dot = c.Code.IndexOf('.', StringComparison.Ordinal);
            string words = Pascal(c.Code[(dot + 1)..]);
            string module = Pascal(c.Code[..dot]);
            Assert.True(c.Name.EndsWith(words, StringComparison.Ordinal) || c.Name == words + module,
                $"ErrorCodes.{c.Name} does not match its code '{c.Code}' (expected a name ending with {words}, or {words}{module}).");
        });
    }

    [Theory]
    [InlineData("PeriodAlreadyPublished", "points.already-published")]
    [InlineData("HierarchyCycle", "hierarchy.cycle")]
    [InlineData("UndefinedEnum", "input.undefined-enum")]
    public void RenamedConstants_HoldTheirCodes(string name, string code) =>
        Assert.Equal(code, typeof(ErrorCodes).GetField(name)!.GetRawConstantValue());

    [Fact]
    public void WellKnownModules_HaveTheirForbiddenCode()
    {
        var codes = Constants.Select(c => c.Code).ToHashSet();
        var capabilities = typeof(Capabilities).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(Capability))
            .Select(p => (Capability)p.GetValue(null)!)
            .ToArray();
        Assert.NotEmpty(capabilities);
        Assert.All(capabilities, c => Assert.Contains(c.ForbiddenCode, codes));
        Assert.All(capabilities, c => Assert.Equal(ErrorKind.Forbidden, ErrorCodes.KindOf(c.ForbiddenCode)));
    }

    [Theory]
    [InlineData("parking.forbidden", ErrorKind.Forbidden)]
    [InlineData("storage.not-found", ErrorKind.NotFound)]
    [InlineData("points.already-published", ErrorKind.Conflict)]
    [InlineData("workorders.illegal-transition", ErrorKind.Precondition)]
    [InlineData("value.invalid", ErrorKind.Invalid)]
    [InlineData("parking.full", ErrorKind.Unknown)]
    [InlineData(".forbidden", ErrorKind.Unknown)]
    [InlineData("a.b.forbidden", ErrorKind.Unknown)]
    [InlineData("", ErrorKind.Unknown)]
    public void KindOf_ReadsTheTableAndAnyModulesRefusal(string code, ErrorKind expected) => Assert.Equal(expected, ErrorCodes.KindOf(code));

    [Fact]
    public void KindOf_Null_Throws() => Assert.Throws<ArgumentNullException>(() => ErrorCodes.KindOf(null!));

    [Fact]
    public void Exceptions_CarryTheKindOfTheirCode()
    {
        Assert.Equal(ErrorKind.NotFound, new EntityNotFoundException("Member", 1).Kind);
        Assert.Equal(ErrorKind.Conflict, new ConcurrencyException("Member", 1, 2, 3).Kind);
        Assert.Equal(ErrorKind.Precondition, new GridGovernanceException(ErrorCodes.LedgerPeriodFrozen, "Frozen.").Kind);
        Assert.Equal(ErrorKind.Unknown, new GridGovernanceException("parking.full", "Full.").Kind);
        var one = new GridGovernanceValidationException("The batch", [new ValidationProblem("Units[0].Id", "unit:1", ErrorCodes.DuplicateId, "Twice.")]);
        Assert.Equal(ErrorKind.Conflict, one.Kind);
        var two = new GridGovernanceValidationException("The batch", [new ValidationProblem("A", null, ErrorCodes.DuplicateId, "Twice."), new ValidationProblem("B", null, ErrorCodes.InvalidValue, "Bad.")]);
        Assert.Equal(ErrorKind.Invalid, two.Kind);
    }

    [Fact]
    public void DocsPage_ListsEveryCodeWithItsNameAndKind()
    {
        var rows = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "errors.md"))
            .Select(l => RowPattern().Match(l))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups["code"].Value, m => (Name: m.Groups["name"].Value, Kind: m.Groups["kind"].Value));
        Assert.All(Constants, c =>
        {
            Assert.True(rows.TryGetValue(c.Code, out var row), $"docs/errors.md has no row for {c.Code} (ErrorCodes.{c.Name}).");
            Assert.True(row.Name == c.Name, $"docs/errors.md lists {c.Code} as {row.Name}, but the constant is ErrorCodes.{c.Name}.");
            Assert.True(row.Kind == ErrorCodes.KindOf(c.Code).ToString(), $"docs/errors.md gives {c.Code} the kind {row.Kind}, but ErrorCodes.KindOf says {ErrorCodes.KindOf(c.Code)}.");
        });
        Assert.All(rows.Keys, code => Assert.Contains(code, ErrorCodes.Kinds.Keys));
    }

    [Theory]
    [InlineData("Units[3].ParentId", "units[3].parentId")]
    [InlineData("draft.Unit", "draft.unit")]
    [InlineData("TimeZone", "timeZone")]
    [InlineData("request.IdempotencyKey", "request.idempotencyKey")]
    [InlineData("KindMultipliers[InService]", "kindMultipliers[InService]")]
    [InlineData("Areas[2].Id", "areas[2].id")]
    [InlineData("Members[0][1].Name", "members[0][1].name")]
    [InlineData("$.items[0].Code", "$.items[0].Code")]
    [InlineData("$", "$")]
    [InlineData("people", "people")]
    [InlineData("URL.ID", "url.id")]
    public void JsonPath_IsTheCamelCasePath(string field, string expected) =>
        Assert.Equal(expected, new ValidationProblem(field, null, ErrorCodes.InvalidValue, "Bad.").JsonPath);

    private static string Pascal(string words) =>
        string.Concat(words.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    [GeneratedRegex(@"^\| `(?<name>\w+)` \| `(?<code>[a-z.-]+)` \| (?<kind>\w+) \|")]
    private static partial Regex RowPattern();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GridGovernance.Core.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds GridGovernance.Core.sln.");
    }
}
