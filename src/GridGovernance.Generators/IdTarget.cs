namespace GridGovernance.Generators;

/// <summary>One declaration marked as an id: either what to write or why nothing can be written.</summary>
internal sealed record IdTarget(IdModel? Model, IdProblem? Problem);
