using GridGovernance.Testing.Conformance;
using Microsoft.Extensions.DependencyInjection;

namespace GridGovernance.Tests.Persistence.Conformance;

/// <summary>The conformance suite against the in-memory store that <c>AddGridGovernance</c> registers by default.</summary>
public sealed class InMemoryStoreConformanceTest : StoreConformanceTests
{
    protected override void AddStore(IServiceCollection services)
    {
        // Nothing to add: AddGridGovernance's defaults are the in-memory store.
    }
}
