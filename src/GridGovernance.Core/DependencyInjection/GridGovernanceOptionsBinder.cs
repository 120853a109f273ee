using System.Collections.Immutable;
using System.Globalization;
using GridGovernance;
using GridGovernance.Authority;
using GridGovernance.Organisation;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Reads <see cref="GridGovernanceOptions"/> from a configuration section (docs/configuration.md). A value that
/// cannot be read leaves the option as it was and becomes a problem named by its configuration key, which the
/// validator reports when the host starts; a key that no option reads is a problem too, so a typo is not ignored.
/// </summary>
internal static class GridGovernanceOptionsBinder
{
    private static readonly string[] RuleKeys =
        ["Roles", "Scope", "InPerson", "Residents", "System", "SummonedDepartments", "IncludesDualRegistrations", "RefusesSelfDealing"];

    public static void Bind(IConfiguration configuration, GridGovernanceOptions options)
    {
        options.ConfigurationPath = (configuration as IConfigurationSection)?.Path;
        foreach (var child in configuration.GetChildren())
        {
            switch (child.Key.ToUpperInvariant())
            {
                case "TIMEZONE":
                    BindTimeZone(child, options);
                    break;
                case "SCHEMA":
                    BindSchema(child, options);
                    break;
                case "GRIDHOUSEHOLDBAND":
                    BindBand(child, options);
                    break;
                case "AUTHORITY":
                    BindAuthority(child, options);
                    break;
                default:
                    Problem(options, child, "is not an option of GridGovernance (TimeZone, Schema, GridHouseholdBand, Authority).");
                    break;
            }
        }
    }

    private static void BindTimeZone(IConfigurationSection section, GridGovernanceOptions options)
    {
        if (section.Value is not { } id)
        {
            Problem(options, section, "must be a tzdb zone id such as Asia/Shanghai.");
            return;
        }
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim());
        if (zone is null)
        {
            Problem(options, section, $"'{Shown(id)}' is not a tzdb zone id (for example Asia/Shanghai).");
            return;
        }
        options.TimeZone = zone;
    }

    private static void BindSchema(IConfigurationSection section, GridGovernanceOptions options)
    {
        string? name = section.Value?.Trim();
        var schema = HierarchySchemas.All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        if (schema is null)
        {
            Problem(options, section, $"'{Shown(name)}' is not a schema preset ({string.Join(", ", HierarchySchemas.All.Select(s => s.Name))}); a schema of your own is set in code.");
            return;
        }
        options.Schema = schema;
    }

    private static void BindBand(IConfigurationSection section, GridGovernanceOptions options)
    {
        var band = options.GridHouseholdBand;
        foreach (var child in section.GetChildren())
        {
            bool isMin = string.Equals(child.Key, "Min", StringComparison.OrdinalIgnoreCase);
            if (!isMin && !string.Equals(child.Key, "Max", StringComparison.OrdinalIgnoreCase))
            {
                Problem(options, child, "is not a part of GridHouseholdBand (Min, Max).");
            }
            else if (!int.TryParse(child.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out int value))
            {
                Problem(options, child, $"'{Shown(child.Value)}' is not a whole number of households.");
            }
            else
            {
                band = isMin ? band with { Min = value } : band with { Max = value };
            }
        }
        options.GridHouseholdBand = band;
    }

    private static void BindAuthority(IConfigurationSection section, GridGovernanceOptions options)
    {
        // Each child is a capability code whose rule the given keys change, starting from the table already set.
        var table = options.Authority ?? AuthorityTable.Default;
        foreach (var child in section.GetChildren())
        {
            if (!Capability.TryParse(child.Key, CultureInfo.InvariantCulture, out var capability))
            {
                Problem(options, child, $"'{Shown(child.Key)}' is not a capability code (module.verb, such as workorders.rate).");
                continue;
            }
            var rule = table.TryGetRule(capability, out var found) ? found : new AuthorityRule(capability);
            bool ok = true;
            foreach (var key in child.GetChildren())
            {
                var changed = BindRuleKey(key, options, rule);
                ok &= changed is not null;
                rule = changed ?? rule;
            }
            if (ok)
            {
                table = table.With(rule);
            }
        }
        options.Authority = table;
    }

    private static AuthorityRule? BindRuleKey(IConfigurationSection key, GridGovernanceOptions options, AuthorityRule rule)
    {
        switch (Array.FindIndex(RuleKeys, k => string.Equals(k, key.Key, StringComparison.OrdinalIgnoreCase)))
        {
            case 0:
                var names = key.Value is { } list
                    ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    : key.GetChildren().Select(c => c.Value ?? "").ToArray();
                var roles = ImmutableArray.CreateBuilder<RoleKind>();
                foreach (var name in names)
                {
                    if (!RoleKind.TryParse(name, CultureInfo.InvariantCulture, out RoleKind role))
                    {
                        Problem(options, key, $"'{Shown(name)}' is not a role code (such as secretary, grid-head).");
                        return null;
                    }
                    if (!roles.Contains(role))
                    {
                        roles.Add(role);
                    }
                }
                return rule with { Roles = roles.ToImmutable() };
            case 1:
                return EnumValue(key, options, out PostScope scope) ? rule with { Scope = scope } : null;
            case 2:
                return EnumValue(key, options, out PersonAccess access) ? rule with { InPerson = access } : null;
            case 3:
                return Bool(key, options, out bool residents) ? rule with { Residents = residents } : null;
            case 4:
                return Bool(key, options, out bool system) ? rule with { System = system } : null;
            case 5:
                return Bool(key, options, out bool summoned) ? rule with { SummonedDepartments = summoned } : null;
            case 6:
                return Bool(key, options, out bool dual) ? rule with { IncludesDualRegistrations = dual } : null;
            case 7:
                return Bool(key, options, out bool refuses) ? rule with { RefusesSelfDealing = refuses } : null;
            default:
                Problem(options, key, $"is not a part of an authority rule ({string.Join(", ", RuleKeys)}).");
                return null;
        }
    }

    private static bool EnumValue<T>(IConfigurationSection key, GridGovernanceOptions options, out T value)
        where T : struct, Enum
    {
        if (!TryEnum(key.Value, out value))
        {
            Problem(options, key, $"'{Shown(key.Value)}' is not one of {string.Join(", ", Enum.GetNames<T>())}.");
            return false;
        }
        return true;
    }

    private static bool Bool(IConfigurationSection key, GridGovernanceOptions options, out bool value)
    {
        if (!bool.TryParse(key.Value?.Trim(), out value))
        {
            Problem(options, key, $"'{Shown(key.Value)}' is not true or false.");
            return false;
        }
        return true;
    }

    // Names only: a number would pick a member by position, and an undefined one would pass Enum.TryParse.
    private static bool TryEnum<T>(string? text, out T value)
        where T : struct, Enum =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value) && !text!.Trim().All(c => char.IsAsciiDigit(c) || c == '-');

    private static void Problem(GridGovernanceOptions options, IConfigurationSection section, string message) =>
        options.BindingProblems.Add(new ValidationProblem(section.Path, null, ErrorCodes.InvalidValue, $"{section.Path} {message}"));

    // A configuration value is shown in a message only as far as it is harmless: short and without invisible characters.
    private static string Shown(string? value)
    {
        if (value is null)
        {
            return "";
        }
        string shown = new([.. value.Where(c => !InputPolicy.IsForbidden(c)).Take(60)]);
        return shown.Length < value.Length ? shown + "…" : shown;
    }
}
