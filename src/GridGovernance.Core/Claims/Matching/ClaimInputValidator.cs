namespace GridGovernance.Claims.Matching;

/// <summary>Checks the lists given to <see cref="ClaimNetwork.Build"/> and reports every problem at once.</summary>
internal static class ClaimInputValidator
{
    internal static void Validate(ClaimableProject[] projects, UnitResource[] resources, ClaimMatchingOptions options)
    {
        var problems = new List<ValidationProblem>();
        for (int i = 0; i < projects.Length; i++)
        {
            var project = projects[i];
            string field = $"Projects[{i}]";
            if (project is null)
            {
                problems.Add(new ValidationProblem(field, null, ErrorCodes.ClaimsInvalidValue, "The project is null."));
                continue;
            }
            string key = project.Id.ToString();
            if (!project.Id.IsSpecified)
            {
                problems.Add(new ValidationProblem(field + ".Id", key, ErrorCodes.ClaimsInvalidValue, "The project id is not specified."));
            }
            if (i > 0 && projects[i - 1] is { } previous && previous.Id == project.Id)
            {
                problems.Add(new ValidationProblem(field + ".Id", key, ErrorCodes.ClaimsDuplicateId, "The project id appears more than once."));
            }
            if (string.IsNullOrWhiteSpace(project.Category))
            {
                problems.Add(new ValidationProblem(field + ".Category", key, ErrorCodes.ClaimsInvalidValue, "The category must not be empty."));
            }
            else
            {
                Add(problems, InputPolicy.CheckText(project.Category, field + ".Category", key, InputPolicy.MaxKeyLength));
            }
            if (!project.Location.IsKnown)
            {
                problems.Add(new ValidationProblem(field + ".Location", key, ErrorCodes.LocationRequired, "The location is GeoPoint.Unknown (default); a project needs a real position."));
            }
            if (!project.Area.IsSpecified)
            {
                problems.Add(new ValidationProblem(field + ".Area", key, ErrorCodes.ClaimsInvalidValue, "The area is not specified."));
            }
            if (project.ClaimantsRequired < 1)
            {
                problems.Add(new ValidationProblem(field + ".ClaimantsRequired", key, ErrorCodes.ClaimsInvalidValue, $"At least one claimant is required; it was {project.ClaimantsRequired}."));
            }
            else
            {
                Add(problems, InputPolicy.CheckRange(project.ClaimantsRequired, 1, InputPolicy.MaxClaimantsRequired, field + ".ClaimantsRequired", key));
            }
        }
        for (int i = 0; i < resources.Length; i++)
        {
            var resource = resources[i];
            string field = $"Resources[{i}]";
            if (resource is null)
            {
                problems.Add(new ValidationProblem(field, null, ErrorCodes.ClaimsInvalidValue, "The resource is null."));
                continue;
            }
            string key = resource.Unit.ToString();
            if (!resource.Unit.IsSpecified)
            {
                problems.Add(new ValidationProblem(field + ".Unit", key, ErrorCodes.ClaimsInvalidValue, "The unit is not specified."));
            }
            if (i > 0 && resources[i - 1] is { } previous && previous.Unit == resource.Unit)
            {
                problems.Add(new ValidationProblem(field + ".Unit", key, ErrorCodes.ClaimsDuplicateId, "The unit appears more than once."));
            }
            if (resource.Categories.IsDefault || resource.Categories.Any(string.IsNullOrWhiteSpace))
            {
                problems.Add(new ValidationProblem(field + ".Categories", key, ErrorCodes.ClaimsInvalidValue, "The categories must be a list of non-empty codes."));
            }
            else
            {
                for (int c = 0; c < resource.Categories.Length; c++)
                {
                    Add(problems, InputPolicy.CheckText(resource.Categories[c], $"{field}.Categories[{c}]", key, InputPolicy.MaxKeyLength));
                }
            }
            if (!resource.Location.IsKnown)
            {
                problems.Add(new ValidationProblem(field + ".Location", key, ErrorCodes.LocationRequired, "The location is GeoPoint.Unknown (default); a resource needs a real position."));
            }
            if (resource.Capacity < 0)
            {
                problems.Add(new ValidationProblem(field + ".Capacity", key, ErrorCodes.ClaimsInvalidValue, $"The capacity must not be negative; it was {resource.Capacity}."));
            }
            else
            {
                Add(problems, InputPolicy.CheckRange(resource.Capacity, 0, InputPolicy.MaxCapacity, field + ".Capacity", key));
            }
            if (!resource.Areas.IsDefaultOrEmpty && resource.Areas.Any(a => !a.IsSpecified))
            {
                problems.Add(new ValidationProblem(field + ".Areas", key, ErrorCodes.ClaimsInvalidValue, "An area is not specified."));
            }
            if (resource.Availability is null)
            {
                problems.Add(new ValidationProblem(field + ".Availability", key, ErrorCodes.ClaimsInvalidValue, "The availability period is missing."));
            }
            if (resource.MaxDistanceMetres is double own && !(own >= 0))
            {
                problems.Add(new ValidationProblem(field + ".MaxDistanceMetres", key, ErrorCodes.ClaimsInvalidValue, $"The distance limit must be a number of metres ≥ 0; it was {own}."));
            }
        }
        if (options.CategoryWeights is null)
        {
            problems.Add(new ValidationProblem("Options.CategoryWeights", null, ErrorCodes.ClaimsInvalidValue, "The weights must not be null."));
        }
        else
        {
            foreach (var (category, weight) in options.CategoryWeights.OrderBy(w => w.Key, StringComparer.Ordinal))
            {
                Add(problems, InputPolicy.CheckText(category, "Options.CategoryWeights", category, InputPolicy.MaxKeyLength));
                if (weight < 1 || weight > ClaimMatchingOptions.MaxWeight)
                {
                    problems.Add(new ValidationProblem("Options.CategoryWeights", category, ErrorCodes.ClaimsInvalidValue, $"A weight must be between 1 and {ClaimMatchingOptions.MaxWeight}; it was {weight}."));
                }
            }
        }
        if (options.MaxDistanceMetres is double limit && !(limit >= 0))
        {
            problems.Add(new ValidationProblem("Options.MaxDistanceMetres", null, ErrorCodes.ClaimsInvalidValue, $"The distance limit must be a number of metres ≥ 0; it was {limit}."));
        }
        if (problems.Count > 0)
        {
            throw new GridGovernanceValidationException("The claim matching input", problems);
        }
    }

    private static void Add(List<ValidationProblem> problems, ValidationProblem? problem)
    {
        if (problem is not null)
        {
            problems.Add(problem);
        }
    }
}
