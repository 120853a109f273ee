using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using NodaTime;
using NodaTime.Text;

namespace GridGovernance.Scoring;

/// <summary>
/// Writes a rule book definition member by member, in a fixed order, leaving out optional members that hold their
/// default, so that equal definitions give equal text.
/// </summary>
internal static class RuleBookJsonWriter
{
    internal static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        // Chinese names stay readable; only characters that are unsafe in HTML are escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    internal static void Write(Utf8JsonWriter w, RuleBookDefinition d)
    {
        w.WriteStartObject();
        w.WriteString("id", d.Id);
        w.WriteNumber("version", d.Version);
        w.WriteString("name", d.Name);
        WriteList(w, "categories", d.Categories, WriteCategory);
        WriteList(w, "items", d.Items, WriteItem);
        if (d.KindMultipliers is { Count: > 0 } multipliers)
        {
            w.WriteStartObject("kindMultipliers");
            foreach (var (kind, multiplier) in multipliers.OrderBy(p => p.Key))
            {
                w.WriteNumber(RuleBookJsonNames.Of(kind), multiplier);
            }
            w.WriteEndObject();
        }
        if (d.Stars is not null)
        {
            w.WritePropertyName("stars");
            WriteStars(w, d.Stars);
        }
        w.WriteEndObject();
    }

    private static void WriteCategory(Utf8JsonWriter w, ScoreCategory c)
    {
        w.WriteStartObject();
        w.WriteString("code", c.Code);
        w.WriteString("name", c.Name);
        WriteCap(w, c.Cap);
        WritePeriod(w, c.Period);
        w.WriteEndObject();
    }

    private static void WriteItem(Utf8JsonWriter w, RuleItem item)
    {
        w.WriteStartObject();
        w.WriteString("code", item.Code);
        w.WriteString("category", item.Category);
        w.WriteString("name", item.Name);
        WriteList(w, "versions", item.Versions, WriteVersion, always: true);
        w.WriteEndObject();
    }

    private static void WriteVersion(Utf8JsonWriter w, RuleItemVersion v)
    {
        w.WriteStartObject();
        WriteDate(w, "effectiveFrom", v.EffectiveFrom);
        w.WriteString("kind", RuleBookJsonNames.Of(v.Kind));
        if (v.Points != Points.Zero)
        {
            WritePoints(w, "points", v.Points);
        }
        if (v.Minimum is Points minimum)
        {
            WritePoints(w, "minimum", minimum);
        }
        if (v.Maximum is Points maximum)
        {
            WritePoints(w, "maximum", maximum);
        }
        WriteCap(w, v.Cap);
        WritePeriod(w, v.Period);
        if (v.OncePerPeriod)
        {
            w.WriteBoolean("oncePerPeriod", true);
        }
        if (v.DoubleAfterReminder)
        {
            w.WriteBoolean("doubleAfterReminder", true);
        }
        WriteList(w, "eligibleKinds", v.EligibleKinds, (w, k) => w.WriteStringValue(RuleBookJsonNames.Of(k)));
        WriteList(w, "tiers", v.Tiers, WriteTier);
        if (v.Threshold is ThresholdRule threshold)
        {
            w.WriteStartObject("threshold");
            w.WriteString("countedItem", threshold.CountedItem);
            w.WriteNumber("expected", threshold.Expected);
            w.WriteNumber("minimumRatio", threshold.MinimumRatio);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteTier(Utf8JsonWriter w, PenaltyTier tier)
    {
        w.WriteStartObject();
        w.WriteString("code", tier.Code);
        WritePoints(w, "points", tier.Points);
        w.WriteEndObject();
    }

    private static void WriteStars(Utf8JsonWriter w, StarRules stars)
    {
        w.WriteStartObject();
        WriteList(w, "bands", stars.Bands, (w, band) =>
        {
            w.WriteStartObject();
            w.WriteNumber("stars", band.Stars);
            WritePoints(w, "minimumScore", band.MinimumScore);
            w.WriteEndObject();
        });
        WriteList(w, "namedStars", stars.NamedStars, WriteNamedStar);
        WriteList(w, "eventStarItems", stars.EventStarItems, (w, code) => w.WriteStringValue(code));
        if (stars.VetoStarCap is int cap)
        {
            w.WriteNumber("vetoStarCap", cap);
        }
        w.WriteEndObject();
    }

    private static void WriteNamedStar(Utf8JsonWriter w, NamedStar star)
    {
        w.WriteStartObject();
        w.WriteString("code", star.Code);
        w.WriteString("name", star.Name);
        if (star.Criterion is StarCriterion criterion)
        {
            w.WriteStartObject("criterion");
            w.WriteString("kind", RuleBookJsonNames.Of(criterion.Kind));
            w.WriteString("code", criterion.Code);
            // Each kind always shows the threshold it uses; the other one only when someone set it.
            if (criterion.Kind == StarCriterionKind.CategoryTotal || criterion.MinimumTotal != Points.Zero)
            {
                WritePoints(w, "minimumTotal", criterion.MinimumTotal);
            }
            if (criterion.Kind == StarCriterionKind.ItemCount || criterion.MinimumCount != 0)
            {
                w.WriteNumber("minimumCount", criterion.MinimumCount);
            }
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("criterion");
        }
        w.WriteEndObject();
    }

    private static void WritePeriod(Utf8JsonWriter w, PeriodKind? period)
    {
        if (period is PeriodKind p)
        {
            w.WriteString("period", RuleBookJsonNames.Of(p));
        }
    }

    private static void WriteCap(Utf8JsonWriter w, PointsCap? cap)
    {
        if (cap is null)
        {
            return;
        }
        w.WriteStartObject("cap");
        WritePoints(w, "limit", cap.Limit);
        w.WriteString("mode", RuleBookJsonNames.Of(cap.Mode));
        w.WriteEndObject();
    }

    /// <summary>Points as an exact JSON number without trailing zeros: <c>1.25</c>, <c>-0.5</c>, <c>20</c>.</summary>
    internal static void WritePoints(Utf8JsonWriter w, string name, Points points)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(points.ToString(), skipInputValidation: true);
    }

    private static void WriteDate(Utf8JsonWriter w, string name, LocalDate date) => w.WriteString(name, LocalDatePattern.Iso.Format(date));

    private static void WriteList<T>(Utf8JsonWriter w, string name, IReadOnlyList<T>? list, Action<Utf8JsonWriter, T> writeItem, bool always = false)
    {
        if (list is null || (list.Count == 0 && !always))
        {
            return;
        }
        w.WriteStartArray(name);
        foreach (var item in list)
        {
            if (item is null)
            {
                // Only a hand-built definition has these; writing null lets the reader report where it was.
                w.WriteNullValue();
            }
            else
            {
                writeItem(w, item);
            }
        }
        w.WriteEndArray();
    }
}
