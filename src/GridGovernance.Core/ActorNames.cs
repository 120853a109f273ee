using System.Globalization;

namespace GridGovernance;

/// <summary>The textual form shared by the actor types of the ledger and of work orders: <c>member:{id}</c> for a member.</summary>
internal static class ActorNames
{
    internal const string MemberPrefix = "member:";

    internal static string ForMember(MemberId member) => MemberPrefix + member.Value.ToString(CultureInfo.InvariantCulture);

    internal static bool TryGetMember(string? value, out MemberId member)
    {
        if (value is not null && value.StartsWith(MemberPrefix, StringComparison.Ordinal)
            && int.TryParse(value.AsSpan(MemberPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int id) && id > 0)
        {
            member = new MemberId(id);
            return true;
        }
        member = default;
        return false;
    }
}
