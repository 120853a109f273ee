using System.Collections.Immutable;
using GridGovernance.Scoring.Ledger;
using NodaTime;

namespace GridGovernance.Scoring.Catalogue;

/// <summary>
/// A rule book (积分细则) kept in the catalogue: every version, each as its JSON, the unit that adopted it, and which
/// versions periods were published with. Looked up by its <see cref="RuleBookId"/>; changed only through
/// <see cref="RuleBookCatalogue"/>.
/// </summary>
/// <remarks>
/// A version no publication used yet may be replaced (a draft being corrected); once a period is published with it,
/// it never changes again, and a change is a new, higher version. Publishing marks the version on this aggregate in
/// the same unit of work as the publication, so a revision racing with a publication fails on the version check
/// instead of changing rules a publication was computed with.
/// </remarks>
[Mutable]
public sealed class StoredRuleBook : AggregateRoot<RuleBookId>
{
    private StoredRuleBook(RuleBookId id, OrgUnitId owner)
        : base(id)
    {
        Owner = owner;
    }

    /// <summary>The unit that adopted the rule book (a district or street committee): who may revise it is decided on it.</summary>
    public OrgUnitId Owner { get; }

    /// <summary>The name of the latest version.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Every version, by version ascending.</summary>
    public ImmutableArray<StoredRuleBookVersion> Versions { get; private set; } = [];

    /// <summary>The latest (highest) version.</summary>
    public StoredRuleBookVersion Latest => Versions[^1];

    /// <summary>A version, or <c>null</c> when the catalogue has no such version.</summary>
    /// <param name="version">The version.</param>
    public StoredRuleBookVersion? Find(int version)
    {
        foreach (var stored in Versions)
        {
            if (stored.Version == version)
            {
                return stored;
            }
        }
        return null;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({Versions.Length} version(s), latest {Latest.Version})";

    internal static StoredRuleBook Add(RuleBook ruleBook, string json, OrgUnitId owner, Instant at, LedgerActor by)
    {
        var id = RuleBookId.Of(ruleBook);
        var stored = new StoredRuleBook(id, owner)
        {
            Name = ruleBook.Definition.Name,
            Versions = [new StoredRuleBookVersion(ruleBook.Version, json, at, by)],
        };
        stored.Raise(new RuleBookAdded(id, ruleBook.Version, owner, by));
        return stored;
    }

    /// <summary>Adds a higher version, or replaces an unpublished one; <c>false</c> when the version is stored with this very JSON.</summary>
    internal bool Revise(RuleBook ruleBook, string json, Instant at, LedgerActor by)
    {
        Preconditions.CheckArgument(RuleBookId.Of(ruleBook) == Id, nameof(ruleBook), $"The rule book is {RuleBookId.Of(ruleBook)}, not {Id}.");
        int version = ruleBook.Version;
        var existing = Find(version);
        int index = existing is null ? -1 : Versions.IndexOf(existing);
        if (existing is not null)
        {
            if (string.Equals(existing.Json, json, StringComparison.Ordinal))
            {
                return false;
            }
            Preconditions.CheckState(!existing.IsPublished, ErrorCodes.RuleBookVersionPublished,
                $"Version {version} of {Id} was used to publish {string.Join(", ", existing.PublishedPeriods)}; it never changes. Save the change as version {Latest.Version + 1}.");
            Versions = Versions.SetItem(index, new StoredRuleBookVersion(version, json, at, by));
        }
        else
        {
            Preconditions.CheckState(version > Latest.Version, ErrorCodes.RuleBookVersionOrder,
                $"{Id} has versions up to {Latest.Version}; a new version must be higher, not {version}.");
            Versions = Versions.Add(new StoredRuleBookVersion(version, json, at, by));
        }
        if (version == Latest.Version)
        {
            Name = ruleBook.Definition.Name;
        }
        Raise(new RuleBookRevised(Id, version, index >= 0, by));
        return true;
    }

    /// <summary>Marks a version as used by the publication of a period; <c>false</c> when it was marked already.</summary>
    internal bool MarkPublished(int version, string periodLabel)
    {
        var existing = Find(version) ?? throw new EntityNotFoundException(nameof(RuleBook), $"{Id} version {version}");
        if (existing.PublishedPeriods.Contains(periodLabel))
        {
            return false;
        }
        Versions = Versions.SetItem(Versions.IndexOf(existing), existing with { PublishedPeriods = existing.PublishedPeriods.Add(periodLabel) });
        Raise(new RuleBookVersionPublished(Id, version, periodLabel));
        return true;
    }

    // The stored form (GridGovernance.Persistence.StoredForms): every value by its contract name, and back.
    private StoredRuleBook(Persistence.StoredRuleBookStoredForm form)
        : base(form.Id)
    {
        Owner = form.Owner;
        Name = form.Name;
        Versions = form.Versions;
    }

    /// <summary>This StoredRuleBook's stored form.</summary>
    internal Persistence.StoredRuleBookStoredForm ToStoredForm() => new()
    {
        Id = Id,
        Owner = Owner,
        Name = Name,
        Versions = Versions,
    };

    /// <summary>Rebuilds a StoredRuleBook from its stored form (checked by <see cref="Persistence.StoredForms"/>).</summary>
    internal static StoredRuleBook FromStoredForm(Persistence.StoredRuleBookStoredForm form) => new(form);
}
