namespace GridGovernance;

// The refusals of the authority policy (ForbiddenException): one code a module, {module}.forbidden, the module being
// the part of a Capability's code before its dot. The modules of the well-known capabilities are listed here; a
// capability of an integrator's own module is refused with that module's code, which ErrorCodes.KindOf also knows.
public static partial class ErrorCodes
{
    /// <summary>The authority policy refused a <c>points.*</c> capability (declare, review, record, reverse, publish, object, resolve an objection).</summary>
    public const string PointsForbidden = "points.forbidden";
    /// <summary>The authority policy refused a <c>rewards.*</c> capability (credit, redeem, manage rewards).</summary>
    public const string RewardsForbidden = "rewards.forbidden";
    /// <summary>The authority policy refused a <c>workorders.*</c> capability (file, triage, claim, transfer, supervise, escalate, whistle, report, resolve, rate, close).</summary>
    public const string WorkOrderForbidden = "workorders.forbidden";
    /// <summary>The authority policy refused a <c>claims.*</c> capability (propose, claim, match, complete, claim a wish).</summary>
    public const string ClaimsForbidden = "claims.forbidden";
    /// <summary>The authority policy refused a <c>contacts.*</c> capability (log a contact).</summary>
    public const string ContactsForbidden = "contacts.forbidden";
    /// <summary>The authority policy refused an <c>organisation.*</c> capability (import, restructure, manage members, assign roles).</summary>
    public const string OrganisationForbidden = "organisation.forbidden";
}
