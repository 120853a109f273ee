using System.Collections.Immutable;
using GridGovernance.Organisation;

namespace GridGovernance.Authority;

/// <summary>
/// What a command acts on, as the authority rules see it: where the matter sits in the tree, whose matter it is,
/// who filed and who handled it, which departments are summoned. Services build it from the aggregate they load
/// (or the aggregate answers as an <see cref="IAuthoritySubject"/> itself).
/// </summary>
[Immutable]
public sealed class AuthoritySubject : IAuthoritySubject
{
    private readonly string? kind;
    private readonly long id;
    private string? label;

    /// <summary>A subject with a label.</summary>
    /// <param name="label">A label safe to show anyone, e.g. <c>ledger-entry:17</c> (no names, phones or keys).</param>
    public AuthoritySubject(string label)
    {
        this.label = Preconditions.CheckNotBlank(label);
    }

    /// <summary>
    /// A subject labelled <c>{kind}:{id}</c>, e.g. <c>workorder:3</c>. The label is written only when it is read (in a
    /// refusal), so deciding an allowed command does not build it.
    /// </summary>
    /// <param name="kind">The kind of matter, e.g. <c>workorder</c>.</param>
    /// <param name="id">Its id.</param>
    public AuthoritySubject(string kind, long id)
    {
        this.kind = Preconditions.CheckNotBlank(kind);
        this.id = id;
    }

    /// <summary>A label safe to show anyone.</summary>
    public string Label => label ??= kind + ":" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The node the matter sits at (the declaring member, the order's unit, a household); jurisdiction is checked on it.</summary>
    public NodeRef? Node { get; init; }

    /// <summary>The member whose matter it is: the declarer, the account holder, the member a record is for.</summary>
    public MemberId? Owner { get; init; }

    /// <summary>Who filed the matter, as an <see cref="Actor.AuditName"/> (<c>resident:…</c> or <c>member:17</c>).</summary>
    public string? Filer { get; init; }

    /// <summary>The members who handled the matter (claimed or resolved it); they may not rate or review it.</summary>
    public ImmutableArray<MemberId> Handlers { get; init; } = [];

    /// <summary>The departments summoned on the matter, by code.</summary>
    public ImmutableArray<string> Departments { get; init; } = [];

    /// <inheritdoc />
    public bool HasHandled(MemberId member)
    {
        // A plain loop: a matter has a handful of handlers, and ImmutableArray.Contains goes through a generic comparer.
        foreach (var m in Handlers.AsSpan())
        {
            if (m == member)
            {
                return true;
            }
        }
        return false;
    }

    /// <inheritdoc />
    public bool HasSummoned(string department)
    {
        foreach (var d in Departments.AsSpan())
        {
            if (string.Equals(d, department, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A subject at a node, e.g. a unit acted on.</summary>
    /// <param name="label">A label safe to show anyone.</param>
    /// <param name="node">The node.</param>
    public static AuthoritySubject At(string label, NodeRef node) => new(label) { Node = node };

    /// <summary>A member's own matter (their declaration, account, contact log): sits at the member, owned by them.</summary>
    /// <param name="label">A label safe to show anyone.</param>
    /// <param name="member">The member.</param>
    public static AuthoritySubject OfMember(string label, MemberId member) => new(label) { Node = member, Owner = member };
}
