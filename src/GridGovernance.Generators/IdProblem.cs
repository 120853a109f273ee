using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace GridGovernance.Generators;

/// <summary>
/// A diagnostic to report, held as plain values: a <see cref="Location"/> or <see cref="Diagnostic"/> would
/// keep syntax trees alive across runs and never compare equal, which defeats the pipeline's caching.
/// </summary>
internal sealed record IdProblem(string DescriptorId, string FilePath, TextSpan Span, LinePositionSpan LineSpan, string Argument)
{
    public static IdProblem At(DiagnosticDescriptor descriptor, Location location, string argument)
    {
        var line = location.GetLineSpan();
        return new IdProblem(descriptor.Id, line.Path, location.SourceSpan, line.Span, argument);
    }

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(IdDiagnostics.ById(DescriptorId), Location.Create(FilePath, Span, LineSpan), Argument);
}
