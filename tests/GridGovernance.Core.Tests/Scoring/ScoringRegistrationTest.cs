using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Rewards;
using Microsoft.Extensions.DependencyInjection;

namespace GridGovernance.Tests.Scoring;

public sealed class ScoringRegistrationTest
{
    [Fact]
    public void AddGridGovernance_RegistersTheScoringServices()
    {
        using var provider = new ServiceCollection().AddGridGovernance().BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = provider.CreateScope();
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<PointsLedgerService>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<PeriodPublicationService>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<LedgerExportService>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<RedemptionService>());
    }
}
