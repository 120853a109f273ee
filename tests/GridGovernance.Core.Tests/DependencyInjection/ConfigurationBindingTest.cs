using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.WorkOrders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GridGovernance.Tests.DependencyInjection;

/// <summary><c>AddGridGovernance(IConfiguration)</c> binds the options and checks them when the host starts.</summary>
public sealed class ConfigurationBindingTest
{
    private static IConfigurationSection Section(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>("GridGovernance:" + v.Key, v.Value)))
            .Build()
            .GetSection("GridGovernance");

    private static ServiceProvider Provider(IConfigurationSection section, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection().AddGridGovernance(section);
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    // What the host does at start for ValidateOnStart.
    private static void Start(IServiceProvider provider) => provider.GetRequiredService<IStartupValidator>().Validate();

    [Fact]
    public void Binds_EveryOption()
    {
        using var provider = Provider(Section(
            ("TimeZone", "Asia/Urumqi"),
            ("Schema", "laiwu"),
            ("GridHouseholdBand:Min", "150"),
            ("GridHouseholdBand:Max", "250"),
            ("Authority:workorders.rate:Roles:0", "secretary"),
            ("Authority:workorders.rate:Roles:1", "grid-head"),
            ("Authority:workorders.rate:Residents", "false"),
            ("Authority:workorders.rate:Scope", "TopLevel")));
        Start(provider);

        var options = provider.GetRequiredService<GridGovernanceOptions>();
        Assert.Same(options, provider.GetRequiredService<IOptions<GridGovernanceOptions>>().Value);
        Assert.Equal("Asia/Urumqi", options.TimeZone.Id);
        Assert.Same(HierarchySchemas.Laiwu, options.Schema);
        Assert.Equal(new GridHouseholdBand(150, 250), options.GridHouseholdBand);
        var rule = options.Authority[Capabilities.RateOrder];
        Assert.Equal([RoleKind.Secretary, RoleKind.GridHead], rule.Roles.ToArray());
        Assert.False(rule.Residents);
        Assert.Equal(PostScope.TopLevel, rule.Scope);
        // The rules not named keep the default table's.
        Assert.Equal(AuthorityTable.Default[Capabilities.FileOrder], options.Authority[Capabilities.FileOrder]);
    }

    [Fact]
    public void EmptySection_GivesTheDefaults_AndTheServicesUseThem()
    {
        using var provider = Provider(Section());
        Start(provider);
        var options = provider.GetRequiredService<GridGovernanceOptions>();
        Assert.Equal("Asia/Shanghai", options.TimeZone.Id);
        Assert.Same(HierarchySchemas.Standard, options.Schema);
        Assert.Same(AuthorityTable.Default, options.Authority);
        using var scope = provider.CreateScope();
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<WorkOrderService>());
    }

    [Theory]
    [InlineData("TimeZone", "Mars/Olympus", "GridGovernance:TimeZone")]
    [InlineData("Schema", "Atlantis", "GridGovernance:Schema")]
    [InlineData("GridHouseholdBand:Min", "many", "GridGovernance:GridHouseholdBand:Min")]
    [InlineData("GridHouseholdBand:Max", "-1", "GridGovernance:GridHouseholdBand:Max")]
    [InlineData("TimeZon", "Asia/Shanghai", "GridGovernance:TimeZon")]
    [InlineData("Authority:workorders.rate:Roles:0", " ", "GridGovernance:Authority:workorders.rate:Roles")]
    [InlineData("Authority:Workorders.Rate:Roles:0", "secretary", "GridGovernance:Authority:Workorders.Rate")]
    [InlineData("Authority:workorders.rate:Scope", "3", "GridGovernance:Authority:workorders.rate:Scope")]
    [InlineData("Authority:workorders.rate:Residents", "yes", "GridGovernance:Authority:workorders.rate:Residents")]
    [InlineData("Authority:workorders.rate:Colour", "red", "GridGovernance:Authority:workorders.rate:Colour")]
    public void BadValue_FailsAtStart_NamingTheKey(string key, string value, string named)
    {
        using var provider = Provider(Section((key, value)));
        var e = Assert.Throws<OptionsValidationException>(() => Start(provider));
        Assert.Contains(e.Failures, f => f.Contains(named, StringComparison.Ordinal));
        // The services cannot get invalid options either.
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<GridGovernanceOptions>());
    }

    [Fact]
    public void EveryProblem_IsReportedAtOnce()
    {
        using var provider = Provider(Section(("TimeZone", "Nowhere"), ("Schema", "Nothing"), ("GridHouseholdBand:Min", "300"), ("GridHouseholdBand:Max", "200")));
        var e = Assert.Throws<OptionsValidationException>(() => Start(provider));
        Assert.Equal(3, e.Failures.Count());
        Assert.Contains(e.Failures, f => f.StartsWith("GridGovernance:GridHouseholdBand:Max:", StringComparison.Ordinal));
    }

    [Fact]
    public void Registration_DoesNotReadTheConfiguration()
    {
        // Binding is deferred to the start, so a bad value never throws at registration.
        var services = new ServiceCollection().AddGridGovernance(Section(("TimeZone", "Nowhere")));
        Assert.Contains(services, d => d.ServiceType == typeof(GridGovernanceOptions));
    }

    [Fact]
    public void CodeAfterConfiguration_ChangesTheBoundOptions()
    {
        var custom = HierarchySchemas.Huainan;
        using var provider = new ServiceCollection()
            .AddGridGovernance(Section(("TimeZone", "Asia/Urumqi")))
            .AddGridGovernance(o => o.Schema = custom)
            .BuildServiceProvider();
        Start(provider);
        var options = provider.GetRequiredService<GridGovernanceOptions>();
        Assert.Equal("Asia/Urumqi", options.TimeZone.Id);
        Assert.Same(custom, options.Schema);
    }

    [Fact]
    public void ConfigurationAfterCode_OverridesOnlyWhatItNames()
    {
        using var provider = new ServiceCollection()
            .AddGridGovernance(o => (o.Schema, o.GridHouseholdBand) = (HierarchySchemas.Shantou, new GridHouseholdBand(10, 20)))
            .AddGridGovernance(Section(("GridHouseholdBand:Max", "30")))
            .BuildServiceProvider();
        Start(provider);
        var options = provider.GetRequiredService<GridGovernanceOptions>();
        Assert.Same(HierarchySchemas.Shantou, options.Schema);
        Assert.Equal(new GridHouseholdBand(10, 30), options.GridHouseholdBand);
    }

    [Fact]
    public void ConfigureOverload_InvalidResult_FailsAtStart()
    {
        using var provider = new ServiceCollection()
            .AddGridGovernance(Section(), o => o.Schema = null!)
            .BuildServiceProvider();
        var e = Assert.Throws<OptionsValidationException>(() => Start(provider));
        Assert.Contains(e.Failures, f => f.StartsWith("GridGovernance:Schema:", StringComparison.Ordinal));
    }

    [Fact]
    public void ActionOverload_StillValidatesAtRegistration() =>
        Assert.Throws<GridGovernanceValidationException>(() => new ServiceCollection().AddGridGovernance(o => o.Schema = null!));

    [Fact]
    public void NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddGridGovernance((IConfiguration)null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddGridGovernance(Section(), null!));
    }
}
