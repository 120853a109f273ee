namespace GridGovernance.Organisation;

/// <summary>
/// Maps the ids of one node kind to dense handles, in ascending id order (so the index does not depend on
/// the order its input came in). Dense id ranges use a plain array; sparse ones fall back to a dictionary.
/// </summary>
internal sealed class IdMap
{
    private readonly int[]? table;
    private readonly Dictionary<int, int>? dictionary;
    private readonly int firstHandle;

    private IdMap(int[]? table, Dictionary<int, int>? dictionary, int[] idsInOrder, int firstHandle)
    {
        this.table = table;
        this.dictionary = dictionary;
        IdsInOrder = idsInOrder;
        this.firstHandle = firstHandle;
    }

    /// <summary>The ids, ascending; the id at position i has handle firstHandle + i.</summary>
    internal int[] IdsInOrder { get; }

    internal static IdMap Create(ReadOnlySpan<int> ids, int firstHandle, string kindName)
    {
        int max = 0;
        foreach (var id in ids)
        {
            max = Math.Max(max, id);
        }
        if ((long)max <= 4L * ids.Length + 1024)
        {
            var table = new int[max + 1];
            foreach (var id in ids)
            {
                if (table[id] != 0)
                {
                    throw Preconditions.InvalidInput(kindName + "s", ErrorCodes.DuplicateInput, $"The {kindName} id {id} appears twice in the index input.");
                }
                table[id] = 1;
            }
            var ordered = new int[ids.Length];
            int rank = 0;
            for (int id = 1; id <= max; id++)
            {
                if (table[id] != 0)
                {
                    ordered[rank] = id;
                    table[id] = firstHandle + rank + 1; // stored +1 so that 0 keeps meaning "absent"
                    rank++;
                }
            }
            return new IdMap(table, null, ordered, firstHandle);
        }
        var sorted = ids.ToArray();
        Array.Sort(sorted);
        var dictionary = new Dictionary<int, int>(sorted.Length);
        for (int i = 0; i < sorted.Length; i++)
        {
            if (!dictionary.TryAdd(sorted[i], firstHandle + i))
            {
                throw Preconditions.InvalidInput(kindName + "s", ErrorCodes.DuplicateInput, $"The {kindName} id {sorted[i]} appears twice in the index input.");
            }
        }
        return new IdMap(null, dictionary, sorted, firstHandle);
    }

    /// <summary>The dense table (handle + 1 by id), or null when the ids were sparse.</summary>
    internal int[]? DenseTable => table;

    internal int HandleOf(int id)
    {
        if (table is not null)
        {
            return (uint)id < (uint)table.Length ? table[id] - 1 : -1;
        }
        return dictionary!.TryGetValue(id, out var handle) ? handle : -1;
    }

    internal int FirstHandle => firstHandle;
}
