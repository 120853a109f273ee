using GridGovernance.Organisation;
using GridGovernance.Persistence;

namespace GridGovernance.Claims;

/// <summary>
/// Carries the claims work bound to units a restructure closes (see <see cref="IRestructureParticipant"/>): open projects
/// on a closing unit's list, and its claims and signed agreements on open projects; needs on its list that are not yet
/// packaged or are packaged into an open project; micro-wishes in its pool that are open or claimed. Each goes to the
/// successor (<see cref="RestructureChange.SuccessorOf"/>, labels <c>project:3</c>, <c>need:5</c>, <c>wish:2</c>) with
/// one event (<see cref="ServiceProjectFollowedSuccessor"/>, <see cref="NeedFollowedSuccessor"/>,
/// <see cref="MicroWishFollowedSuccessor"/>); the claims module keeps no audit trail of its own. A unit closed without a
/// successor, or a claim whose successor already claims the same project, blocks the change. Completed and failed
/// projects, fulfilled wishes and needs of finished projects stay where they ended (history).
/// </summary>
[Immutable]
internal sealed class ClaimRestructureParticipant : IRestructureParticipant
{
    private readonly IRepository<ServiceProject> projects;
    private readonly IRepository<Need> needs;
    private readonly IRepository<MicroWish> wishes;

    public ClaimRestructureParticipant(IRepository<ServiceProject> projects, IRepository<Need> needs, IRepository<MicroWish> wishes)
    {
        this.projects = Preconditions.CheckNotNull(projects);
        this.needs = Preconditions.CheckNotNull(needs);
        this.wishes = Preconditions.CheckNotNull(wishes);
    }

    public async Task<IReadOnlyList<RestructureBlocker>> CarryAsync(RestructureChange change, CancellationToken cancellationToken = default)
    {
        Preconditions.CheckNotNull(change);
        var blockers = new List<RestructureBlocker>();
        string actor = change.Actor.AuditName;
        var staged = new List<Func<Task>>();

        var open = new List<ServiceProject>();
        foreach (var status in new[] { ProjectStatus.Proposed, ProjectStatus.Open, ProjectStatus.Claimed, ProjectStatus.AgreementSigned, ProjectStatus.InDelivery })
        {
            open.AddRange(await projects.ListAsync(new ProjectsInStatus(status), cancellationToken).ConfigureAwait(false));
        }
        var openIds = open.Select(p => p.Id).ToHashSet();
        foreach (var project in open.OrderBy(p => p.Id))
        {
            string work = project.Id.ToString();
            var bound = new[] { project.Unit }.Concat(project.Claims.Select(c => c.Unit)).Where(change.IsClosing).Distinct().Order().ToList();
            if (bound.Count == 0)
            {
                continue;
            }
            var moves = new List<(OrgUnitId From, OrgUnitId To)>();
            foreach (var from in bound)
            {
                if (change.SuccessorOf(from, work, from) is not OrgUnitId to)
                {
                    blockers.Add(new RestructureBlocker(work, from, $"project {project.Name} is {project.Status} and bound to it (its list or a claim); finish or fail it first"));
                }
                else if (project.IsClaimedBy(from) && (project.IsClaimedBy(to) || moves.Any(m => m.To == to && project.IsClaimedBy(m.From))))
                {
                    blockers.Add(new RestructureBlocker(work, from, $"its claim on project {project.Name} would pass to {to}, which claims it already; one unit holds one claim"));
                }
                else
                {
                    moves.Add((from, to));
                }
            }
            staged.Add(async () =>
            {
                foreach (var (from, to) in moves)
                {
                    project.FollowSuccessor(from, to, change.Effective, actor);
                }
                await projects.UpdateAsync(project, cancellationToken).ConfigureAwait(false);
            });
        }

        foreach (var need in (await needs.ListAsync(cancellationToken).ConfigureAwait(false)).OrderBy(n => n.Id))
        {
            if (!change.IsClosing(need.Unit) || (need.Project is ProjectId p && !openIds.Contains(p)))
            {
                continue;
            }
            if (change.SuccessorOf(need.Unit, need.Id.ToString(), need.Unit) is not OrgUnitId to)
            {
                blockers.Add(new RestructureBlocker(need.Id.ToString(), need.Unit, "an open need is on its list; package it into another unit's project or withdraw it first"));
                continue;
            }
            staged.Add(async () =>
            {
                need.FollowSuccessor(to, change.Effective, actor);
                await needs.UpdateAsync(need, cancellationToken).ConfigureAwait(false);
            });
        }

        foreach (var status in new[] { WishStatus.Open, WishStatus.Claimed })
        {
            foreach (var wish in await wishes.ListAsync(new WishesInStatus(status), cancellationToken).ConfigureAwait(false))
            {
                if (!change.IsClosing(wish.Unit))
                {
                    continue;
                }
                if (change.SuccessorOf(wish.Unit, wish.Id.ToString(), wish.Unit) is not OrgUnitId to)
                {
                    blockers.Add(new RestructureBlocker(wish.Id.ToString(), wish.Unit, $"a micro-wish is {wish.Status} in its pool; fulfil it first"));
                    continue;
                }
                staged.Add(async () =>
                {
                    wish.FollowSuccessor(to, change.Effective, actor);
                    await wishes.UpdateAsync(wish, cancellationToken).ConfigureAwait(false);
                });
            }
        }

        if (blockers.Count > 0)
        {
            return blockers; // refused: nothing staged
        }
        foreach (var stage in staged)
        {
            await stage().ConfigureAwait(false);
        }
        return blockers;
    }
}
