using System.Globalization;
using System.Text;
using FsCheck.Xunit;
using GridGovernance.Scoring.Rankings;
using GridGovernance.Testing;
using GridGovernance.Tests.Scoring.Stars;
using GridGovernance.Tests.WorkOrders;
using GridGovernance.WorkOrders;
using NodaTime;

namespace GridGovernance.Tests;

/// <summary>
/// The privacy property: for random names, phones, addresses (every numeral form), landmarks and free texts, no public
/// output — board rows, ranking rows, contact-card fields (names and phones through the same masks) — holds any of them
/// unmasked, nor the hidden middle of a phone number, nor a digit run of four or more outside the masked phone, nor a
/// control, bidi or zero-width character. Resident-visible errors: <see cref="ResidentErrorsPrivacyTest"/>.
/// </summary>
public sealed class PrivacyProperties
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    [Property(Arbitrary = [typeof(PersonalDataArbitraries)], MaxTest = 300)]
    public void PublicOutputs_NeverHoldPersonalDataUnmasked(PersonalData person)
    {
        string category = person.FreeText.Trim();
        category = category[..Math.Min(50, category.Length)].Trim();
        var withAddress = File(1, person, "leak", person.Address);
        var withLandmark = File(2, person, category.Length == 0 ? "x" : category, person.Landmark);
        WorkOrderFixture.Run(withAddress, WorkOrderCommand.Triage, WorkOrderFixture.Start);
        WorkOrderFixture.Run(withAddress, WorkOrderCommand.Claim, WorkOrderFixture.Start);
        WorkOrderFixture.Run(withAddress, WorkOrderCommand.Whistle, WorkOrderFixture.Start, department: category.Replace(" ", "", StringComparison.Ordinal) is { Length: > 0 } d ? d : "x");
        var board = PublicBoard.Entries([withAddress, withLandmark], new LocalDate(2024, 5, 1), new LocalDate(2024, 5, 31), Zone);
        var ranking = RankingBoard.Rank(StarsRankingsBook.WithScores([10, 20])).ToPublic(m => m.Value == 1 ? person.Name : "\u202E" + person.Name + "\u200B");

        Assert.Equal(2, board.Length);
        var shown = new List<string>();
        foreach (var entry in board)
        {
            Assert.Equal(PersonalDataMasking.MaskPhone(person.Phone), entry.Phone);
            shown.AddRange([entry.Category, entry.UnitName, entry.Place, entry.FiledBy, .. entry.Departments]);
        }
        shown.AddRange(ranking.Select(r => r.MaskedName));
        shown.Add(PersonalDataMasking.MaskName(person.FreeText)); // a free text typed into a name field
        shown.Add(PersonalDataMasking.MaskAddress(person.FreeText)); // or into an address field
        Assert.Equal("***", board[1].Place); // a landmark is no address: masked whole

        string phones = board[0].Phone;
        string middle = person.PhoneDigits[3..7];
        foreach (string text in shown)
        {
            Assert.DoesNotContain(person.Name, text, StringComparison.Ordinal);
            Assert.DoesNotContain(person.Phone, text, StringComparison.Ordinal);
            Assert.DoesNotContain(person.HouseNumber, text, StringComparison.Ordinal);
            Assert.DoesNotContain(person.Landmark, text, StringComparison.Ordinal);
            Assert.DoesNotContain(person.FreeText, text, StringComparison.Ordinal);
            Assert.True(LongestDigitRun(text) < 4, $"'{text}' shows a run of four digits or more.");
            Assert.DoesNotContain(text.EnumerateRunes(), IsInvisible);
        }
        // The masked phone shows only its first three and last four digits (the middle shows only when it repeats the last four).
        Assert.True(middle == person.PhoneDigits[7..] || !phones.Contains(middle, StringComparison.Ordinal));
        Assert.DoesNotContain(phones.EnumerateRunes(), IsInvisible);
    }

    private static WorkOrder File(int id, PersonalData person, string category, string address)
    {
        var draft = WorkOrderFixture.Draft(category) with
        {
            Description = person.FreeText,
            FilerName = person.Name,
            FilerPhone = person.Phone,
            Address = address,
        };
        return WorkOrder.File(new WorkOrderId(id), draft, WorkOrderActor.ForResident(person.FilerKey), WorkOrderFixture.Grid, WorkOrderFixture.Start);
    }

    private static int LongestDigitRun(string text)
    {
        int longest = 0, run = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            run = Rune.IsDigit(rune) ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }

    private static bool IsInvisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate || rune.Value == 0xFFFD;
}
