namespace CommunityWorkforce.Performance.Templates;

/// <summary>What makes a template usable: weights that add up to 100 %, at most one of each assessed part, KPIs with targets.</summary>
internal static class TemplateRules
{
    public static void Check(Validator validator, string name, int departmentShare, IReadOnlyList<IndicatorDto> indicators)
    {
        validator.Range("departmentShare", departmentShare, 0, 100);
        validator.Rule(indicators.Count > 0, "indicators", Text.Of("至少需要一项指标。", "At least one indicator is required."));
        for (var i = 0; i < indicators.Count; i++)
        {
            var indicator = indicators[i];
            validator.OneOf($"indicators[{i}].kind", indicator.Kind, IndicatorKinds.All);
            validator.Range($"indicators[{i}].weight", indicator.Weight, 1, 100);
            if (indicator.Kind == IndicatorKinds.Kpi)
            {
                validator.Rule(indicator.Target is > 0, $"indicators[{i}].target",
                    Text.Of("个人业绩指标需要大于 0 的目标值。", "A KPI needs a target above 0."));
                validator.Rule(indicator.Rule is not null && KpiRules.All.Contains(indicator.Rule), $"indicators[{i}].rule",
                    Text.Of($"计分规则应为：{string.Join("、", KpiRules.All)}。", $"The scoring rule is one of: {string.Join(", ", KpiRules.All)}."));
            }
        }
        foreach (var kind in new[] { IndicatorKinds.Street, IndicatorKinds.Peer, IndicatorKinds.Resident })
        {
            validator.Rule(indicators.Count(x => x.Kind == kind) <= 1, "indicators",
                Text.Of($"“{kind}”类指标最多一项。", $"At most one '{kind}' indicator."));
        }
        validator.Rule(indicators.Select(x => x.Code).Distinct(StringComparer.Ordinal).Count() == indicators.Count, "indicators",
            Text.Of("指标代码重复。", "Indicator codes must be unique."));
        var total = indicators.Sum(x => x.Weight) + departmentShare;
        validator.Rule(total == 100, "indicators", Text.Of(
            $"模板“{name}”的权重合计为 {total}%（指标 {indicators.Sum(x => x.Weight)}% + 部门占比 {departmentShare}%），应为 100%。",
            $"The weights of template '{name}' add up to {total}% (indicators {indicators.Sum(x => x.Weight)}% + department share {departmentShare}%); they must add up to 100%."));
    }
}
