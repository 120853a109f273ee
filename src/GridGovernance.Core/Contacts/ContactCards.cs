using System.Collections.Immutable;
using System.Globalization;
using GridGovernance.Organisation;

namespace GridGovernance.Contacts;

/// <summary>Makes contact cards and contact groups (3+N) from a plan and its chains.</summary>
[Immutable]
public static class ContactCards
{
    /// <summary>The stable id of a member's contact group: <c>contact-group:&lt;member&gt;</c>.</summary>
    /// <param name="member">The member.</param>
    public static string ContactGroupIdOf(MemberId member) => "contact-group:" + member.Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A member's contact group.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="member">The member.</param>
    public static ContactGroup GroupOf(ContactPlan plan, MemberId member)
    {
        Preconditions.CheckNotNull(plan);
        return new ContactGroup(ContactGroupIdOf(member), member, [.. plan.HouseholdsOf(member)]);
    }

    /// <summary>The card of a household, or <c>null</c> when it has no contact member.</summary>
    /// <param name="chains">The chains.</param>
    /// <param name="household">The household.</param>
    /// <param name="members">The members by id (for names and phones).</param>
    /// <exception cref="GridGovernanceException"><c>contacts.unknown-reference</c>: the household has no chain, or a member of its chain is not in <paramref name="members"/>.</exception>
    public static ContactCard? For(ResponsibilityChainIndex chains, HouseholdId household, IReadOnlyDictionary<MemberId, Member> members)
    {
        Preconditions.CheckNotNull(chains);
        Preconditions.CheckNotNull(members);
        var chain = chains.ChainOf(household);
        if (chain.Contact is not MemberId contact)
        {
            return null;
        }
        var member = Find(members, contact);
        var escalation = ImmutableArray.CreateBuilder<CardContact>();
        OrgUnitId? group = null;
        foreach (var level in chain.Levels)
        {
            if (level.Kind == UnitKind.PartyGroup && group is null)
            {
                group = level.Unit;
            }
            if (level.Answerer is MemberId a && level.Role is RoleKind role && a != contact)
            {
                var answerer = Find(members, a);
                escalation.Add(new CardContact(level.Unit, level.Kind, role, a, PersonalDataMasking.MaskName(answerer.Name), Mask(answerer.Phone)));
            }
        }
        return new ContactCard(household, contact, PersonalDataMasking.MaskName(member.Name), Mask(member.Phone), group, ContactGroupIdOf(contact), escalation.ToImmutable());
    }

    private static string? Mask(string? phone) => phone is null ? null : PersonalDataMasking.MaskPhone(phone);

    private static Member Find(IReadOnlyDictionary<MemberId, Member> members, MemberId id)
    {
        Preconditions.CheckState(members.TryGetValue(id, out var member), ErrorCodes.ContactsUnknownReference, $"{id} is on a chain but not among the members given.");
        return member!;
    }
}
