using GridGovernance.Authority;

namespace GridGovernance.Tests.Authority;

/// <summary>docs/concepts/authority.md prints the default table; every row must say what <see cref="AuthorityTable.Default"/> says.</summary>
public sealed class AuthorityDocsTest
{
    [Fact]
    public void ConceptPage_PrintsTheDefaultTable()
    {
        var rows = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "concepts", "authority.md"))
            .SkipWhile(l => !l.Contains("authority-table", StringComparison.Ordinal))
            .Skip(1)
            .TakeWhile(l => l.StartsWith('|'))
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries)[1..^1])
            .ToDictionary(cells => cells[0].Trim('`'), StringComparer.Ordinal);

        Assert.Equal(AuthorityTable.Default.Rules.Select(r => r.Capability.Code).Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        foreach (var rule in AuthorityTable.Default.Rules)
        {
            var cells = rows[rule.Capability.Code];
            string roles = rule.Roles.IsEmpty ? "—" : string.Join(", ", rule.Roles.Select(r => r.Code));
            string where = rule.Roles.IsEmpty ? "—" : rule.Scope switch { PostScope.TopLevel => "top level", PostScope.Unit => "own unit", _ => "jurisdiction" };
            string person = rule.InPerson switch { PersonAccess.OwnMatter => "own matter", PersonAccess.Anyone => "anyone", _ => "—" } + (rule.Residents ? " (residents too)" : "");
            Assert.True(roles == cells[2], $"{rule.Capability}: roles '{cells[2]}' on the page, '{roles}' in the table.");
            Assert.True(where == cells[3], $"{rule.Capability}: where '{cells[3]}' on the page, '{where}' in the table.");
            Assert.True(person == cells[4], $"{rule.Capability}: in person '{cells[4]}' on the page, '{person}' in the table.");
            Assert.True((rule.System ? "yes" : "—") == cells[5], $"{rule.Capability}: system '{cells[5]}' on the page.");
            Assert.True((rule.SummonedDepartments ? "summoned" : "—") == cells[6], $"{rule.Capability}: department '{cells[6]}' on the page.");
            Assert.True((rule.IncludesDualRegistrations ? "yes" : "—") == cells[7], $"{rule.Capability}: 双报到 '{cells[7]}' on the page.");
            Assert.True(rule.RefusesSelfDealing, $"{rule.Capability}: the page says every row refuses self-dealing.");
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GridGovernance.Core.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (GridGovernance.Core.sln) was not found above the test binaries.");
    }
}
