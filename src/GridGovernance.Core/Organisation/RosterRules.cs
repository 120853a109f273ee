namespace GridGovernance.Organisation;

internal static class RosterRules
{
    internal static bool IsValidPhone(string phone)
    {
        var digits = phone.StartsWith('+') ? phone.AsSpan(1) : phone.AsSpan();
        if (digits.Length is < 5 or > 15)
        {
            return false;
        }
        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }
        return true;
    }
}
