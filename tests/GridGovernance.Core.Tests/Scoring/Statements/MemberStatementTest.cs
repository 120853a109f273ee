using GridGovernance.Organisation;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Stars;
using GridGovernance.Scoring.Statements;
using GridGovernance.Tests.Organisation;
using NodaTime;
using static GridGovernance.Tests.Scoring.Statements.WorkedExample;

namespace GridGovernance.Tests.Scoring.Statements;

public sealed class MemberStatementTest
{
    private static PublishedResults Publish(AssessmentEntry[] entries, RuleBook? book = null, IReadOnlyList<AssessmentSubject>? roster = null) =>
        PublishedResults.Of(AssessmentEngine.Assess(book ?? Book, Year, roster ?? Roster, entries));

    private static MemberStatement ZhangStatement(StatementView view = StatementView.Public) =>
        MemberStatement.Create(Book, Publish(AllEntries()), ZhangSubject, ZhangEntries(), "张明", view);

    [Fact]
    public void WorkedExample_CategoryTotalsAndTotal_AreTheDocs()
    {
        var s = ZhangStatement();

        Assert.Equal(["8.5", "1", "2", "14", "3", "0", "33.5"], s.Categories.Select(c => c.Total.ToString()));
        Assert.Equal(Points.From(65), s.Awarded);
        Assert.Equal(Points.From(-3), s.Deducted);
        Assert.Equal(Points.From(0.5m), s.Clipped);
        Assert.Equal(Points.From(62), s.Total);
        Assert.Equal(Points.From(62), s.Score);
        Assert.False(s.Vetoed);
        // grant + 9 party days + 12 dues + 1 study + 2 online + 2 volunteer + 21 visits + 1 done well + 2 requests + 1 petition + 2 overdue + threshold
        Assert.Equal(55, s.Lines.Length);
    }

    [Fact]
    public void WorkedExample_EachLineSaysWhichRuleDecidedIt()
    {
        var s = ZhangStatement();

        var grant = s.Lines[0];
        Assert.Equal(("law-abiding-base", StatementRule.AutomaticGrant, "20", new LocalDate(2024, 1, 1)), (grant.ItemCode, grant.Rule, grant.Counted.ToString(), grant.Date));

        var visits = s.Lines.Where(l => l.ItemCode == "contact-visit").ToList();
        Assert.Equal(21, visits.Count);
        Assert.All(visits.Take(20), l => Assert.Equal(StatementRule.Counted, l.Rule));
        var last = visits[^1];
        Assert.Equal((StatementRule.RefusedByItemCap, Points.From(0.5m), Points.Zero), (last.Rule, last.Worth, last.Counted));
        Assert.Equal(new PointsCap(Points.From(10), CapMode.Clip), last.Cap);
        Assert.Equal("走访联系户", last.CapOf);
        Assert.Equal(new LocalDate(2024, 11, 23), last.Date);
        Assert.True(last.CountsAsOccurrence);
        Assert.Equal("已达本项上限 10 分（超出部分截去），不计分（仍计次数）", last.Explanation);

        var dues = s.Lines.Where(l => l.ItemCode == "party-dues").ToList();
        Assert.All(dues, l => Assert.Equal(StatementRule.Counted, l.Rule));
        Assert.Equal(Points.From(15), dues.Aggregate(Points.Zero, (sum, l) => sum + l.Counted));

        var online = s.Lines.Where(l => l.ItemCode == "online-study").ToList();
        Assert.All(online, l => Assert.Equal((StatementRule.IgnoredNotEligible, false, "本项只适用于流动党员，在职党员不计"), (l.Rule, l.CountsAsOccurrence, l.Explanation)));

        var overdue = s.Lines.Where(l => l.ItemCode == "task-overdue").ToList();
        Assert.Equal([(StatementRule.Counted, "-0.5"), (StatementRule.DoubledAfterReminder, "-1")], overdue.Select(l => (l.Rule, l.Counted.ToString())));

        var petition = Assert.Single(s.Lines, l => l.ItemCode == "petition-escalated");
        Assert.Equal("按「city」级计 -1 分", petition.Explanation);
        var doneWell = Assert.Single(s.Lines, l => l.ItemCode == "contact-done-well");
        Assert.Equal("审核酌情给分 4 分", doneWell.Explanation);

        var threshold = s.Lines[^1];
        Assert.Equal((StatementRule.ThresholdShortfall, "-0.5", new LocalDate(2024, 12, 31)), (threshold.Rule, threshold.Counted.ToString(), threshold.Date));
        Assert.Equal("「参加主题党日」计 9 次，低于应有 12 次的 80%，扣分", threshold.Explanation);
    }

    [Fact]
    public void WorkedExample_CategorySubtotals_AgainstTheirCaps()
    {
        var contact = ZhangStatement().Categories.Single(c => c.Code == "household-contact");

        Assert.Equal((Points.From(14), Points.Zero, Points.From(14)), (contact.Awarded, contact.Deducted, contact.Total));
        Assert.Equal(new PointsCap(Points.From(15), CapMode.Clip), contact.Cap);
        Assert.Equal(Points.From(1), contact.RoomLeft);
        Assert.Null(ZhangStatement().Categories.Single(c => c.Code == "conduct").RoomLeft);
    }

    [Fact]
    public void WorkedExample_StarsAndShortfalls()
    {
        var stars = ZhangStatement().Stars;

        Assert.Equal((3, 3, false), (stars.BandStars, stars.BandStarsBeforeVeto, stars.CappedByVeto));
        Assert.Equal(new StarBand(4, Points.From(75)), stars.NextBand);
        Assert.Equal(Points.From(13), stars.NextBandShortfall);
        Assert.Equal(["contact-star", "vanguard-star", "dues-star"], stars.Named.Where(n => n.Earned).Select(n => n.Code));
        var political = stars.Named.Single(n => n.Code == "political-star");
        Assert.Equal((Points.From(9), Points.From(1)), (political.Have, political.Shortfall));
        var study = stars.Named.Single(n => n.Code == "study-star");
        Assert.Equal((Points.From(1), Points.From(7)), (study.Have, study.Shortfall));
        Assert.Equal(11, stars.EventStars);

        var calculated = StarCalculator.For(AssessmentEngine.Assess(Book, Year, Roster, AllEntries())[Zhang], Book);
        Assert.Equal((calculated.BandStars, calculated.EventStars, calculated.Total), (stars.BandStars, stars.EventStars, stars.Total));
        Assert.Equal(calculated.NamedStars, stars.Named.Where(n => n.Earned).Select(n => n.Code));
    }

    [Fact]
    public void WorkedExample_RankAmongThePublication()
    {
        var rank = ZhangStatement().Rank;

        // 李华 has 12 + 15 + 20 (+ 20 base) more, 王芳 20 + 1.25 − 0.5: 张明 is second of three, above one.
        Assert.Equal((null, 2, 1, 3), (rank.Scope, rank.Rank, rank.BelowCount, rank.ScopeCount));
        Assert.Equal(100.0 / 3, rank.Percentile, 6);
    }

    [Fact]
    public void Statement_WhenTheLedgerChangedAfterPublication_IsRefused()
    {
        var published = Publish(AllEntries());
        var more = ZhangEntries().Append(new AssessmentEntry(Zhang, Book.IndexOfItem("request-solved"), new LocalDate(2024, 11, 2), 999)).ToArray();

        var e = Assert.Throws<GridGovernanceException>(() => MemberStatement.Create(Book, published, ZhangSubject, more, "张明"));
        Assert.Equal(ErrorCodes.StatementDiffersFromPublication, e.Code);
        Assert.Contains("64", e.Message);
        // A different multiplier also shows in the score.
        Assert.Throws<GridGovernanceException>(() => MemberStatement.Create(Book, published, ZhangSubject with { Multiplier = 1.2m }, ZhangEntries(), "张明"));
    }

    [Fact]
    public void Statement_OfAnotherBookOrAMemberNotPublished_IsRefused()
    {
        var published = Publish(AllEntries());
        var otherVersion = RuleBook.Create(Book.Definition with { Version = 2 });

        Assert.Throws<GridGovernanceValidationException>(() => MemberStatement.Create(otherVersion, published, ZhangSubject, ZhangEntries(), "张明"));
        Assert.Throws<GridGovernanceValidationException>(() => MemberStatement.Create(Book, published, ZhangSubject with { Member = new MemberId(77) }, [], "张明"));
        Assert.Throws<GridGovernanceValidationException>(() => MemberStatement.Create(Book, published, ZhangSubject, ZhangEntries(), "张明", (StatementView)9));
        Assert.Throws<ArgumentNullException>(() => MemberStatement.Create(Book, published, ZhangSubject, ZhangEntries(), null!));
        Assert.Throws<ArgumentNullException>(() => MemberStatement.Create(Book, null!, ZhangSubject, ZhangEntries(), "张明"));
    }

    [Fact]
    public void Statement_OtherMembersEntries_AreSkipped()
    {
        var all = MemberStatement.Create(Book, Publish(AllEntries()), ZhangSubject, AllEntries(), "张明");

        Assert.Equal(55, all.Lines.Length);
        Assert.All(all.Lines, l => Assert.True(l.Entry is null || l.Entry.Value.Member == Zhang));
    }

    [Fact]
    public void Veto_CapsBandStars_ButLeavesNamedAndEventStars()
    {
        var veto = new AssessmentEntry(Zhang, Book.IndexOfItem("disciplinary-sanction"), new LocalDate(2024, 11, 11), 500);
        var entries = AllEntries().Append(veto).ToArray();
        var s = MemberStatement.Create(Book, Publish(entries), ZhangSubject, entries, "张明");

        Assert.True(s.Vetoed);
        Assert.Equal((0, 3, true), (s.Stars.BandStars, s.Stars.BandStarsBeforeVeto, s.Stars.CappedByVeto));
        Assert.Equal(3, s.Stars.Named.Count(n => n.Earned));
        Assert.Equal(11, s.Stars.EventStars);
        var line = Assert.Single(s.Lines, l => l.ItemCode == "disciplinary-sanction");
        Assert.Equal(StatementRule.Veto, line.Rule);
        Assert.Equal("否决项：不得评为优秀，分级星至多 0 颗（专项星和事件星照计）", line.Explanation);
        var calculated = StarCalculator.For(AssessmentEngine.Assess(Book, Year, Roster, entries))[0];
        Assert.Equal(calculated.Total, s.Stars.Total);
        Assert.Contains("达到也不增加分级星", s.ToHtml());
    }

    [Fact]
    public void OncePerPeriod_TheLesserOccurrence_IsNoOccurrence()
    {
        var second = new AssessmentEntry(Zhang, Book.IndexOfItem("contact-done-well"), new LocalDate(2024, 2, 1), 600) { Value = Points.From(2) };
        var entries = AllEntries().Append(second).ToArray();
        var s = MemberStatement.Create(Book, Publish(entries), ZhangSubject, entries, "张明");

        var lines = s.Lines.Where(l => l.ItemCode == "contact-done-well").ToList();
        var refused = Assert.Single(lines, l => l.Rule == StatementRule.RefusedOncePerPeriod);
        Assert.Equal((Points.From(2), Points.Zero, false), (refused.Worth, refused.Counted, refused.CountsAsOccurrence));
        Assert.Equal(Points.From(0.5m), s.Clipped);
        Assert.Equal(Points.From(62), s.Total);
    }

    [Fact]
    public void CategoryCap_Refuse_NamesTheCategoryAndItsLimit()
    {
        var book = Book;
        var entries = new List<AssessmentEntry>();
        for (int i = 0; i < 4; i++)
        {
            entries.Add(new AssessmentEntry(Zhang, book.IndexOfItem("project-claimed"), new LocalDate(2024, 2 + i, 1), i));
        }
        var roster = new[] { ZhangSubject };
        var s = MemberStatement.Create(book, Publish([.. entries], roster: roster), ZhangSubject, [.. entries], "张明");

        var refused = s.Lines.Single(l => l.Rule == StatementRule.RefusedByCategoryCap);
        Assert.Equal(("项目认领", new PointsCap(Points.From(10), CapMode.Refuse)), (refused.CapOf, refused.Cap));
        Assert.Equal("已达「项目认领」分类上限 10 分（超出则整笔不计），不计分（仍计次数）", refused.Explanation);
        Assert.Equal(Points.From(9), s.Categories.Single(c => c.Code == "project-claims").Total);
        Assert.Equal(Points.From(1), s.Categories.Single(c => c.Code == "project-claims").RoomLeft);
    }

    [Fact]
    public void BeforeEffectiveFrom_IsIgnored_WithTheDate()
    {
        var book = RuleBook.Create(Book.Definition with
        {
            Items = [.. Book.Definition.Items.Select(i => i.Code == "micro-wish" ? i with { Versions = [i.Versions[0] with { EffectiveFrom = new LocalDate(2024, 7, 1) }] } : i)],
        });
        var entries = new[] { new AssessmentEntry(Zhang, book.IndexOfItem("micro-wish"), new LocalDate(2024, 3, 1), 1) };
        var s = MemberStatement.Create(book, Publish(entries, book, [ZhangSubject]), ZhangSubject, entries, "张明");

        var line = Assert.Single(s.Lines, l => l.ItemCode == "micro-wish");
        Assert.Equal((StatementRule.IgnoredBeforeEffectiveFrom, false), (line.Rule, line.CountsAsOccurrence));
        Assert.Equal("早于本项生效日期 2024-07-01，不计", line.Explanation);
    }

    [Fact]
    public void PublicView_MasksTheName_OwnViewShowsIt()
    {
        Assert.Equal("张*", ZhangStatement().DisplayName);
        Assert.Equal("张明", ZhangStatement(StatementView.Own).DisplayName);
        Assert.Contains("张*", ZhangStatement().ToHtml());
        Assert.DoesNotContain("张明", ZhangStatement().ToHtml());
        Assert.Contains("张明", ZhangStatement(StatementView.Own).ToHtml());
    }

    [Fact]
    public void Html_EncodesEveryText()
    {
        var hostile = RuleBook.Create(Book.Definition with
        {
            Name = "细则<script>alert(1)</script>",
            Categories = [.. Book.Definition.Categories.Select(c => c.Code == "conduct" ? c with { Name = "纪律&\"作风\"" } : c)],
            Items = [.. Book.Definition.Items.Select(i => i.Code == "party-dues" ? i with { Name = "<img src=x onerror=alert(1)>" } : i)],
        });
        var entries = ZhangEntries();
        var roster = new[] { ZhangSubject };
        var s = MemberStatement.Create(hostile, Publish(entries, hostile, roster), ZhangSubject, entries, "<b>张明</b>", StatementView.Own);

        string html = s.ToHtml();
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.Contains("纪律&amp;&quot;作风&quot;", html);
        Assert.Contains("&lt;b&gt;张明&lt;/b&gt;", html);
    }

    [Fact]
    public void Html_IsAChinesePageWithEveryLine()
    {
        string html = ZhangStatement().ToHtml();

        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("党员积分明细账", html);
        Assert.Equal(55, html.Split("<tr><td>").Length - 1 - ZhangStatement().Categories.Length - ZhangStatement().Stars.Named.Length);
        Assert.Contains("第 2 名 / 共 3 人", html);
        Assert.Contains("4 星需 75 分，还差 13 分", html);
    }

    [Fact]
    public void RankInAScope_CountsOnlyTheJurisdiction()
    {
        var d0 = new LocalDate(2024, 1, 1);
        var units = new[]
        {
            OrgUnit.Create(OrganisationFixture.UnitRow(1, UnitKind.Community, null), d0),
            OrgUnit.Create(OrganisationFixture.UnitRow(10, UnitKind.GridBranch, 1), d0),
            OrgUnit.Create(OrganisationFixture.UnitRow(11, UnitKind.GridBranch, 1), d0),
        };
        var members = new[]
        {
            Member.Create(OrganisationFixture.MemberRow(1, 10, MemberKind.InService), d0),
            Member.Create(OrganisationFixture.MemberRow(2, 11), d0),
            Member.Create(OrganisationFixture.MemberRow(3, 10), d0),
        };
        var index = HierarchyIndex.Build(units, members, [], new LocalDate(2024, 12, 31));
        var published = Publish(AllEntries());

        var s = MemberStatement.Create(Book, published, ZhangSubject, ZhangEntries(), "张明", StatementView.Public, index, new OrgUnitId(10));

        Assert.Equal((new OrgUnitId(10), 1, 1, 2), (s.Rank.Scope, s.Rank.Rank, s.Rank.BelowCount, s.Rank.ScopeCount));
        Assert.Throws<GridGovernanceValidationException>(() => MemberStatement.Create(Book, published, ZhangSubject, ZhangEntries(), "张明", StatementView.Public, index, new OrgUnitId(11)));
        Assert.Throws<GridGovernanceValidationException>(() => MemberStatement.Create(Book, published, ZhangSubject, ZhangEntries(), "张明", StatementView.Public, index, new OrgUnitId(99)));
    }
}
