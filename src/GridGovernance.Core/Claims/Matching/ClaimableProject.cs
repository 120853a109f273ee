using NodaTime;

namespace GridGovernance.Claims.Matching;

/// <summary>
/// A project (项目) as the matcher sees it: an entry of the project list (项目清单) open for claiming.
/// </summary>
/// <param name="Id">The project's id.</param>
/// <param name="Category">The service category code (e.g. one of Yibin's 8 categories); compared ordinally.</param>
/// <param name="Location">Where the project is delivered; distances are measured from here.</param>
/// <param name="Area">The service area (服务片区) the project lies in.</param>
/// <param name="ClaimantsRequired">How many units must claim it (at least 1); each unit fills at most one place.</param>
/// <param name="Deadline">The day by which it must be delivered; a unit qualifies only if it is available on that day.</param>
[Immutable]
public sealed record ClaimableProject(ProjectId Id, string Category, GeoPoint Location, AreaId Area, int ClaimantsRequired, LocalDate Deadline);
