namespace GridGovernance.Contacts.Planning;

/// <summary>
/// Puts one community's new rows into a plan's id-ordered rows by block copies: the community's old rows are found
/// by one scan, each new row's place by a binary search in the run of rows it falls into.
/// </summary>
internal static class CommunitySplice
{
    /// <summary>Reads a row's id and community without a delegate (the splice runs over a whole city's rows).</summary>
    internal interface IRow<T>
    {
        static abstract int Id(in T row);

        static abstract OrgUnitId Community(in T row);
    }

    internal readonly struct HouseholdRow : IRow<ContactHousehold>
    {
        public static int Id(in ContactHousehold row) => row.Id.Value;

        public static OrgUnitId Community(in ContactHousehold row) => row.Community;
    }

    internal readonly struct MemberRow : IRow<ContactMember>
    {
        public static int Id(in ContactMember row) => row.Id.Value;

        public static OrgUnitId Community(in ContactMember row) => row.Community;
    }

    /// <summary>A run of the new rows: <paramref name="Length"/> old rows from <paramref name="From"/> (Local −1), or one row of the community's new ones (Local ≥ 0), placed at <paramref name="To"/>.</summary>
    internal readonly record struct Piece(int From, int Local, int To, int Length);

    /// <summary>The spliced rows, how they were put together, where the community's rows were before, and where its new rows went.</summary>
    internal sealed record Spliced<T>(T[] Rows, List<Piece> Pieces, int[] CommunityRows, int[] LocalToNew)
    {
        /// <summary>Each old row's new index (−1 for the community's old rows).</summary>
        internal int[] OldToNew(int oldLength)
        {
            var map = GC.AllocateUninitializedArray<int>(oldLength);
            foreach (int o in CommunityRows)
            {
                map[o] = -1;
            }
            foreach (var piece in Pieces)
            {
                for (int k = 0; k < (piece.Local < 0 ? piece.Length : 0); k++)
                {
                    map[piece.From + k] = piece.To + k;
                }
            }
            return map;
        }
    }

    /// <summary>
    /// The previous rows with the community's replaced by <paramref name="rows"/> (both in id order), as block copies:
    /// the community's old rows are found by one scan, each new row's place by a binary search in the run of rows it
    /// falls into. Reports rows of another community and ids another community uses.
    /// </summary>
    internal static Spliced<T> Splice<T, TRow>(T[] before, T[] rows, OrgUnitId community, string field, List<ValidationProblem> problems)
        where TRow : IRow<T>
    {
        foreach (var row in rows)
        {
            if (TRow.Community(row) != community)
            {
                problems.Add(new(field, TRow.Id(row).ToString(System.Globalization.CultureInfo.InvariantCulture), ErrorCodes.ContactsMissingReference, $"Row {TRow.Id(row)} belongs to {TRow.Community(row)}, not {community}."));
            }
        }
        var communityRows = new List<int>();
        for (int o = 0; o < before.Length; o++)
        {
            if (TRow.Community(before[o]) == community)
            {
                communityRows.Add(o);
            }
        }
        var pieces = new List<Piece>();
        var localToNew = new int[rows.Length];
        int to = 0, r = 0, from = 0;
        for (int c = 0; c <= communityRows.Count; c++)
        {
            // The run of other communities' rows before the c-th old community row (or the end).
            int end = c < communityRows.Count ? communityRows[c] : before.Length;
            while (from < end)
            {
                int cut = end;
                if (r < rows.Length)
                {
                    int id = TRow.Id(rows[r]);
                    cut = LowerBound<T, TRow>(before, from, end, id);
                    if (cut < end && TRow.Id(before[cut]) == id)
                    {
                        problems.Add(new(field, id.ToString(System.Globalization.CultureInfo.InvariantCulture), ErrorCodes.ContactsDuplicateId, $"Id {id} is used by {TRow.Community(before[cut])}; a row that changes community needs Rebalance."));
                        r++;
                        continue;
                    }
                }
                if (cut > from)
                {
                    pieces.Add(new Piece(from, -1, to, cut - from));
                    to += cut - from;
                    from = cut;
                }
                if (cut < end)
                {
                    localToNew[r] = to;
                    pieces.Add(new Piece(-1, r++, to++, 1));
                }
            }
            from = end + 1;
        }
        while (r < rows.Length)
        {
            localToNew[r] = to;
            pieces.Add(new Piece(-1, r++, to++, 1));
        }
        var result = GC.AllocateUninitializedArray<T>(to);
        foreach (var piece in pieces)
        {
            if (piece.Local >= 0)
            {
                result[piece.To] = rows[piece.Local];
            }
            else
            {
                Array.Copy(before, piece.From, result, piece.To, piece.Length);
            }
        }
        return new Spliced<T>(result, pieces, [.. communityRows], localToNew);
    }

    /// <summary>The first index in [lo, hi) whose id is at least <paramref name="id"/>.</summary>
    private static int LowerBound<T, TRow>(T[] rows, int lo, int hi, int id)
        where TRow : IRow<T>
    {
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (TRow.Id(rows[mid]) < id)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
