using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Scoring;
using GridGovernance.Testing;

namespace GridGovernance.Tests.Scoring;

/// <summary>Fuzzing rule-book JSON (issue 14): hostile strings and numbers either load a book that the validator accepts, or are refused with JSON paths.</summary>
public sealed class RuleBookJsonFuzzProperties
{
    [Property(MaxTest = 100)]
    public Property Read_HostileBooks_LoadOrAreRefusedAtJsonPaths() =>
        Prop.ForAll(JsonGen().ToArbitrary(), json =>
        {
            try
            {
                var book = RuleBookJson.Read(json);
                return RuleBook.Create(book.Definition) is not null;
            }
            catch (Exception e)
            {
                return HostileInputs.IsLibraryRefusal(e)
                       && (e is not GridGovernanceValidationException v || v.Problems.All(p => p.Field.StartsWith('$')));
            }
        });

    private static Gen<string> JsonGen() =>
        from name in HostileInputs.Strings()
        from code in Gen.Frequency((1, HostileInputs.Strings()), (2, Gen.Constant("c0")))
        from multiplier in HostileInputs.Decimals()
        from points in HostileInputs.Decimals()
        from raw in Gen.Elements(false, true)
        select $$"""
            {
              "id": "b", "name": {{Quote(name, raw)}},
              "categories": [ { "code": {{Quote(code, raw)}}, "name": "c", "cap": { "limit": {{points}} } } ],
              "items": [ { "code": "i", "category": "c0", "name": "i", "versions": [ { "effectiveFrom": "2024-01-01", "kind": "fixed", "points": {{points}} } ] } ],
              "kindMultipliers": { "inService": {{multiplier}} }
            }
            """;

    /// <summary>A JSON string literal: escaped by the serializer, or raw (control characters and lone surrogates as they are).</summary>
    private static string Quote(string text, bool raw) =>
        raw ? "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : JsonSerializer.Serialize(text);
}
