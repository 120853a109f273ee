using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Organisation;
using GridGovernance.Testing;
using static GridGovernance.Tests.Organisation.OrganisationFixture;

namespace GridGovernance.Tests.Organisation;

/// <summary>
/// Fuzzing the roster batch (issue 14): a batch of hostile names, addresses, phones, enums, numbers and locations on
/// top of a valid city either imports whole (every stored name then passes the input policy) or is refused with the
/// library's exception naming fields, and then nothing was stored.
/// </summary>
public sealed class RosterImportFuzzProperties
{
    [Property(MaxTest = 60)]
    public Property Import_HostileRows_ImportWholeOrAreRefusedWithFields() =>
        Prop.ForAll(BatchGen().ToArbitrary(), batch =>
        {
            using var city = CityHarness.Create(HierarchySchemas.Laiwu);
            city.Run(s => s.ImportAsync(TestActors.System, LaiwuCity(), D0));
            var before = city.Counts();
            Exception? error;
            try
            {
                city.Run(s => s.ImportAsync(TestActors.System, batch, D1));
                error = null;
            }
            catch (Exception e)
            {
                error = e;
            }
            if (error is not null)
            {
                return HostileInputs.IsLibraryRefusal(error) && city.Counts() == before;
            }
            var members = city.Store.Count<Member>() - before.Members;
            return members == batch.Members.Count
                   && batch.Members.All(m => InputPolicy.CheckText(m.Name, "Name", null, InputPolicy.MaxNameLength) is null && Enum.IsDefined(m.Kind))
                   && batch.Households.All(h => InputPolicy.CheckText(h.Address, "Address", null, InputPolicy.MaxAddressLength) is null);
        });

    private static Gen<RosterBatch> BatchGen() =>
        from members in Gen.Choose(0, 3).SelectMany(n => Gen.CollectToArray(Enumerable.Range(900, n), id =>
            from name in HostileInputs.Strings()
            from kind in HostileInputs.EnumValues<MemberKind>()
            from phone in Gen.Elements<string?>(null, "13800000009", "138\u202E00000009", "")
            from location in Gen.Frequency((1, HostileInputs.Locations().Select(l => (GeoPoint?)l)), (1, Gen.Constant((GeoPoint?)null)))
            select MemberRow(id, 1000, MemberKind.LongResident) with { Name = name, Kind = kind, Phone = phone, Location = location }))
        from households in Gen.Choose(0, 3).SelectMany(n => Gen.CollectToArray(Enumerable.Range(900, n), id =>
            from address in HostileInputs.Strings()
            from head in HostileInputs.NullableStrings()
            from residents in HostileInputs.Ints()
            select HouseholdRow(id, 1000) with { Address = address, HeadName = head, Residents = residents }))
        from nullRow in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new RosterBatch
        {
            Members = nullRow ? [.. members, null!] : members,
            Households = households,
        };
}
