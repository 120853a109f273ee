using GridGovernance.Organisation;
using GridGovernance.Testing;

namespace GridGovernance.Tests;

/// <summary>The one input policy (issue 14): every limit at, just below and just above, every refused character class.</summary>
public sealed class InputPolicyTest
{
    [Theory]
    [InlineData(InputPolicy.MaxKeyLength)]
    [InlineData(InputPolicy.MaxNameLength)]
    [InlineData(InputPolicy.MaxAddressLength)]
    [InlineData(InputPolicy.MaxFreeTextLength)]
    public void CheckText_AtBelowAndAboveTheLimit(int limit)
    {
        Assert.Null(InputPolicy.CheckText(new string('x', limit - 1), "F", null, limit));
        Assert.Null(InputPolicy.CheckText(new string('x', limit), "F", null, limit));
        var problem = InputPolicy.CheckText(new string('x', limit + 1), "Row[2].F", "k", limit);
        Assert.NotNull(problem);
        Assert.Equal(("Row[2].F", "k", ErrorCodes.TextTooLong), (problem.Field, problem.Key, problem.Rule));
        Assert.Contains($"at most {limit}", problem.Message);
    }

    [Fact]
    public void CheckText_RefusesEveryRefusedCharacter_InFreeTextToo()
    {
        Assert.Equal(25, HostileInputs.RefusedCharacters.Count);
        foreach (var bad in HostileInputs.RefusedCharacters)
        {
            foreach (bool freeText in new[] { false, true })
            {
                var problem = InputPolicy.CheckText("ab" + bad + "c", "F", null, 100, freeText: freeText);
                Assert.NotNull(problem);
                Assert.Equal(ErrorCodes.ForbiddenCharacter, problem.Rule);
                Assert.Contains($"U+{(int)bad[0]:X4}", problem.Message);
                Assert.Contains("position 2", problem.Message);
            }
        }
    }

    [Theory]
    [InlineData('\u200A', false)] // hair space: just below the zero-width block, allowed
    [InlineData('\u200B', true)]
    [InlineData('\u200D', true)]
    [InlineData('\u2029', false)] // paragraph separator: just below the bidi block, allowed
    [InlineData('\u202A', true)]
    [InlineData('\u202E', true)]
    [InlineData('\u202F', false)] // narrow no-break space: just above, allowed
    [InlineData('\u2065', false)]
    [InlineData('\u2066', true)]
    [InlineData('\u2069', true)]
    [InlineData('\u206A', false)]
    [InlineData('\u001F', true)] // last C0 control
    [InlineData(' ', false)]
    [InlineData('\u007E', false)]
    [InlineData('\u007F', true)] // DEL
    [InlineData('\u009F', true)] // last C1 control
    [InlineData('\u00A0', false)]
    public void IsForbidden_AtTheEdgesOfEachBlock(char c, bool forbidden)
    {
        Assert.Equal(forbidden, InputPolicy.IsForbidden(c));
    }

    [Fact]
    public void FreeText_AllowsTabAndLineBreaks_OtherTextsDoNot()
    {
        foreach (var c in new[] { '\t', '\n', '\r' })
        {
            Assert.True(InputPolicy.IsForbidden(c));
            Assert.False(InputPolicy.IsForbidden(c, freeText: true));
        }
        Assert.Null(InputPolicy.CheckText("第一行\r\n第二行\t完", "F", null, 100, freeText: true));
        Assert.NotNull(InputPolicy.CheckText("第一行\n第二行", "F", null, 100));
    }

    [Fact]
    public void Surrogates_PairedAreText_LoneOnesAreNot()
    {
        Assert.Equal(-1, InputPolicy.FindForbidden("😀𠀀"));
        Assert.Equal(1, InputPolicy.FindForbidden("a\uD800b"));
        Assert.Equal(1, InputPolicy.FindForbidden("a\uDC00"));
        Assert.Equal(2, InputPolicy.FindForbidden("😀\uD83D")); // a high surrogate at the very end
        Assert.Equal(0, InputPolicy.FindForbidden("\uDE00\uD83D")); // low before high is no pair
    }

    [Fact]
    public void CheckText_RequiredAndOptional()
    {
        Assert.Equal(ErrorCodes.InvalidValue, InputPolicy.CheckText(null, "F", null, 10)!.Rule);
        Assert.Equal(ErrorCodes.InvalidValue, InputPolicy.CheckText(" \u3000", "F", null, 10)!.Rule);
        Assert.Null(InputPolicy.CheckText(null, "F", null, 10, required: false));
        Assert.Null(InputPolicy.CheckText("", "F", null, 10, required: false));
    }

    [Fact]
    public void CheckDefined_RefusesUndefinedValues()
    {
        Assert.Null(InputPolicy.CheckDefined(MemberKind.Mobile, "Kind", null));
        var problem = InputPolicy.CheckDefined((MemberKind)99, "Members[0].Kind", "member:1");
        Assert.NotNull(problem);
        Assert.Equal(("Members[0].Kind", ErrorCodes.UndefinedEnum), (problem.Field, problem.Rule));
        Assert.Contains("99", problem.Message);
        Assert.NotNull(InputPolicy.CheckDefined((MemberKind)(-1), "Kind", null));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(InputPolicy.MaxClaimantsRequired, false)]
    [InlineData(InputPolicy.MaxClaimantsRequired + 1, true)]
    public void CheckRange_Whole(int value, bool refused)
    {
        var problem = InputPolicy.CheckRange(value, 1, InputPolicy.MaxClaimantsRequired, "P.ClaimantsRequired", null);
        Assert.Equal(refused, problem is not null);
        Assert.True(problem is null || problem.Rule == ErrorCodes.OutOfRange);
    }

    [Theory]
    [InlineData("-0.0001", true)]
    [InlineData("0", false)]
    [InlineData("9.9999", false)]
    [InlineData("10", false)]
    [InlineData("10.0001", true)]
    [InlineData("100000000000000000000", true)]
    public void CheckRange_Decimal(string value, bool refused)
    {
        var problem = InputPolicy.CheckRange(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), 0m, InputPolicy.MaxKindMultiplier, "M", null);
        Assert.Equal(refused, problem is not null);
    }

    [Fact]
    public void ThrowIfAny_ListsEveryProblem_OrReturns()
    {
        InputPolicy.ThrowIfAny("Nothing", [null, null]);
        var e = Assert.Throws<GridGovernanceValidationException>(() => InputPolicy.ThrowIfAny("The input", [
            InputPolicy.CheckText("\0", "A", null, 5), null, InputPolicy.CheckRange(7, 0, 5, "B", null)]));
        Assert.Equal(["A", "B"], e.Problems.Select(p => p.Field));
        Assert.Equal(ErrorCodes.ValidationFailed, e.Code);
    }
}
