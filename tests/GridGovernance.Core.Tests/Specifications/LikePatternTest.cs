using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Specifications;

namespace GridGovernance.Tests.Specifications;

public class LikePatternTest
{
    // Ardalis: Evaluators/SearchExtensionTests.ReturnsExpected_GivenPatternAndInput, every case without [] classes (theirs is
    // SQL Server's LIKE; ours is the SQLite/PostgreSQL one the stores share, where [ and ] are literal).
    [Theory]
    [InlineData(true, "%", "")]
    [InlineData(true, "%", " ")]
    [InlineData(true, "%", "asdfa asdf asdf")]
    [InlineData(true, "%", "%")]
    [InlineData(false, "_", "")]
    [InlineData(true, "_", " ")]
    [InlineData(true, "_", "4")]
    [InlineData(true, "_", "C")]
    [InlineData(true, "_", "c")]
    [InlineData(false, "_", "CX")]
    [InlineData(false, "_", "cx")]
    [InlineData(true, "%Stuff.txt", "Stuff.txt")]
    [InlineData(true, "%Stuff.txt", "MagicStuff.txt")]
    [InlineData(false, "%Stuff.txt", "MagicStuff.txt.img")]
    [InlineData(false, "%Stuff.txt", "Stuff.txt.img")]
    [InlineData(false, "%Stuff.txt", "MagicStuff001.txt.img")]
    [InlineData(true, "Stuff.txt%", "Stuff.txt")]
    [InlineData(false, "Stuff.txt%", "MagicStuff.txt")]
    [InlineData(false, "Stuff.txt%", "MagicStuff.txt.img")]
    [InlineData(true, "Stuff.txt%", "Stuff.txt.img")]
    [InlineData(false, "Stuff.txt%", "MagicStuff001.txt.img")]
    [InlineData(true, "%Stuff.txt%", "Stuff.txt")]
    [InlineData(true, "%Stuff.txt%", "MagicStuff.txt")]
    [InlineData(true, "%Stuff.txt%", "MagicStuff.txt.img")]
    [InlineData(true, "%Stuff.txt%", "Stuff.txt.img")]
    [InlineData(false, "%Stuff.txt%", "MagicStuff001.txt.img")]
    [InlineData(true, "%Stuff%.txt", "Stuff.txt")]
    [InlineData(true, "%Stuff%.txt", "MagicStuff.txt")]
    [InlineData(false, "%Stuff%.txt", "MagicStuff.txt.img")]
    [InlineData(false, "%Stuff%.txt", "Stuff.txt.img")]
    [InlineData(false, "%Stuff%.txt", "MagicStuff001.txt.img")]
    [InlineData(true, "%Stuff%.txt", "MagicStuff001.txt")]
    [InlineData(true, "Stuff%.txt%", "Stuff.txt")]
    [InlineData(false, "Stuff%.txt%", "MagicStuff.txt")]
    [InlineData(false, "Stuff%.txt%", "MagicStuff.txt.img")]
    [InlineData(true, "Stuff%.txt%", "Stuff.txt.img")]
    [InlineData(false, "Stuff%.txt%", "MagicStuff001.txt.img")]
    [InlineData(false, "Stuff%.txt%", "MagicStuff001.txt")]
    [InlineData(true, "%Stuff%.txt%", "Stuff.txt")]
    [InlineData(true, "%Stuff%.txt%", "MagicStuff.txt")]
    [InlineData(true, "%Stuff%.txt%", "MagicStuff.txt.img")]
    [InlineData(true, "%Stuff%.txt%", "Stuff.txt.img")]
    [InlineData(true, "%Stuff%.txt%", "MagicStuff001.txt.img")]
    [InlineData(true, "%Stuff%.txt%", "MagicStuff001.txt")]
    [InlineData(true, "_Stuff_.txt_", "1Stuff3.txt4")]
    [InlineData(false, "_Stuff_.txt_", "1Stuff.txt4")]
    [InlineData(false, "_Stuff_.txt_", "1Stuff3.txt")]
    [InlineData(false, "_Stuff_.txt_", "Stuff3.txt4")]
    [InlineData(true, "%ab%", "ab")]
    [InlineData(true, "%ab%", "abb")]
    [InlineData(true, "%ab%", "aaab")]
    [InlineData(true, "%ab%", "aaaab")]
    [InlineData(true, "%ab%", "aaaaab")]
    [InlineData(true, "%ab%", "aab")]
    // Their [] cases, with ours: the brackets are literal.
    [InlineData(false, "[A]", "a")]
    [InlineData(true, "[A]", "[a]")]
    [InlineData(false, "%TEST[ABCD]XXX", "lolTESTBXXX")]
    [InlineData(true, "%TEST[ABCD]XXX", "loltest[abcd]xxx")]
    // Ours: escapes, ASCII-only folding, one code point per _.
    [InlineData(true, @"100\%", "100%")]
    [InlineData(false, @"100\%", "1000")]
    [InlineData(true, @"a\_b", "A_B")]
    [InlineData(false, @"a\_b", "axb")]
    [InlineData(true, @"c:\\%", @"C:\temp")]
    [InlineData(false, "é", "É")]
    [InlineData(true, "É%", "Élan")]
    [InlineData(true, "_号楼", "1号楼")]
    [InlineData(false, "_号楼", "12号楼")]
    [InlineData(true, "枫_苑", "枫𠀀苑")]
    [InlineData(true, "%%a%%", "xa")]
    [InlineData(true, "", "")]
    [InlineData(false, "", "a")]
    public void IsMatch_FollowsTheSharedLikeRules(bool expected, string pattern, string input)
    {
        Assert.Equal(expected, new LikePattern(pattern).IsMatch(input));
    }

    [Fact]
    public void IsMatch_Null_NeverMatches()
    {
        Assert.False(new LikePattern("%").IsMatch(null));
    }

    // Ardalis: SearchExtensionTests.ThrowsInvalidSearchPattern_GivenInvalidPattern ("[" and "[]" are invalid there). In ours
    // they are literal; what is invalid is a backslash that escapes nothing, which PostgreSQL would refuse.
    [Theory]
    [InlineData(@"abc\")]
    [InlineData(@"a\bc")]
    [InlineData(@"\")]
    public void Constructor_DanglingOrUnknownEscape_Throws(string pattern)
    {
        var ex = Assert.Throws<GridGovernanceValidationException>(() => new LikePattern(pattern));

        Assert.Equal("pattern", ex.ParamName);
        Assert.True(new LikePattern("[").IsMatch("["));
    }

    [Fact]
    public void Constructor_Null_Throws()
    {
        Assert.Equal("pattern", Assert.Throws<ArgumentNullException>(() => new LikePattern(null!)).ParamName);
        Assert.Equal("literal", Assert.Throws<ArgumentNullException>(() => LikePattern.Escape(null!)).ParamName);
    }

    [Fact]
    public void FoldedPattern_FoldsAsciiLettersOnly()
    {
        var pattern = new LikePattern(@"ÉA\_z%");

        Assert.Equal(@"Éa\_z%", pattern.FoldedPattern);
        Assert.Equal(@"ÉA\_z%", pattern.ToString());
        Assert.Equal(new LikePattern("ab"), new LikePattern("ab"));
        Assert.NotEqual(new LikePattern("ab"), new LikePattern("AB"));
    }

    [Property]
    public Property Escape_MatchesTheTextItself_AndOnlyItUpToAsciiCase()
    {
        var pairs = from text in Text
                    from other in Text
                    select (text, other);
        return Prop.ForAll(pairs.ToArbitrary(), p =>
        {
            var pattern = new LikePattern(LikePattern.Escape(p.text));
            return pattern.IsMatch(p.text)
                && pattern.IsMatch(p.other) == (LikePattern.FoldAscii(p.text) == LikePattern.FoldAscii(p.other));
        });
    }

    [Property]
    public Property IsMatch_AgreesWithARegularExpressionOfTheSameRules()
    {
        var cases = from pattern in Gen.ArrayOf(Gen.Elements("a", "A", "b", "%", "_", @"\%", @"\_", @"\\", "é", "É", "𠀀"))
                    from value in Text
                    select (Pattern: string.Concat(pattern), Value: value);
        return Prop.ForAll(cases.ToArbitrary(), c => new LikePattern(c.Pattern).IsMatch(c.Value) == Reference(c.Pattern).IsMatch(c.Value));
    }

    private static Gen<string> Text => Gen.ArrayOf(Gen.Elements("a", "A", "b", "%", "_", @"\", "é", "É", "𠀀")).Select(string.Concat);

    // The rules written a second way: % is any run, _ is one code point, A-Z and a-z are one letter, the rest literal.
    private static Regex Reference(string pattern)
    {
        var regex = new StringBuilder(@"\A");
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\')
            {
                regex.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else if (c == '%')
            {
                regex.Append(@"[\s\S]*");
            }
            else if (c == '_')
            {
                regex.Append(@"(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[^\uD800-\uDFFF])");
            }
            else if (char.IsAsciiLetter(c))
            {
                regex.Append('[').Append(char.ToLowerInvariant(c)).Append(char.ToUpperInvariant(c)).Append(']');
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }
        return new Regex(regex.Append(@"\z").ToString(), RegexOptions.CultureInvariant);
    }
}
