using GridGovernance.Authority;
using GridGovernance.Contacts;
using GridGovernance.Organisation;
using static GridGovernance.Tests.Authority.YibinWorld;

namespace GridGovernance.Tests.Authority;

/// <summary>
/// Writing a contact log (联系记实簿, <c>contacts.log</c>) × every kind of actor, through
/// <see cref="ContactLogService.RecordAsync"/> on the <see cref="YibinWorld"/> roster: member 2's log (grid 1000),
/// and the actor's own log. The service must do what each case states, the table must allow exactly the cases not
/// refused, and a refusal throws <see cref="ForbiddenException"/> (<c>contacts.forbidden</c>) with every stored
/// version unchanged.
/// </summary>
public sealed class ContactsAuthorityMatrixTest
{
    private static readonly Dictionary<string, Actor> Actors = new()
    {
        ["secretary"] = Actor.Post(M(1), RoleKind.Secretary, U(1000)),          // 书记 of grid 1000: member 2's grid
        ["district-secretary"] = Actor.Post(M(90), RoleKind.Secretary, U(1)),
        ["chair"] = Actor.Post(M(6), RoleKind.RotatingChair, U(50)),            // a real post over grid 1000, not a logging one
        ["post-elsewhere"] = Actor.Post(M(4), RoleKind.Secretary, U(1100)),
        ["post-not-held"] = Actor.Post(M(2), RoleKind.Secretary, U(1000)),
        ["wrong-role"] = Actor.Post(M(5), RoleKind.GridHead, U(1000)),
        ["unknown-post"] = Actor.Post(M(999), RoleKind.Secretary, U(1000)),
        ["the-member"] = Actor.Member(M(2)),
        ["another-member"] = Actor.Member(M(5)),
        ["unknown-member"] = Actor.Member(M(999)),
        ["resident"] = Actor.Resident("13800000001"),
        ["department"] = Actor.Officer("civil-affairs", "officer-1"),
        ["system"] = Actor.System("contacts-job"),
    };

    /// <summary>Who may write member 2's log, and who may write their own. Cases not named are refused.</summary>
    private static readonly Dictionary<string, HashSet<string>> Allowed = new()
    {
        ["member-2-log"] = ["secretary", "district-secretary", "the-member"],
        // In a post nobody writes their own log (self-dealing); in person everyone on the roster does.
        ["own-log"] = ["the-member", "another-member"],
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var log in Allowed.Keys)
        {
            foreach (var actor in Actors.Keys)
            {
                data.Add(log, actor);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task RecordAsync_AllowsExactlyWhomTheTableAllows_AndARefusalChangesNothing(string log, string actorCase)
    {
        using var yibin = new YibinWorld();
        await yibin.InitializeAsync();
        var world = yibin.World;
        var actor = Actors[actorCase];
        var member = log == "own-log" && actor.IsMember ? actor.MemberId : M(2);
        var request = new ContactRecordRequest(member, new HouseholdId(1), Day, ContactKind.Visit, "走访");
        bool expected = Allowed[log].Contains(actorCase);
        var before = world.Versions();

        bool allowed;
        try
        {
            var record = await world.RunAsync<ContactLogService, ContactRecord>(s => s.RecordAsync(actor, request));
            Assert.Equal(actor.AuditName, record.RecordedBy);
            allowed = true;
        }
        catch (ForbiddenException e)
        {
            Assert.Equal(("contacts.forbidden", Capabilities.LogContact), (e.Code, e.Capability));
            Assert.DoesNotContain("13800000001", e.Message, StringComparison.Ordinal);
            allowed = false;
        }

        Assert.Equal(expected, allowed);
        if (allowed)
        {
            var written = await world.RunAsync<ContactLogService, ContactLog?>(s => s.LogOfAsync(member, Day.Year));
            Assert.Equal(actor.AuditName, Assert.Single(written!.Records).RecordedBy);
        }
        else
        {
            Assert.Equal(before, world.Versions());
        }
        var index = await world.BuildIndexAsync(Day);
        var decision = AuthorityRules.Decide(AuthorityTable.Default, actor, Capabilities.LogContact, AuthoritySubject.OfMember($"contact-log:{member.Value}/2024", member), index);
        Assert.True(decision.IsAllowed == allowed, $"The table says {decision.IsAllowed} ({decision.Reason}); the service allowed: {allowed}.");
    }
}
