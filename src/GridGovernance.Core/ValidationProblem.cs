namespace GridGovernance;

/// <summary>
/// One problem found while validating a batch or a set of options: which field, which row or key,
/// which rule, and a sentence for people.
/// </summary>
/// <param name="Field">The field (property path) that was wrong, e.g. <c>Units[3].ParentId</c> or <c>TimeZone</c>.</param>
/// <param name="Key">The row or key the problem belongs to (an id, a row number), or <c>null</c> when it concerns the whole input.</param>
/// <param name="Rule">The stable code of the rule broken (see <see cref="ErrorCodes"/>).</param>
/// <param name="Message">One sentence saying what was wrong.</param>
[Immutable]
public sealed record ValidationProblem(string Field, string? Key, string Rule, string Message)
{
    /// <summary>
    /// <see cref="Field"/> as the web defaults of System.Text.Json name it, for an HTTP layer to report: every member
    /// name in camelCase, indexes and keys kept, e.g. <c>Units[3].ParentId</c> → <c>units[3].parentId</c>,
    /// <c>draft.Unit</c> → <c>draft.unit</c>. A field that already is a JSON path (a rule book's <c>$.items[0].code</c>)
    /// is returned as it is. The first segment of a command's problem names its parameter (<c>draft</c>,
    /// <c>request</c>), which a body bound to that parameter leaves out.
    /// </summary>
    public string JsonPath => ToJsonPath(Field);

    /// <summary>The camelCase path of a C# property path; see <see cref="JsonPath"/>.</summary>
    internal static string ToJsonPath(string field)
    {
        if (string.IsNullOrEmpty(field) || field[0] == '$')
        {
            return field;
        }
        var builder = new System.Text.StringBuilder(field.Length);
        int i = 0;
        while (i < field.Length)
        {
            // A member name runs to the next '.' or '['; it is converted as System.Text.Json's camelCase policy does.
            int nameEnd = field.IndexOfAny(['.', '['], i);
            nameEnd = nameEnd < 0 ? field.Length : nameEnd;
            builder.Append(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(field[i..nameEnd]));
            i = nameEnd;
            // What stands between brackets (an index, a key) is kept as it is.
            while (i < field.Length && field[i] == '[')
            {
                int close = field.IndexOf(']', i);
                close = close < 0 ? field.Length - 1 : close;
                builder.Append(field, i, close - i + 1);
                i = close + 1;
            }
            if (i < field.Length && field[i] == '.')
            {
                builder.Append('.');
                i++;
            }
        }
        return builder.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Key is null ? $"{Field}: {Message} ({Rule})" : $"{Field} [{Key}]: {Message} ({Rule})";
}
