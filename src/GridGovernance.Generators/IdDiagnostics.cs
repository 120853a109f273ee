using Microsoft.CodeAnalysis;

namespace GridGovernance.Generators;

/// <summary>The mistakes the id generator reports instead of writing code that would not compile.</summary>
internal static class IdDiagnostics
{
    private const string Category = "GridGovernance.Generators";

    public static readonly DiagnosticDescriptor NotAPartialRecordStruct = new(
        "GGGEN001",
        "An id must be a top-level readonly partial record struct",
        "'{0}' is marked [StronglyTypedId] but is not a top-level 'readonly partial record struct'",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedValueType = new(
        "GGGEN002",
        "An id's number must be an int or a long",
        "[StronglyTypedId] on '{0}' names a value type other than int or long",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor BlankPrefix = new(
        "GGGEN003",
        "An id needs a prefix",
        "[StronglyTypedId] on '{0}' has an empty prefix",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static DiagnosticDescriptor ById(string id) => id switch
    {
        "GGGEN001" => NotAPartialRecordStruct,
        "GGGEN002" => UnsupportedValueType,
        _ => BlankPrefix,
    };
}
