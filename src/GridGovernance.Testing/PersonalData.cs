namespace GridGovernance.Testing;

/// <summary>
/// One resident's personal data as a filing may carry it, for privacy properties: none of it may reach a public
/// output (board rows, rankings, contact cards, resident-visible errors) unmasked. Made by
/// <see cref="PersonalDataArbitraries"/>.
/// </summary>
/// <param name="Name">A realistic Chinese name (王小明, 欧阳娜娜).</param>
/// <param name="PhoneDigits">The mobile number's eleven digits (13812345678).</param>
/// <param name="Phone">The number as written: plain, with dashes or spaces, with +86, or in full-width digits.</param>
/// <param name="Address">An estate and a house number in one of the numeral forms (西湖春天小区叁号楼2单元, 花园新村C座B单元).</param>
/// <param name="HouseNumber">The numbered part of <see cref="Address"/> (叁号楼2单元), which no output may show.</param>
/// <param name="Landmark">A place that is no address and names the person (王小明家楼下).</param>
/// <param name="FreeText">Free text that carries the name, the phone and the address, sometimes with markup, line breaks or bidi characters.</param>
/// <param name="FilerKey">The integrator's key for the resident: sometimes the phone number itself, or an account id.</param>
public sealed record PersonalData(string Name, string PhoneDigits, string Phone, string Address, string HouseNumber, string Landmark, string FreeText, string FilerKey)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name} {Phone} {Address} | {Landmark} | key {FilerKey}";
}
