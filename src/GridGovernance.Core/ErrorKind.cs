namespace GridGovernance;

/// <summary>
/// What kind of failure an error code reports, so that a caller (an HTTP layer, a job runner) can react to every
/// code of a kind the same way without a table of its own. Each code of <see cref="ErrorCodes"/> has exactly one kind
/// (<see cref="ErrorCodes.KindOf"/>, <see cref="GridGovernanceException.Kind"/>); docs/errors.md lists them.
/// </summary>
public enum ErrorKind
{
    /// <summary>A code this library does not define (an integrator's own code); treat it as an unexpected failure.</summary>
    Unknown = 0,

    /// <summary>
    /// The command or its input breaks a rule of its own or against the data it names (a blank name, a value out of
    /// range, a kind the schema does not allow); the request must be changed. Suggested HTTP status: 400.
    /// </summary>
    Invalid = 1,

    /// <summary>The aggregate or part the command is about does not exist. Suggested HTTP status: 404.</summary>
    NotFound = 2,

    /// <summary>
    /// The command clashes with something that already exists or changed meanwhile: a duplicate id, a stale version,
    /// an idempotency key reused with another request, a wish or period already taken. Reloading may help.
    /// Suggested HTTP status: 409.
    /// </summary>
    Conflict = 3,

    /// <summary>The actor may not do this (the authority policy refused, or only the filer or claimant may). Suggested HTTP status: 403.</summary>
    Forbidden = 4,

    /// <summary>
    /// The command is well formed, but the current state of its subject does not allow it now: a step outside a
    /// transition table, a frozen period, a closed window or unit, too small a balance. Suggested HTTP status: 409
    /// (not 412, which is about conditional request headers).
    /// </summary>
    Precondition = 5,
}
