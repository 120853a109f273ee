using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Organisation;
using GridGovernance.WorkOrders;

namespace GridGovernance.Tests;

/// <summary>
/// The validators and the phone mask share one recogniser (<see cref="PhoneNumbers"/>): whatever a validator accepts as a
/// phone, <see cref="PersonalDataMasking.MaskPhone"/> masks on the same digits, so they cannot disagree (issue 14).
/// </summary>
public sealed class PhoneRecogniserProperties
{
    private static readonly string[] Separators = ["", "", "-", " ", "\u3000", "－", "(", ")", "."];

    /// <summary>Phone-like texts: ASCII and full-width digits in groups, separators, a +86 or ＋８６ prefix, now and then a stray letter.</summary>
    private static Gen<string> PhoneLikeGen() =>
        from prefix in Gen.Elements("", "", "+86 ", "+86-", "＋８６　", "+", "86", "0086 ")
        from groups in Gen.Choose(1, 4).SelectMany(n => Gen.CollectToArray(Enumerable.Range(0, n), _ =>
            from length in Gen.Choose(1, 6)
            from digits in Gen.ArrayOf(Gen.Choose(0, 9), length)
            from fullWidth in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
            from separator in Gen.Elements(Separators)
            select separator + string.Concat(digits.Select(d => (char)((fullWidth ? '０' : '0') + d)))))
        from stray in Gen.Frequency((9, Gen.Constant("")), (1, Gen.Elements("x", "+", "转", "٣")))
        select prefix + string.Concat(groups) + stray;

    private static string AsciiDigits(string text) =>
        string.Concat(text.Where(c => PhoneNumbers.DigitValue(c) >= 0).Select(c => (char)('0' + PhoneNumbers.DigitValue(c))));

    [Property(MaxTest = 500)]
    public Property WhatTheValidatorsAcceptAsAPhone_TheMaskMasksOnTheSameDigits() =>
        Prop.ForAll(PhoneLikeGen().ToArbitrary(), text =>
        {
            bool filer = WorkOrderDraftValidator.IsPhone(text), roster = RosterRules.IsValidPhone(text);
            if (!filer)
            {
                // The roster's form is the strict form of the same recogniser: never a phone the filer's check refuses.
                return !roster;
            }
            string digits = PhoneNumbers.Digits(text)!;
            string masked = PersonalDataMasking.MaskPhone(text);
            int n = digits.Length;
            string expected = n >= 8 ? digits[..3] + new string('*', n - 7) + digits[^4..] : new string('*', n - 2) + digits[^2..];
            string all = AsciiDigits(text);
            return masked == expected
                   && (all == digits || ((text.StartsWith('+') || text.StartsWith('＋')) && all == "86" + digits))
                   && !masked.Contains(digits, StringComparison.Ordinal)
                   && n is >= 5 and <= 15;
        });

    [Fact]
    public void TheGenerator_MakesPhonesAndNonPhones_AndTheFormsResidentsWrite()
    {
        var texts = PhoneLikeGen().Sample(400).ToList();
        Assert.Contains(texts, t => WorkOrderDraftValidator.IsPhone(t));
        Assert.Contains(texts, t => !WorkOrderDraftValidator.IsPhone(t));

        Assert.Equal("138****1234", PersonalDataMasking.MaskPhone("+86 138-1234-1234"));
        Assert.Equal("138****1234", PersonalDataMasking.MaskPhone("＋８６　１３８－１２３４－１２３４"));
        Assert.Equal("138****1234", PersonalDataMasking.MaskPhone("(138) 1234 1234"));
        Assert.True(RosterRules.IsValidPhone("+8613812341234"));
        Assert.False(RosterRules.IsValidPhone("138-1234-1234")); // the roster stores digits only
        Assert.False(RosterRules.IsValidPhone("１３８１２３４１２３４"));
    }
}
