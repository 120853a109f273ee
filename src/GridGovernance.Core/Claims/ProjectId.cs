namespace GridGovernance.Claims;

/// <summary>
/// Identifies a service project (项目) on the project list (项目清单): needs packaged for units to claim.
/// </summary>
/// <remarks>
/// Ids are chosen by the caller and must be positive; <c>default(ProjectId)</c> (value 0) means "none" and is never a valid id.
/// </remarks>
[Immutable]
[StronglyTypedId("project")]
public readonly partial record struct ProjectId;
