using GridGovernance.Authority;

namespace GridGovernance.Tests;

/// <summary>
/// The actor test fixtures set the world up as: the system (<c>Actor.System("test")</c>), which the default authority
/// table allows every organisation change, and which alone may make the first import into an empty store. Tests about
/// who may act use posts (see <c>Authority/OrganisationAuthorityMatrixTest</c>).
/// </summary>
internal static class TestActors
{
    /// <summary>The system, acting for test set-up.</summary>
    public static Actor System { get; } = Actor.System("test");
}
