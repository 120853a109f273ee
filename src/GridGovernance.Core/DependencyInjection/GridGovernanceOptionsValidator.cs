using GridGovernance;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Validates <see cref="GridGovernanceOptions"/> bound from configuration, with <see cref="GridGovernanceOptions.Validate"/>
/// and the problems found while binding; each failure names its configuration key.
/// </summary>
internal sealed class GridGovernanceOptionsValidator : IValidateOptions<GridGovernanceOptions>
{
    public ValidateOptionsResult Validate(string? name, GridGovernanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string prefix = string.IsNullOrEmpty(options.ConfigurationPath) ? "" : options.ConfigurationPath + ":";
        var failures = options.BindingProblems.Select(p => $"{p.Message} ({p.Rule})").Distinct()
            .Concat(options.Validate().Select(p => $"{prefix}{p.Field.Replace('.', ':')}: {p.Message} ({p.Rule})"))
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
