using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GridGovernance.Generators.Tests;

/// <summary>
/// Compiles a small source with the id generator the way GridGovernance.Core is compiled: nullable on, XML docs
/// checked (so a generated member without a doc shows up as CS1591), the attribute and Preconditions as Core has them.
/// </summary>
internal static class GeneratorHarness
{
    // Core's own attribute and argument check, as the generator expects to find them.
    public const string CoreSupport = """
        using System.Diagnostics;

        namespace GridGovernance;

        [AttributeUsage(AttributeTargets.Struct, Inherited = false)]
        [Conditional("GRIDGOVERNANCE_GENERATOR_ATTRIBUTES")]
        internal sealed class StronglyTypedIdAttribute : Attribute
        {
            public StronglyTypedIdAttribute(string prefix)
                : this(prefix, typeof(int))
            {
            }

            public StronglyTypedIdAttribute(string prefix, Type valueType)
            {
                Prefix = prefix;
                ValueType = valueType;
            }

            public string Prefix { get; }

            public Type ValueType { get; }
        }

        internal static class Preconditions
        {
            internal static void CheckArgumentRange(string paramName, long value, long minInclusive, long maxInclusive)
            {
                if (value < minInclusive || value > maxInclusive)
                {
                    throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be between {minInclusive} and {maxInclusive} inclusive; it was {value}.");
                }
            }
        }
        """;

    private static readonly CSharpParseOptions Parse = CSharpParseOptions.Default
        .WithLanguageVersion(LanguageVersion.Latest)
        .WithDocumentationMode(DocumentationMode.Diagnose);

    private static readonly ImmutableArray<MetadataReference> References =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();

    public static CSharpCompilation Compilation(params string[] sources)
    {
        const string implicitUsings = "global using System;\nglobal using System.Collections.Generic;\nglobal using System.Linq;\n";
        var trees = sources.Append(CoreSupport).Append(implicitUsings).Select(s => CSharpSyntaxTree.ParseText(s, Parse));
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

    /// <summary>Warnings and errors, which the repository treats alike.</summary>
    public static IReadOnlyList<Diagnostic> Problems(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
}
