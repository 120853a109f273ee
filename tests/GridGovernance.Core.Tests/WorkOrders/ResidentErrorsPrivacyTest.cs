using System.Text;
using GridGovernance.Authority;
using GridGovernance.Testing;
using GridGovernance.WorkOrders;

namespace GridGovernance.Tests.WorkOrders;

/// <summary>
/// An error a resident can see never holds another person's key, name, phone or address (nor their own key): the
/// resident-facing commands (filing, rating) and every command a resident may try are driven with random personal
/// data, and every exception message is searched for it.
/// </summary>
public sealed class ResidentErrorsPrivacyTest
{
    [Fact]
    public async Task ResidentFacingErrors_NeverNameAKeyNameOrPhone()
    {
        using var f = new WorkOrderServiceFixture();
        var people = Samples.Draw(PersonalDataArbitraries.PersonalDataGen(), 24, seed: 14);
        int checkedMessages = 0;
        for (int i = 0; i < people.Length; i += 2)
        {
            var filer = people[i];
            var stranger = people[i + 1];
            var filerActor = Actor.Resident(filer.FilerKey);
            var strangerActor = Actor.Resident(stranger.FilerKey);
            var draft = WorkOrderServiceFixture.Draft() with
            {
                // The input policy refuses invisible characters at filing (the masking strips them too, for data
                // stored before): file what a resident can file.
                Description = Fileable(filer.FreeText),
                FilerName = filer.Name,
                FilerPhone = filer.Phone,
                Address = filer.Address,
            };
            var order = await f.RunAsync(s => s.FileAsync(filerActor, draft));
            var id = order.Id;
            var messages = new List<string>();
            async Task Refused(Func<WorkOrderService, Task> command)
            {
                var e = await Assert.ThrowsAnyAsync<GridGovernanceException>(() => f.RunAsync(async s => { await command(s); return 0; }));
                messages.Add(Describe(e));
            }

            // Out of turn, by the filer and by a stranger (the transition table refuses first).
            await Refused(s => s.RateAsync(filerActor, id, true, filer.FreeText));
            await Refused(s => s.RateAsync(strangerActor, id, false, stranger.FreeText));
            // What a resident may not do at all.
            await Refused(s => s.TriageAsync(strangerActor, id));
            await Refused(s => s.TriageAsync(filerActor, id));
            await f.RunAsync(s => s.TriageAsync(WorkOrderServiceFixture.Secretary100, id));
            await Refused(s => s.ClaimAsync(strangerActor, id));
            await Refused(s => s.ClaimAsync(filerActor, id));
            await f.RunAsync(s => s.ClaimAsync(WorkOrderServiceFixture.Secretary100, id));
            await Refused(s => s.SuperviseAsync(strangerActor, id, "催办"));
            await Refused(s => s.ResolveAsync(filerActor, id, "done"));
            await f.RunAsync(s => s.ResolveAsync(WorkOrderServiceFixture.Secretary100, id, "已修复"));
            await Refused(s => s.CloseAsync(strangerActor, id));
            // A stranger rating a resolved order: the authority policy refuses.
            await Refused(s => s.RateAsync(strangerActor, id, true));
            // The aggregate's own check, as a table that let anyone rate would reach it.
            var loaded = await f.RunAsync(s => s.GetAsync(id));
            var notFiler = Assert.ThrowsAny<GridGovernanceException>(() => loaded.Rate(true, null, new WorkOrderActor(strangerActor.AuditName),
                WorkOrderFixture.Limits, WorkOrderFixture.Policy, f.Clock.GetCurrentInstant()));
            Assert.Equal(ErrorCodes.WorkOrderNotFiler, notFiler.Code);
            messages.Add(Describe(notFiler));
            // A filing refused for its unit.
            await Refused(s => s.FileAsync(strangerActor, draft with { Unit = new OrgUnitId(99_999) }));
            // A filing refused by the authority policy: it is decided on the new order, which holds the draft's name and
            // phone; the refusal names the order by its label only, and nothing is stored.
            var next = new WorkOrderId(id.Value + 1);
            var forbidden = await Assert.ThrowsAsync<ForbiddenException>(() => f.RunAsync(s => s.FileAsync(WorkOrderServiceFixture.Stranger110, draft)));
            Assert.Equal($"workorder:{next.Value}", forbidden.Subject.Label);
            await Assert.ThrowsAsync<EntityNotFoundException>(() => f.RunAsync(s => s.GetAsync(next)));
            messages.Add(Describe(forbidden));

            foreach (string message in messages)
            {
                foreach (var person in new[] { filer, stranger })
                {
                    Assert.DoesNotContain(person.FilerKey, message, StringComparison.Ordinal);
                    Assert.DoesNotContain(person.Name, message, StringComparison.Ordinal);
                    Assert.DoesNotContain(person.PhoneDigits[..7], message, StringComparison.Ordinal);
                    Assert.DoesNotContain(person.PhoneDigits[4..], message, StringComparison.Ordinal);
                    Assert.DoesNotContain(person.Phone, message, StringComparison.Ordinal);
                    Assert.DoesNotContain(person.HouseNumber, message, StringComparison.Ordinal);
                }
                checkedMessages++;
            }
        }
        Assert.Equal(12 * 13, checkedMessages);
    }

    [Fact]
    public void NotFiler_Message_NamesNoKey()
    {
        var order = WorkOrderFixture.InState(WorkOrderStatus.Resolved);
        var stranger = WorkOrderActor.ForResident("13900001111");

        var e = Assert.Throws<GridGovernanceException>(() => order.Rate(true, null, stranger, WorkOrderFixture.Limits, WorkOrderFixture.Policy, WorkOrderFixture.Start.Plus(NodaTime.Duration.FromDays(1))));

        Assert.Equal($"a resident did not file {order.Id}; only its filer may rate it.", e.Message);
        Assert.DoesNotContain("r-1", e.Message, StringComparison.Ordinal); // the filer's key
    }

    [Fact]
    public void IllegalTransition_ByAResident_NamesNoKey()
    {
        var order = WorkOrderFixture.NewOrder();

        var e = Assert.Throws<IllegalTransitionException>(() => order.Rate(true, null, WorkOrderFixture.Resident, WorkOrderFixture.Limits, WorkOrderFixture.Policy, WorkOrderFixture.Start));

        Assert.Equal("a resident", e.Actor);
        Assert.Contains("(asked by a resident)", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("r-1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IllegalTransition_ByADepartmentOfficer_NamesTheDepartmentOnly()
    {
        var order = WorkOrderFixture.NewOrder();

        var e = Assert.Throws<IllegalTransitionException>(() => order.AcknowledgePart("housing", new WorkOrderActor("department:housing/13900001111"), WorkOrderFixture.Start));

        Assert.Equal("department:housing", e.Actor);
        Assert.DoesNotContain("13900001111", e.Message, StringComparison.Ordinal);
    }

    private static string Describe(GridGovernanceException e)
    {
        var text = new StringBuilder(e.Message);
        if (e is GridGovernanceValidationException v)
        {
            foreach (var p in v.Problems)
            {
                text.Append('|').Append(p.Message).Append('|').Append(p.Key);
            }
        }
        return text.ToString();
    }

    private static string Fileable(string text)
    {
        var kept = new System.Text.StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept.Append(text, i++, 2);
            }
            else if (!InputPolicy.IsForbidden(text[i], freeText: true))
            {
                kept.Append(text[i]);
            }
        }
        return kept.ToString();
    }
}
