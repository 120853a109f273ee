using GridGovernance.WorkOrders;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GridGovernance.Tests.WorkOrders;

/// <summary>Triage policies, time limits in working days, and registration.</summary>
public sealed class WorkOrderPolicyTest
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    [Theory]
    [InlineData("parking", WorkOrderUrgency.Routine, "small")]
    [InlineData("parking", WorkOrderUrgency.Urgent, "hard")]
    [InlineData("leak", WorkOrderUrgency.Routine, "hard")]
    [InlineData("leak", WorkOrderUrgency.Critical, "critical")]
    [InlineData("dispute", WorkOrderUrgency.Routine, "hard")]
    public void Standard_FirstMatchingRuleWins(string category, WorkOrderUrgency urgency, string expected) =>
        Assert.Equal(expected, TriagePolicy.Standard.Classify(category, urgency).Code);

    [Fact]
    public void Custom_RoutesACategoryToTheStreet()
    {
        var policy = new TriagePolicy(TriagePolicy.Standard.Classes, [new("illegal-construction", null, "big"), .. TriagePolicy.Standard.Rules], "small");
        var big = policy.Classify("illegal-construction", WorkOrderUrgency.Routine);
        Assert.Equal((HandlingLevel.Street, 10), (big.Level, big.TimeLimitWorkingDays));
        Assert.Same(big, policy["big"]);
    }

    [Fact]
    public void Invalid_ListsEveryProblem()
    {
        var e = Assert.Throws<GridGovernanceValidationException>(() => new TriagePolicy(
            [new("a", "A", HandlingLevel.Grid, 0), new("a", "A again", HandlingLevel.Community, 3), new("b", "B", (HandlingLevel)9, 2)],
            [new(null, null, "missing")],
            "nowhere"));
        Assert.All(e.Problems, p => Assert.Equal(ErrorCodes.WorkOrderInvalidPolicy, p.Rule));
        Assert.Equal(5, e.Problems.Count);
    }

    [Fact]
    public void Categories_HoldTheRulesCategories_TheGivenOnes_AndOther_EachOnce()
    {
        var policy = new TriagePolicy(TriagePolicy.Standard.Classes, [new("leak", null, "hard"), new("leak", WorkOrderUrgency.Urgent, "big")], "small",
            ["parking", "leak", "other"]);

        Assert.Equal(["leak", "parking", "other"], policy.Categories.ToArray());
        Assert.Equal("parking", policy.PublicCategory(" parking "));
        Assert.Equal("other", policy.PublicCategory("noise"));
    }

    [Fact]
    public void Standard_ShowsItsCategories() =>
        Assert.Equal(["leak", "building-safety", "dispute", "parking", "sanitation", "streetlight", "noise", "greening", "facilities", "elderly-care", "other"],
            TriagePolicy.Standard.Categories.ToArray());

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("<script>")]
    [InlineData("leak\n")]
    [InlineData("13812341234 王")]
    public void Categories_MustBeCodes(string category)
    {
        var e = Assert.Throws<GridGovernanceValidationException>(() => new TriagePolicy(TriagePolicy.Standard.Classes, TriagePolicy.Standard.Rules, "small", [category]));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("categories[0]", problem.Field);
        Assert.Null(problem.Key); // the refused text is not echoed
        Assert.Equal(ErrorCodes.WorkOrderInvalidPolicy, problem.Rule);
    }

    [Theory]
    [InlineData(50, true)] // at the limit
    [InlineData(51, false)] // just above
    [InlineData(1, true)]
    public void CategoryCode_Length_Boundaries(int length, bool valid)
    {
        string code = new('a', length);
        var create = () => new TriagePolicy(TriagePolicy.Standard.Classes, TriagePolicy.Standard.Rules, "small", [code]);

        if (valid)
        {
            Assert.Equal(code, create().PublicCategory(code));
        }
        else
        {
            Assert.Throws<GridGovernanceValidationException>(create);
        }
    }

    [Fact]
    public void RuleCategory_MustBeACode()
    {
        var e = Assert.Throws<GridGovernanceValidationException>(() => new TriagePolicy(TriagePolicy.Standard.Classes, [new("bad code", null, "hard")], "small"));

        Assert.Equal("rules[0].Category", Assert.Single(e.Problems).Field);
    }

    [Fact]
    public void Limits_SkipHolidaysAndCountMakeUpDays_InTheZone()
    {
        // 2024 Dragon Boat Festival: Monday 2024-06-10 off. A made-up Saturday 2024-06-15 is worked.
        var calendar = new WorkingDayCalendar([new LocalDate(2024, 6, 10)], [new LocalDate(2024, 6, 15)]);
        var limits = new WorkOrderTimeLimits(calendar, Shanghai);
        var friday = Instant.FromUtc(2024, 6, 7, 8, 0); // Friday 16:00 in Shanghai
        Assert.Equal(new LocalDate(2024, 6, 11), limits.DueDate(friday, 1)); // not Saturday, Sunday or the holiday
        Assert.Equal(new LocalDate(2024, 6, 15), limits.DueDate(friday, 5)); // Tue..Fri, then the make-up Saturday
        Assert.Equal(Instant.FromUtc(2024, 6, 15, 16, 0), limits.DueAt(friday, 5)); // midnight after it, +08
        Assert.Equal(Instant.FromUtc(2024, 6, 13, 16, 0), limits.RemindAt(friday, 5, 2)); // start of Friday 06-14 (+08)
        Assert.Null(limits.RemindAt(friday, 5, 0));

        // Thursday 18:30 in Shanghai is already Friday 00:30 in Kiritimati (+14): one working day ends on Friday in
        // Shanghai but, past the weekend and the holiday, on Tuesday in Kiritimati.
        var thursdayEvening = Instant.FromUtc(2024, 6, 6, 10, 30);
        var kiritimati = new WorkOrderTimeLimits(calendar, DateTimeZoneProviders.Tzdb["Pacific/Kiritimati"]);
        Assert.Equal(new LocalDate(2024, 6, 7), limits.DueDate(thursdayEvening, 1));
        Assert.Equal(new LocalDate(2024, 6, 11), kiritimati.DueDate(thursdayEvening, 1));
        Assert.Throws<GridGovernanceValidationException>(() => limits.DueDate(friday, 0));
    }

    [Fact]
    public void Registration_ResolvesTheService_AndKeepsAnIntegratorsEscalationPath()
    {
        var services = new ServiceCollection();
        services.AddScoped<IEscalationPath, FixedPath>();
        services.AddSingleton(WorkOrderPolicy.Default with { MaxReopens = 5 });
        services.AddGridGovernance();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = provider.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<WorkOrderService>();
        Assert.Equal(5, service.Policy.MaxReopens);
        Assert.IsType<FixedPath>(scope.ServiceProvider.GetRequiredService<IEscalationPath>());

        var defaults = new ServiceCollection().AddGridGovernance().BuildServiceProvider();
        using var defaultScope = defaults.CreateScope();
        Assert.IsType<HierarchyEscalationPath>(defaultScope.ServiceProvider.GetRequiredService<IEscalationPath>());
        Assert.Same(WorkOrderPolicy.Default, defaultScope.ServiceProvider.GetRequiredService<WorkOrderService>().Policy);
    }

    [Fact]
    public void Service_RefusesAPolicyOutOfRange()
    {
        var services = new ServiceCollection();
        services.AddSingleton(WorkOrderPolicy.Default with { EscalationWorkingDays = 0 });
        services.AddGridGovernance();
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        Assert.ThrowsAny<Exception>(() => scope.ServiceProvider.GetRequiredService<WorkOrderService>());
    }

    private sealed class FixedPath : IEscalationPath
    {
        public Task<OrgUnitId?> NextAsync(OrgUnitId from, LocalDate asOf, CancellationToken cancellationToken = default) => Task.FromResult<OrgUnitId?>(new OrgUnitId(1));
    }
}
