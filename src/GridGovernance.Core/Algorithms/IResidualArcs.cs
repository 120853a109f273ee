namespace GridGovernance.Algorithms;

/// <summary>The arcs of a residual graph, as a <see cref="ShortestPathSearch"/> reads them: a struct, so the search is compiled for each graph and the scan is inlined.</summary>
internal interface IResidualArcs
{
    /// <summary>
    /// Relaxes the residual arcs out of <paramref name="node"/>, just scanned at reduced distance
    /// <paramref name="distance"/>: with <see cref="ShortestPathSearch.Relax"/> for an arc to a node, and
    /// <see cref="ShortestPathSearch.OfferSink"/> for an arc to the sink.
    /// </summary>
    void Scan(ShortestPathSearch search, int node, long distance);
}
