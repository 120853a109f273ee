namespace GridGovernance.Organisation;

internal static class RosterRules
{
    /// <summary>A roster phone: 5 to 15 ASCII digits, an optional leading <c>+</c> (the strict form of <see cref="PhoneNumbers"/>).</summary>
    internal static bool IsValidPhone(string phone) => PhoneNumbers.IsPhone(phone, strict: true);
}
