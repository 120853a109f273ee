using System.Collections.Immutable;
using GridGovernance.Contacts;

namespace GridGovernance.Persistence;

/// <summary>
/// The stored form of a <see cref="ContactLog"/>: every value the aggregate keeps, by a name that is part of the storage
/// contract (renaming one needs a new form version and an upgrade step, <see cref="StoredForms.ContactLog"/>). The version
/// (the concurrency token) is not part of it.
/// </summary>
[Immutable]
public sealed record ContactLogStoredForm
{
    /// <summary>The aggregate's id.</summary>
    public required ContactLogId Id { get; init; }

    /// <summary>The entries, in the order written.</summary>
    public required ImmutableList<ContactRecord> Records { get; init; }
}
