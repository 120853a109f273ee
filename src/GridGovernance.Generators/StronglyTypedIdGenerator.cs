using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace GridGovernance.Generators;

/// <summary>
/// Writes the body of every <c>readonly partial record struct</c> marked <c>[StronglyTypedId("prefix")]</c>:
/// the range-checked constructor, <c>Value</c>, <c>IsSpecified</c>, ordering and <c>ToString</c>. The ids of
/// GridGovernance.Core were eleven hand copies of the same code; this is now the one copy.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class StronglyTypedIdGenerator : IIncrementalGenerator
{
    /// <summary>The metadata name of the marker attribute, which lives (internal) in GridGovernance.Core.</summary>
    public const string AttributeName = "GridGovernance.StronglyTypedIdAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var targets = context.SyntaxProvider.ForAttributeWithMetadataName(
            AttributeName,
            static (node, _) => node is TypeDeclarationSyntax,
            static (ctx, cancellationToken) => Read(ctx, cancellationToken));

        context.RegisterSourceOutput(targets, static (spc, target) =>
        {
            if (target.Problem is not null)
            {
                spc.ReportDiagnostic(target.Problem.ToDiagnostic());
            }
            else if (target.Model is not null)
            {
                var model = target.Model;
                var hint = (model.Namespace.Length == 0 ? model.Name : model.Namespace + "." + model.Name) + ".StronglyTypedId.g.cs";
                spc.AddSource(hint, IdSource.Write(model));
            }
        });
    }

    private static IdTarget Read(GeneratorAttributeSyntaxContext ctx, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var symbol = (INamedTypeSymbol)ctx.TargetSymbol;
        var syntax = (TypeDeclarationSyntax)ctx.TargetNode;
        var location = syntax.Identifier.GetLocation();
        var name = symbol.Name;

        var isIdShape = syntax is RecordDeclarationSyntax record
            && record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword)
            && record.Modifiers.Any(SyntaxKind.PartialKeyword)
            && record.Modifiers.Any(SyntaxKind.ReadOnlyKeyword)
            && record.ParameterList is null
            && symbol.ContainingType is null
            && symbol.TypeParameters.Length == 0;
        if (!isIdShape)
        {
            return Fail(IdDiagnostics.NotAPartialRecordStruct, location, name);
        }

        var attribute = ctx.Attributes[0];
        var arguments = attribute.ConstructorArguments;
        var prefix = arguments.Length > 0 ? arguments[0].Value as string : null;
        if (string.IsNullOrWhiteSpace(prefix))
        {
            return Fail(IdDiagnostics.BlankPrefix, location, name);
        }

        var valueType = arguments.Length > 1 ? (arguments[1].Value as ITypeSymbol)?.SpecialType : SpecialType.System_Int32;
        if (valueType is not (SpecialType.System_Int32 or SpecialType.System_Int64))
        {
            return Fail(IdDiagnostics.UnsupportedValueType, location, name);
        }

        var ns = symbol.ContainingNamespace.IsGlobalNamespace ? "" : symbol.ContainingNamespace.ToDisplayString();
        return new IdTarget(new IdModel(ns, name, prefix!, valueType == SpecialType.System_Int64), null);
    }

    private static IdTarget Fail(DiagnosticDescriptor descriptor, Location location, string name) =>
        new(null, IdProblem.At(descriptor, location, name));
}
