using CommunityWorkforce.BuildingBlocks.Http;
using CommunityWorkforce.CompetencyFramework.Frameworks;

namespace CommunityWorkforce.CompetencyFramework.Tests;

/// <summary>Framework content rules and the version diff, without a database.</summary>
public sealed class FrameworkRulesTests
{
    private static DimensionInput Dim(params CompetencyInput[] competencies) =>
        new() { Code = "d", NameZh = "维度", NameEn = "Dimension", Competencies = competencies };

    private static CompetencyInput Comp(string code, params int[] levels) => new()
    {
        Code = code, NameZh = code, NameEn = code,
        Levels = levels.Select(l => new LevelInput { Level = l, IndicatorZh = $"指标{l}", IndicatorEn = $"Indicator {l}" }).ToList(),
    };

    [Test]
    public void A_complete_framework_passes()
    {
        var validator = new Validator();
        var doc = FrameworkRules.Check(validator, [Dim(Comp("a", 1, 2, 3, 4, 5), Comp("b", 5, 4, 3, 2, 1))]);

        Assert.That(validator.IsValid, Is.True);
        Assert.That(doc!.Competencies.Select(c => c.Competency.Levels.Select(l => l.Level)), Has.All.EqualTo(new[] { 1, 2, 3, 4, 5 }));
    }

    [Test]
    public void Duplicate_codes_and_repeated_levels_are_named()
    {
        var validator = new Validator();
        FrameworkRules.Check(validator, [Dim(Comp("a", 1, 2, 3, 4, 5), Comp("a", 1, 2, 3, 4, 4))]);

        var fields = validator.Errors.Select(e => e.Field).ToList();
        Assert.That(fields, Does.Contain("dimensions[0].competencies[1].code"));
        Assert.That(fields, Does.Contain("dimensions[0].competencies[1].levels[4].level"));
        Assert.That(fields, Does.Contain("dimensions[0].competencies[1].levels"));
    }

    [Test]
    public void The_diff_matches_competencies_by_code()
    {
        var from = new FrameworkDoc([new DimensionDoc("d", "维度", "D", [
            new CompetencyDoc("keep", "保留", "Keep", Levels("x")), new CompetencyDoc("gone", "删除", "Gone", Levels("x")),
            new CompetencyDoc("edit", "修改", "Edit", Levels("x"))])]);
        var to = new FrameworkDoc([new DimensionDoc("d", "维度", "D", [
            new CompetencyDoc("keep", "保留", "Keep", Levels("x")), new CompetencyDoc("edit", "修改", "Edit", Levels("y")),
            new CompetencyDoc("new", "新增", "New", Levels("x"))])]);

        var (added, removed, changed) = FrameworkRules.Diff(from, to);

        Assert.That(added.Select(c => c.Code), Is.EqualTo(new[] { "new" }));
        Assert.That(removed.Select(c => c.Code), Is.EqualTo(new[] { "gone" }));
        Assert.That(changed.Single().Code, Is.EqualTo("edit"));
        Assert.That(changed.Single().Fields, Is.EqualTo(new[] { "level-1", "level-2", "level-3", "level-4", "level-5" }));
    }

    [Test]
    public void The_default_framework_passes_its_own_rules()
    {
        var doc = DefaultFramework.Doc();

        Assert.That(doc.Competencies.Count(), Is.EqualTo(18));
        Assert.That(doc.Competencies.Count(), Is.LessThanOrEqualTo(FrameworkRules.MaxCompetencies));
        Assert.That(doc.Competencies.Select(c => c.Competency.Code).Distinct().Count(), Is.EqualTo(18));
        Assert.That(doc.Competencies.All(c => c.Competency.Levels.Count == 5), Is.True);
    }

    private static List<LevelDoc> Levels(string tag) =>
        Enumerable.Range(1, 5).Select(l => new LevelDoc(l, $"{tag}{l}", $"{tag} {l}")).ToList();
}
