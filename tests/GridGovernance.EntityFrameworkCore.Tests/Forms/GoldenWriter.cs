using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using GridGovernance.EntityFrameworkCore.Documents;

namespace GridGovernance.EntityFrameworkCore.Tests.Forms;

/// <summary>
/// Writes the golden file of each form's current version from the samples, when GG_WRITE_GOLDEN names the Golden
/// folder (after a deliberate new form version; never to make a failing golden test pass). Older versions' files are
/// never rewritten: they are what older releases wrote.
/// </summary>
public sealed class GoldenWriter
{
    [Fact]
    public void WritesTheCurrentGoldenFiles_WhenAsked()
    {
        if (Environment.GetEnvironmentVariable("GG_WRITE_GOLDEN") is not { Length: > 0 } folder)
        {
            Assert.Null(Environment.GetEnvironmentVariable("GG_WRITE_GOLDEN"));
            return;
        }
        var indented = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        foreach (var (name, sample) in StoredFormSamples.All)
        {
            var form = StoredFormSamples.FormOf(name);
            var document = AggregateDocument.Serialize(form.Restore(sample));
            File.WriteAllText(Path.Combine(folder, $"{name}.v{form.Version}.json"), JsonNode.Parse(document)!.ToJsonString(indented) + "\n");
        }
    }
}
