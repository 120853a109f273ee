using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GridGovernance.Generators.Tests;

/// <summary>
/// Compiles a small source with the id generator the way GridGovernance.Core is compiled: nullable on, XML docs
/// parsed, against Core's own attribute and Preconditions.
/// </summary>
internal static class GeneratorHarness
{
    // Core's StronglyTypedIdAttribute.cs, Preconditions.cs and MutabilityAttributes.cs (embedded by the project), and the few types
    // Preconditions needs beyond them (NodaTime is referenced).
    private static readonly string[] CoreSupport =
    [
        Resource("StronglyTypedIdAttribute.cs"),
        Resource("Preconditions.cs"),
        Resource("MutabilityAttributes.cs"),
        "namespace GridGovernance;\ninternal sealed class GridGovernanceException(string code, string message) : Exception(code + \": \" + message);\n",
        // What Preconditions' input checks build: a validation exception with one problem, and the codes they use.
        "namespace GridGovernance;\n"
            + "internal sealed record ValidationProblem(string Field, string? Key, string Rule, string Message);\n"
            + "internal sealed class GridGovernanceValidationException(string what, IEnumerable<ValidationProblem> problems, Exception? innerException) : Exception(what + \": \" + string.Join(\"; \", problems), innerException);\n"
            + "internal static class ErrorCodes { internal const string InvalidValue = \"value.invalid\"; internal const string ReversedRange = \"input.reversed-range\"; internal const string OutOfRange = \"input.out-of-range\"; internal const string UnknownKey = \"input.unknown-key\"; }\n",
        "global using System;\nglobal using System.Collections.Generic;\nglobal using System.Linq;\n",
    ];

    private static readonly CSharpParseOptions Parse = CSharpParseOptions.Default
        .WithLanguageVersion(LanguageVersion.Latest)
        .WithDocumentationMode(DocumentationMode.Diagnose);

    private static readonly ImmutableArray<MetadataReference> References =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(NodaTime.LocalDate).Assembly.Location))   // Preconditions checks date ranges
            .ToImmutableArray();

    public static CSharpCompilation Compilation(params string[] sources)
    {
        var trees = sources.Concat(CoreSupport).Select(s => CSharpSyntaxTree.ParseText(s, Parse));
        return CSharpCompilation.Create(
            "GeneratorInput",
            trees,
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    public static GeneratorDriver Driver() =>
        CSharpGeneratorDriver.Create(
            [new StronglyTypedIdGenerator().AsSourceGenerator()],
            parseOptions: Parse,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; the compilation with its output, and what the generator itself reported.</summary>
    public static (Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorDriverRunResult Run) Generate(params string[] sources)
    {
        var driver = Driver().RunGeneratorsAndUpdateCompilation(Compilation(sources), out var output, out var diagnostics);
        return (output, diagnostics, driver.GetRunResult());
    }

    private static string Resource(string name)
    {
        using var stream = typeof(GeneratorHarness).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Warnings and errors, which the repository treats alike.</summary>
    public static IReadOnlyList<Diagnostic> Problems(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}
