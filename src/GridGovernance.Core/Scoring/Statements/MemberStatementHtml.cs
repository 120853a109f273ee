using System.Globalization;
using System.Net;
using System.Text;

namespace GridGovernance.Scoring.Statements;

/// <summary>
/// Renders a <see cref="MemberStatement"/> as a printable HTML page in Chinese. Every text that comes from data (names,
/// codes, explanations) goes through <see cref="WebUtility.HtmlEncode(string)"/>; the page has no script and no
/// external resource.
/// </summary>
internal static class MemberStatementHtml
{
    internal static string Render(MemberStatement s)
    {
        var html = new StringBuilder(4096 + 256 * s.Lines.Length);
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
        Text(html, $"积分明细账 {s.DisplayName} {s.Period.Label}");
        html.Append("</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}")
            .Append("th,td{border:1px solid #999;padding:.2em .5em}td.n{text-align:right}@media print{body{margin:0}}</style>\n</head>\n<body>\n");

        html.Append("<h1>党员积分明细账</h1>\n<dl>\n");
        Pair(html, "姓名", s.DisplayName);
        Pair(html, "考核期间", $"{s.Period.Label}（{Date(s.Period.Start)} 至 {Date(s.Period.End)}）");
        Pair(html, "积分细则", $"{s.RuleBookName}（第 {s.RuleBookVersion} 版）");
        Pair(html, "公示", s.Revision == 0 ? s.Publication.ToString() : $"{s.Publication}（第 {s.Revision} 次修订）");
        html.Append("</dl>\n");

        html.Append("<h2>明细</h2>\n<table>\n<thead><tr><th>日期</th><th>项目</th><th>分类</th><th>分值</th><th>计入</th><th>说明</th></tr></thead>\n<tbody>\n");
        foreach (var line in s.Lines)
        {
            html.Append("<tr><td>");
            Text(html, Date(line.Date));
            html.Append("</td><td>");
            Text(html, line.ItemName);
            html.Append("</td><td>");
            Text(html, CategoryName(s, line.CategoryCode));
            html.Append("</td><td class=\"n\">");
            Text(html, line.Worth.ToString());
            html.Append("</td><td class=\"n\">");
            Text(html, line.Counted.ToString());
            html.Append("</td><td>");
            Text(html, line.Explanation);
            html.Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");

        html.Append("<h2>分类小计</h2>\n<table>\n<thead><tr><th>分类</th><th>加分</th><th>扣分</th><th>小计</th><th>上限</th><th>余量</th></tr></thead>\n<tbody>\n");
        foreach (var c in s.Categories)
        {
            html.Append("<tr><td>");
            Text(html, c.Name);
            html.Append("</td><td class=\"n\">");
            Text(html, c.Awarded.ToString());
            html.Append("</td><td class=\"n\">");
            Text(html, c.Deducted.ToString());
            html.Append("</td><td class=\"n\">");
            Text(html, c.Total.ToString());
            html.Append("</td><td class=\"n\">");
            Text(html, c.Cap is null ? "—" : $"{c.Cap.Limit}（{(c.Cap.Mode == CapMode.Clip ? "截取" : "拒计")}）");
            html.Append("</td><td class=\"n\">");
            Text(html, c.RoomLeft?.ToString() ?? "—");
            html.Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n<dl>\n");
        Pair(html, "加分合计", s.Awarded.ToString());
        Pair(html, "扣分合计", s.Deducted.ToString());
        Pair(html, "因上限未计", s.Clipped.ToString());
        Pair(html, "总分", s.Total.ToString());
        Pair(html, "考核得分", s.Score.ToString());
        if (s.Vetoed)
        {
            Pair(html, "否决", "有否决项：不得评为优秀，分级星受限（专项星和事件星照计）");
        }
        html.Append("</dl>\n");

        var stars = s.Stars;
        html.Append("<h2>星级</h2>\n<dl>\n");
        Pair(html, "分级星", stars.CappedByVeto
            ? string.Create(CultureInfo.InvariantCulture, $"{stars.BandStars} 颗（得分可得 {stars.BandStarsBeforeVeto} 颗，因否决受限）")
            : string.Create(CultureInfo.InvariantCulture, $"{stars.BandStars} 颗"));
        if (stars.NextBand is StarBand next)
        {
            Pair(html, "下一星级", string.Create(CultureInfo.InvariantCulture,
                $"{next.Stars} 星需 {next.MinimumScore} 分，还差 {stars.NextBandShortfall} 分{(s.Vetoed && stars.VetoStarCap is int vetoCap && vetoCap < next.Stars ? "（有否决项，达到也不增加分级星）" : "")}"));
        }
        Pair(html, "事件星", string.Create(CultureInfo.InvariantCulture, $"{stars.EventStars} 颗"));
        Pair(html, "星数合计", string.Create(CultureInfo.InvariantCulture, $"{stars.Total} 颗"));
        html.Append("</dl>\n");
        if (!stars.Named.IsDefaultOrEmpty)
        {
            html.Append("<table>\n<thead><tr><th>专项星</th><th>条件</th><th>现有</th><th>状态</th></tr></thead>\n<tbody>\n");
            foreach (var n in stars.Named)
            {
                bool byCount = n.Criterion.Kind == StarCriterionKind.ItemCount;
                string unit = byCount ? "次" : "分";
                string need = byCount
                    ? string.Create(CultureInfo.InvariantCulture, $"{n.Criterion.MinimumCount} 次")
                    : $"{n.Criterion.MinimumTotal} 分";
                html.Append("<tr><td>");
                Text(html, n.Name);
                html.Append("</td><td>");
                Text(html, need);
                html.Append("</td><td class=\"n\">");
                Text(html, $"{n.Have} {unit}");
                html.Append("</td><td>");
                Text(html, n.Earned ? "已获得" : $"还差 {n.Shortfall} {unit}");
                html.Append("</td></tr>\n");
            }
            html.Append("</tbody>\n</table>\n");
        }

        html.Append("<h2>排名</h2>\n<dl>\n");
        Pair(html, "范围", s.Rank.Scope is OrgUnitId scopeUnit ? scopeUnit.ToString() : "全部公示人员");
        Pair(html, "名次", string.Create(CultureInfo.InvariantCulture, $"第 {s.Rank.Rank} 名 / 共 {s.Rank.ScopeCount} 人"));
        Pair(html, "百分位", string.Create(CultureInfo.InvariantCulture, $"超过 {s.Rank.Percentile:0.#}% 的人员"));
        html.Append("</dl>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string CategoryName(MemberStatement s, string code)
    {
        foreach (var c in s.Categories)
        {
            if (c.Code == code)
            {
                return c.Name;
            }
        }
        return code;
    }

    private static string Date(NodaTime.LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Pair(StringBuilder html, string term, string value)
    {
        html.Append("<dt>");
        Text(html, term);
        html.Append("</dt><dd>");
        Text(html, value);
        html.Append("</dd>\n");
    }

    private static void Text(StringBuilder html, string text) => html.Append(WebUtility.HtmlEncode(text));
}
