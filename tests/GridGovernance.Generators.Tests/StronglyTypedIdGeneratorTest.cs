using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GridGovernance.Generators.Tests;

public sealed class StronglyTypedIdGeneratorTest
{
    private const string Ids = """
        namespace GridGovernance.Sample;

        /// <summary>An id over an int.</summary>
        [StronglyTypedId("member")]
        public readonly partial record struct MemberId;

        /// <summary>An id over a long.</summary>
        [StronglyTypedId("ledger", typeof(long))]
        public readonly partial record struct LedgerEntryId;
        """;

    [Fact]
    public void Output_CompilesWithoutWarnings_AndDocumentsEveryMember()
    {
        var (output, generatorDiagnostics, run) = GeneratorHarness.Generate(Ids);

        Assert.Empty(generatorDiagnostics);
        Assert.Equal(
            ["GridGovernance.Sample.LedgerEntryId.StronglyTypedId.g.cs", "GridGovernance.Sample.MemberId.StronglyTypedId.g.cs"],
            run.Results.Single().GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal));
        Assert.Empty(GeneratorHarness.Problems(output.GetDiagnostics()));

        // Checked directly rather than through CS1591, which the compiler may not report in generated files.
        var generated = run.GeneratedTrees.ToHashSet();
        var written = new[] { "GridGovernance.Sample.MemberId", "GridGovernance.Sample.LedgerEntryId" }
            .SelectMany(name => output.GetTypeByMetadataName(name)!.GetMembers())
            .Where(m => !m.IsImplicitlyDeclared && m.DeclaringSyntaxReferences.Any(r => generated.Contains(r.SyntaxTree)))
            .Where(m => m is not IMethodSymbol { AssociatedSymbol: not null })
            .ToList();
        // Per id: constructor, Value, IsSpecified, two CompareTo, two operators, two ToString, TryFormat, three Parse,
        // two TryParse, two private helpers and the nested JsonConverter.
        Assert.Equal(36, written.Count);
        Assert.Empty(written.Where(m => string.IsNullOrWhiteSpace(m.GetDocumentationCommentXml())).Select(m => m.ToDisplayString()));
    }

    [Fact]
    public void Output_HasTheIdMembers_OverTheAskedNumberType()
    {
        var (output, _, _) = GeneratorHarness.Generate(Ids);

        var member = output.GetTypeByMetadataName("GridGovernance.Sample.MemberId")!;
        var ledger = output.GetTypeByMetadataName("GridGovernance.Sample.LedgerEntryId")!;
        Assert.Equal(SpecialType.System_Int32, ((IPropertySymbol)member.GetMembers("Value").Single()).Type.SpecialType);
        Assert.Equal(SpecialType.System_Int64, ((IPropertySymbol)ledger.GetMembers("Value").Single()).Type.SpecialType);
        Assert.Equal(
            [
                "System.IComparable", "System.IComparable<GridGovernance.Sample.MemberId>", "System.IEquatable<GridGovernance.Sample.MemberId>",
                "System.IFormattable", "System.IParsable<GridGovernance.Sample.MemberId>", "System.ISpanFormattable", "System.ISpanParsable<GridGovernance.Sample.MemberId>",
            ],
            member.AllInterfaces.Select(i => i.ToDisplayString()).Order(StringComparer.Ordinal));
        foreach (var name in new[] { "IsSpecified", "CompareTo", "op_LessThan", "op_GreaterThan", "ToString", "TryFormat", "Parse", "TryParse", "JsonConverter" })
        {
            Assert.NotEmpty(member.GetMembers(name));
        }
    }

    [Fact]
    public void Output_Behaves_WhenLoaded()
    {
        var (output, _, _) = GeneratorHarness.Generate(Ids);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));

        var context = new AssemblyLoadContext("generated-ids", isCollectible: true);
        try
        {
            image.Position = 0;
            var assembly = context.LoadFromStream(image);
            var ledgerType = assembly.GetType("GridGovernance.Sample.LedgerEntryId")!;
            var ledger = Activator.CreateInstance(ledgerType, 5_000_000_000L)!;
            Assert.Equal("ledger:5000000000", ledger.ToString());

            var memberType = assembly.GetType("GridGovernance.Sample.MemberId")!;
            Assert.Equal("member:7", Activator.CreateInstance(memberType, 7)!.ToString());
            var refused = Assert.Throws<TargetInvocationException>(() => Activator.CreateInstance(memberType, 0));
            // Preconditions refuses with the library's validation exception (here the harness's stub of it), never a raw one.
            Assert.Equal("GridGovernance.GridGovernanceValidationException", refused.InnerException?.GetType().FullName);
            Assert.Contains("input.out-of-range", refused.InnerException!.Message, StringComparison.Ordinal);
            Assert.True((bool)memberType.GetMethod("op_LessThan")!.Invoke(null, [Activator.CreateInstance(memberType, 1), Activator.CreateInstance(memberType, 2)])!);
        }
        finally
        {
            context.Unload();
        }
    }

    [Theory]
    [InlineData("[StronglyTypedId(\"x\")] public partial record struct Id;", "GGGEN001")]
    [InlineData("[StronglyTypedId(\"x\")] public readonly record struct Id;", "GGGEN001")]
    [InlineData("[StronglyTypedId(\"x\")] public readonly partial struct Id;", "GGGEN001")]
    [InlineData("[StronglyTypedId(\"x\")] public readonly partial record struct Id(int Value);", "GGGEN001")]
    [InlineData("[StronglyTypedId(\"x\", typeof(string))] public readonly partial record struct Id;", "GGGEN002")]
    [InlineData("[StronglyTypedId(\"x\", typeof(short))] public readonly partial record struct Id;", "GGGEN002")]
    [InlineData("[StronglyTypedId(\" \")] public readonly partial record struct Id;", "GGGEN003")]
    public void Misuse_IsReported_AndNothingIsWritten(string declaration, string expected)
    {
        var (_, generatorDiagnostics, run) = GeneratorHarness.Generate("namespace GridGovernance.Sample;\n/// <summary>An id.</summary>\n" + declaration);

        Assert.Equal(expected, Assert.Single(generatorDiagnostics).Id);
        Assert.Empty(run.Results.Single().GeneratedSources);
    }

    [Fact]
    public void AnIdInTheGlobalNamespace_IsWrittenWithoutANamespace()
    {
        var (output, generatorDiagnostics, _) = GeneratorHarness.Generate("/// <summary>An id.</summary>\n[GridGovernance.StronglyTypedId(\"g\")] public readonly partial record struct GlobalId;");

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(GeneratorHarness.Problems(output.GetDiagnostics()));
        Assert.NotNull(output.GetTypeByMetadataName("GlobalId"));
    }

    [Fact]
    public void AnEditElsewhere_ReusesTheCachedOutput()
    {
        var compilation = GeneratorHarness.Compilation(Ids, "namespace GridGovernance.Sample;\ninternal static class Other { }");
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);

        var other = compilation.SyntaxTrees.Single(t => t.ToString().Contains("class Other", StringComparison.Ordinal));
        var edited = compilation.ReplaceSyntaxTree(
            other,
            CSharpSyntaxTree.ParseText("namespace GridGovernance.Sample;\ninternal static class Other { internal const int X = 1; }", (CSharpParseOptions)other.Options));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var reasons = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(step => step.Outputs).Select(o => o.Reason).ToList();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }
}
