using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json.Nodes;

namespace GridGovernance.Persistence;

/// <summary>
/// How an aggregate type is stored: its <em>stored form</em> (a public record of named, documented values, independent of
/// the aggregate's private fields), the form's <see cref="Version"/>, and the <see cref="Upgrades"/> that bring a document
/// of an older version to the current one. The library's aggregates have theirs in <see cref="StoredForms"/>; a store
/// writes <see cref="ToForm"/> and reads through <see cref="Upgrade"/> and <see cref="Restore"/> (docs/storage.md).
/// </summary>
/// <remarks>
/// A document is the form's JSON with the version first, as <c>"v": 1</c> (<see cref="VersionProperty"/>); a document
/// without it is version 0 (the library's documents before 0.4). The aggregate's own <see cref="IAggregateRoot.Version"/>
/// (the concurrency token) is not in the form: a store keeps it apart and passes it to <see cref="Restore"/>.
/// </remarks>
[Immutable]
public abstract class StoredForm
{
    /// <summary>The name of the version property a document starts with: <c>"v"</c>.</summary>
    public const string VersionProperty = "v";

    private protected StoredForm(Type aggregateType, Type formType, int version, IEnumerable<StoredFormUpgrade> upgrades)
    {
        Preconditions.CheckArgumentRange(nameof(version), version, 1, int.MaxValue);
        var steps = Preconditions.CheckNotNull(upgrades).ToImmutableArray();
        foreach (var step in steps)
        {
            Preconditions.CheckNotNull(step, nameof(upgrades));
        }
        steps = [.. steps.OrderBy(s => s.FromVersion)];
        for (int i = 0; i < steps.Length; i++)
        {
            int expected = version - steps.Length + i;
            Preconditions.CheckArgument(steps[i].FromVersion == expected, nameof(upgrades),
                $"The upgrades of {formType.Name} must be one per version step, ending at {version - 1} → {version}; found a step from {steps[i].FromVersion} where one from {expected} was due.");
        }
        AggregateType = aggregateType;
        FormType = formType;
        Version = version;
        Upgrades = steps;
    }

    /// <summary>The aggregate type.</summary>
    public Type AggregateType { get; }

    /// <summary>The stored form's type (a record).</summary>
    public Type FormType { get; }

    /// <summary>The current version of the form (1 or more): what a document written now says in <c>"v"</c>.</summary>
    public int Version { get; }

    /// <summary>The upgrade steps, oldest first: each takes a document of <see cref="StoredFormUpgrade.FromVersion"/> to the next version.</summary>
    public IReadOnlyList<StoredFormUpgrade> Upgrades { get; }

    /// <summary>The oldest document version this form still reads.</summary>
    public int OldestReadableVersion => Version - Upgrades.Count;

    /// <summary>The stored form of <paramref name="aggregate"/> (a <see cref="FormType"/>).</summary>
    /// <param name="aggregate">An aggregate of <see cref="AggregateType"/>.</param>
    /// <returns>The form.</returns>
    public abstract object ToForm(IAggregateRoot aggregate);

    /// <summary>Rebuilds an aggregate from its form, after checking that every value the form requires is there.</summary>
    /// <param name="form">A <see cref="FormType"/>.</param>
    /// <param name="version">The aggregate's stored version (the concurrency token); 0 for a new one.</param>
    /// <returns>The aggregate, with <see cref="IAggregateRoot.Version"/> = <paramref name="version"/> and no domain events.</returns>
    /// <exception cref="GridGovernanceValidationException">The form is incomplete or breaks the aggregate's rules (code <c>storage.stored-form-invalid</c>); the message names the field.</exception>
    public abstract IAggregateRoot Restore(object form, long version = 0);

    /// <summary>The version a document says it is (its <c>"v"</c>; 0 when it has none).</summary>
    /// <param name="document">A stored document.</param>
    /// <returns>The version.</returns>
    /// <exception cref="GridGovernanceValidationException"><c>"v"</c> is not a whole number.</exception>
    public static int VersionOf(JsonObject document)
    {
        Preconditions.CheckNotNull(document);
        if (!document.TryGetPropertyValue(VersionProperty, out var node) || node is null)
        {
            return 0;
        }
        return node is JsonValue value && value.TryGetValue(out int version) && version >= 0
            ? version
            : throw Invalid("v", $"The document's \"v\" must be a whole number, not {node.ToJsonString()}.");
    }

    /// <summary>
    /// Brings a document of an older version to the current one by running the upgrade steps in order, and sets its
    /// <c>"v"</c>. A document of the current version is returned as it is.
    /// </summary>
    /// <param name="document">A stored document (changed in place by the steps).</param>
    /// <returns>The document of the current version.</returns>
    /// <exception cref="GridGovernanceException">The document is newer than this form, or older than its oldest step (code <c>storage.stored-form-version-unknown</c>).</exception>
    public JsonObject Upgrade(JsonObject document)
    {
        int version = VersionOf(document);
        if (version > Version || version < OldestReadableVersion)
        {
            throw new GridGovernanceException(ErrorCodes.StoredFormVersionUnknown,
                version > Version
                    ? $"A stored {AggregateType.Name} document is version {version}, newer than the {FormType.Name} this library knows (version {Version}); it was written by a newer version of the application and is not read."
                    : $"A stored {AggregateType.Name} document is version {version}; {FormType.Name} reads versions {OldestReadableVersion} to {Version}.");
        }
        var current = document;
        foreach (var step in Upgrades.Skip(version - OldestReadableVersion))
        {
            try
            {
                current = step.Step(current) ?? throw new InvalidOperationException("the step returned null");
            }
            catch (Exception e) when (e is not GridGovernanceException)
            {
                throw new GridGovernanceValidationException($"A stored {AggregateType.Name} document",
                    [new ValidationProblem(FormType.Name, null, ErrorCodes.StoredFormInvalid, $"upgrading it from version {step.FromVersion} failed: {e.Message}")], e);
            }
        }
        if (version != Version)
        {
            current.Remove(VersionProperty);
            var upgraded = new JsonObject { [VersionProperty] = Version };
            foreach (var (name, value) in current.ToArray())
            {
                current.Remove(name);
                upgraded[name] = value;
            }
            current = upgraded;
        }
        return current;
    }

    private protected IAggregateRoot RestoreChecked<TForm>(TForm form, long version, Func<TForm, IAggregateRoot> restore)
        where TForm : class
    {
        Preconditions.CheckNotNull(form);
        Preconditions.CheckArgumentRange(nameof(version), version, 0, long.MaxValue);
        FormChecks.Check(form, FormType.Name);
        IAggregateRoot aggregate;
        try
        {
            aggregate = restore(form);
        }
        catch (Exception e) when (e is GridGovernanceException or ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            throw new GridGovernanceValidationException($"The stored {FormType.Name}",
                [new ValidationProblem(FormType.Name, null, ErrorCodes.StoredFormInvalid, $"it breaks a rule of {AggregateType.Name}: {e.Message}")], e);
        }
        AggregateStoreSupport.SetVersion(aggregate, version);
        aggregate.ClearDomainEvents();
        return aggregate;
    }

    private static GridGovernanceValidationException Invalid(string field, string message) =>
        new($"A stored document", [new ValidationProblem(field, null, ErrorCodes.StoredFormInvalid, message)]);

    /// <summary>Checks that a form built in code (or read leniently) has every value it requires: no null where the form's type says non-null, no default array.</summary>
    private static class FormChecks
    {
        private static readonly ConcurrentDictionary<Type, Func<object, string?>[]> Checks = new();

        public static void Check(object form, string formName)
        {
            var problems = new List<ValidationProblem>();
            Collect(form, formName, problems);
            if (problems.Count > 0)
            {
                throw new GridGovernanceValidationException($"The stored {formName}", problems);
            }
        }

        private static void Collect(object form, string path, List<ValidationProblem> problems)
        {
            var type = form.GetType();
            foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public))
            {
                if (property.GetIndexParameters().Length > 0 || property.GetMethod is null || property.Name == "EqualityContract")
                {
                    continue;
                }
                object? value = property.GetValue(form);
                string field = path + "." + property.Name;
                var propertyType = property.PropertyType;
                if (value is null)
                {
                    if (!propertyType.IsValueType && Nullability.Create(property).ReadState == NullabilityState.NotNull)
                    {
                        problems.Add(new ValidationProblem(field, null, ErrorCodes.StoredFormInvalid, $"{field} is required and missing (null)."));
                    }
                    continue;
                }
                if (propertyType.IsGenericType && propertyType.GetGenericTypeDefinition() == typeof(ImmutableArray<>)
                    && (bool)propertyType.GetProperty(nameof(ImmutableArray<int>.IsDefault))!.GetValue(value)!)
                {
                    problems.Add(new ValidationProblem(field, null, ErrorCodes.StoredFormInvalid, $"{field} is required and missing (a default array)."));
                    continue;
                }
                if (propertyType.Namespace == typeof(StoredForm).Namespace && propertyType.Name.EndsWith("StoredForm", StringComparison.Ordinal))
                {
                    Collect(value, field, problems);
                }
            }
        }

        private static NullabilityInfoContext Nullability => new();
    }
}

/// <summary>
/// One step of a stored form's history: takes a document of <see cref="FromVersion"/> to version <c>FromVersion + 1</c>
/// (renaming, adding with a default, splitting or dropping values). Steps work on <see cref="JsonObject"/>s and never
/// on the aggregate, so that they keep working after the aggregate's code has moved on.
/// </summary>
/// <param name="FromVersion">The version this step reads.</param>
/// <param name="Step">The change; it may change its argument in place and return it.</param>
[Immutable]
public sealed record StoredFormUpgrade(int FromVersion, Func<JsonObject, JsonObject> Step);

/// <summary>The stored form of <typeparamref name="TAggregate"/>: a <typeparamref name="TForm"/> record, its version and upgrade steps.</summary>
/// <typeparam name="TAggregate">The aggregate type.</typeparam>
/// <typeparam name="TForm">The form's record type.</typeparam>
[Immutable]
public sealed class StoredForm<TAggregate, TForm> : StoredForm
    where TAggregate : class, IAggregateRoot
    where TForm : class
{
    private readonly Func<TAggregate, TForm> toForm;
    private readonly Func<TForm, TAggregate> restore;

    /// <summary>Declares a stored form (for an aggregate of your own; the library's are in <see cref="StoredForms"/>).</summary>
    /// <param name="version">The current version, 1 or more.</param>
    /// <param name="toForm">The aggregate's form: every value it keeps.</param>
    /// <param name="restore">The aggregate rebuilt from a form; it may throw <see cref="GridGovernanceValidationException"/> or <see cref="ArgumentException"/> for a form that breaks its rules.</param>
    /// <param name="upgrades">One step per older version still read, ending at <c>version - 1</c>; none when older documents need not be read.</param>
    /// <exception cref="GridGovernanceValidationException">The version is below 1, or the steps are not consecutive up to it.</exception>
    public StoredForm(int version, Func<TAggregate, TForm> toForm, Func<TForm, TAggregate> restore, params IEnumerable<StoredFormUpgrade> upgrades)
        : base(typeof(TAggregate), typeof(TForm), version, upgrades)
    {
        this.toForm = Preconditions.CheckNotNull(toForm);
        this.restore = Preconditions.CheckNotNull(restore);
    }

    /// <summary>The stored form of <paramref name="aggregate"/>.</summary>
    /// <param name="aggregate">The aggregate.</param>
    /// <returns>The form.</returns>
    public TForm ToForm(TAggregate aggregate) => toForm(Preconditions.CheckNotNull(aggregate));

    /// <inheritdoc />
    public override object ToForm(IAggregateRoot aggregate) =>
        ToForm(Preconditions.CheckNotNull(aggregate) as TAggregate
            ?? throw new ArgumentException($"A {aggregate.GetType().Name} has no {typeof(TForm).Name}.", nameof(aggregate)));

    /// <summary>Rebuilds an aggregate from its form (see <see cref="StoredForm.Restore(object, long)"/>).</summary>
    /// <param name="form">The form.</param>
    /// <param name="version">The aggregate's stored version; 0 for a new one.</param>
    /// <returns>The aggregate.</returns>
    /// <exception cref="GridGovernanceValidationException">The form is incomplete or breaks the aggregate's rules; the message names the field.</exception>
    public TAggregate Restore(TForm form, long version = 0) => (TAggregate)RestoreChecked(form, version, f => restore(f));

    /// <inheritdoc />
    public override IAggregateRoot Restore(object form, long version = 0) =>
        Restore(Preconditions.CheckNotNull(form) as TForm
            ?? throw new ArgumentException($"A {form.GetType().Name} is not a {typeof(TForm).Name}.", nameof(form)), version);
}
