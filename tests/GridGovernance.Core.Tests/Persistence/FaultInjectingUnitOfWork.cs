using GridGovernance.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace GridGovernance.Tests.Persistence;

/// <summary>
/// Which saves of a provider's scopes fail, counted across every scope (save 1 is the first save after
/// <see cref="FailSave"/>). Thread-safe.
/// </summary>
internal sealed class FaultPlan
{
    /// <summary>The code of an injected failure: not a concurrency conflict, so no service retries it.</summary>
    public const string InjectedFault = "test.injected-fault";

    private readonly object gate = new();
    private readonly HashSet<int> failing = [];
    private int saves;
    private bool conflict;

    /// <summary>How many saves with something staged ran since the last <see cref="FailSave"/>.</summary>
    public int Saves
    {
        get
        {
            lock (gate)
            {
                return saves;
            }
        }
    }

    /// <summary>Makes the <paramref name="numbers"/>-th saves from now fail (counting only saves with something staged).</summary>
    public void FailSave(params int[] numbers) => Arm(false, numbers);

    /// <summary>As <see cref="FailSave"/>, but each failure is a <see cref="ConcurrencyException"/>, which services retry.</summary>
    public void ConflictOnSave(params int[] numbers) => Arm(true, numbers);

    /// <summary>No more failures.</summary>
    public void Clear() => Arm(false);

    private void Arm(bool asConflict, params int[] numbers)
    {
        lock (gate)
        {
            saves = 0;
            conflict = asConflict;
            failing.Clear();
            failing.UnionWith(numbers);
        }
    }

    /// <summary>Counts a save; returns the failure to throw, or <c>null</c>.</summary>
    internal GridGovernanceException? Next()
    {
        lock (gate)
        {
            saves++;
            if (!failing.Remove(saves))
            {
                return null;
            }
            return conflict
                ? new ConcurrencyException("Injected", saves, 0, 1)
                : new GridGovernanceException(InjectedFault, $"Save {saves} failed (injected).");
        }
    }
}

/// <summary>
/// The scope's <see cref="InMemoryUnitOfWork"/> behind a <see cref="FaultPlan"/>: a save the plan marks fails as a
/// real failed save does (nothing written, everything staged discarded); every other save goes through.
/// </summary>
internal sealed class FaultInjectingUnitOfWork(InMemoryUnitOfWork inner, FaultPlan plan) : IUnitOfWork
{
    public bool HasChanges => inner.HasChanges;

    public Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        if (inner.HasChanges && plan.Next() is { } failure)
        {
            inner.DiscardChanges();
            throw failure;
        }
        return inner.SaveChangesAsync(cancellationToken);
    }

    public void DiscardChanges() => inner.DiscardChanges();

    /// <summary>Registers the faulty unit of work for every scope; call before <c>AddGridGovernance</c>.</summary>
    public static IServiceCollection Register(IServiceCollection services, FaultPlan plan)
    {
        services.AddScoped<InMemoryUnitOfWork>();
        services.AddScoped<IUnitOfWork>(sp => new FaultInjectingUnitOfWork(sp.GetRequiredService<InMemoryUnitOfWork>(), plan));
        return services;
    }
}
