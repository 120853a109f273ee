namespace GridGovernance.Claims;

/// <summary>A claimant signed its claim agreement (《项目认领协议书》).</summary>
/// <param name="Project">The project.</param>
/// <param name="Agreement">The agreement.</param>
[Immutable]
public sealed record ClaimAgreementSigned(ProjectId Project, ClaimAgreement Agreement) : IDomainEvent;
