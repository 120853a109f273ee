namespace GridGovernance.Generators;

/// <summary>
/// What the emitter needs to write one id. Only strings and flags, so the incremental pipeline can compare two
/// runs by value and skip the emit when an edit elsewhere leaves the id alone.
/// </summary>
/// <param name="Namespace">The id's namespace, empty for the global namespace.</param>
/// <param name="Name">The id's name.</param>
/// <param name="Prefix">What <c>ToString</c> puts before the number, without the colon.</param>
/// <param name="IsLong">Whether the number is a <c>long</c> rather than an <c>int</c>.</param>
internal sealed record IdModel(string Namespace, string Name, string Prefix, bool IsLong);
