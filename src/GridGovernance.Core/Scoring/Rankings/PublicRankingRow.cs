namespace GridGovernance.Scoring.Rankings;

/// <summary>
/// One line of a published ranking board (排名晾晒): the rank, the masked name and the score. Member ids and
/// bottom-line flags are left out on purpose: the board is for the public.
/// </summary>
/// <param name="Rank">The competition rank.</param>
/// <param name="MaskedName">The name masked by <see cref="PersonalDataMasking.MaskName"/> (张*明).</param>
/// <param name="Score">The score.</param>
[Immutable]
public readonly record struct PublicRankingRow(int Rank, string MaskedName, Points Score);
