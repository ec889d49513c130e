using CommunityWorkforce.BuildingBlocks.Data;

namespace CommunityWorkforce.CompetencyFramework.Frameworks;

/// <summary>
/// The default community-worker framework (社区工作者能力框架), seeded published on every start where it is missing:
/// political quality, professional knowledge per service line, working abilities and personal traits, each competency
/// with levels 1–5 (了解 → 示范引领). Cities change it by drafting a new version.
/// </summary>
internal sealed class DefaultFramework(DbSession db, FrameworkStore store, TimeProvider clock)
{
    public const string Code = "community-worker";

    private static readonly (string Zh, string En)[] LevelPatterns =
    [
        ("了解{0}的基本要求，在指导下完成简单事项。", "Knows the basics of {0}; handles simple matters under guidance."),
        ("掌握{0}的常用做法，能独立处理常规事项。", "Knows the common practice of {0}; handles routine matters alone."),
        ("熟练运用{0}，能处理较复杂的事项并指导新人。", "Applies {0} fluently; handles complex matters and guides newcomers."),
        ("精通{0}，能解决疑难问题并改进工作方法。", "Masters {0}; solves difficult cases and improves how the work is done."),
        ("在{0}方面示范引领，能总结推广经验、带教他人。", "Sets the example in {0}; distils and spreads good practice and mentors others."),
    ];

    /// <summary>(dimension code, zh, en, competencies (code, zh, en, subject zh, subject en)).</summary>
    private static readonly (string Code, string Zh, string En, (string Code, string Zh, string En, string SubjectZh, string SubjectEn)[] Items)[] Content =
    [
        ("political-quality", "政治素质", "Political quality",
        [
            ("political-awareness", "政治素质", "Political quality", "党的路线方针政策与基层工作纪律", "Party policy and the discipline of grass-roots work"),
        ]),
        ("professional-knowledge", "业务知识", "Professional knowledge",
        [
            ("knowledge-civil-affairs", "民政业务知识", "Civil affairs", "民政政策（低保、救助、优抚等）", "civil-affairs policy (subsistence allowance, relief, veterans)"),
            ("knowledge-elderly-care", "养老服务知识", "Elderly care", "养老服务政策与为老服务", "elderly-care policy and services"),
            ("knowledge-party-building", "党建工作知识", "Party-building", "基层党建工作", "grass-roots Party-building"),
            ("knowledge-mediation", "人民调解知识", "Mediation", "矛盾纠纷调解", "dispute mediation"),
            ("knowledge-public-security", "平安建设知识", "Public security", "平安建设与综合治理", "public security and comprehensive governance"),
            ("knowledge-family-services", "家庭服务知识", "Family services", "家庭与妇女儿童服务政策", "family, women's and children's services"),
            ("knowledge-employment", "就业服务知识", "Employment", "就业援助与社会保障政策", "employment assistance and social security"),
            ("knowledge-disability", "残疾人服务知识", "Disability services", "残疾人服务与保障政策", "disability services and support"),
            ("knowledge-health", "卫生健康知识", "Health", "卫生健康与公共卫生服务", "health and public-health services"),
        ]),
        ("working-ability", "工作能力", "Working abilities",
        [
            ("ability-resident-communication", "群众沟通", "Resident communication", "与居民沟通、倾听诉求", "talking with residents and hearing their concerns"),
            ("ability-organising", "组织协调", "Organising", "组织活动与协调各方资源", "organising activities and coordinating resources"),
            ("ability-emergency-response", "应急处置", "Emergency response", "突发事件应急处置", "emergency response"),
            ("ability-digital-tools", "数字化应用", "Digital tools", "数字化工具与信息系统", "digital tools and information systems"),
            ("ability-policy-application", "政策运用", "Policy application", "把政策用于具体个案", "applying policy to individual cases"),
        ]),
        ("personal-traits", "个性特质", "Personal traits",
        [
            ("trait-service-attitude", "服务意识", "Service attitude", "以居民为中心的服务意识", "resident-centred service"),
            ("trait-responsibility", "责任担当", "Responsibility", "责任担当与敢于负责", "taking responsibility"),
            ("trait-resilience", "抗压韧性", "Resilience", "在压力下保持稳定的工作状态", "working steadily under pressure"),
        ]),
    ];

    public static FrameworkDoc Doc() => new(Content.Select(d => new DimensionDoc(d.Code, d.Zh, d.En, d.Items.Select(c =>
        new CompetencyDoc(c.Code, c.Zh, c.En, LevelPatterns.Select((p, i) =>
            new LevelDoc(i + 1, string.Format(System.Globalization.CultureInfo.InvariantCulture, p.Zh, c.SubjectZh),
                string.Format(System.Globalization.CultureInfo.InvariantCulture, p.En, c.SubjectEn))).ToList())).ToList())).ToList());

    public async Task EnsureAsync(CancellationToken ct)
    {
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteScalarAsync<int>(FrameworkSql.CodeExists, new { Code }, ct) > 0)
        {
            return;
        }
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow();
        await db.ExecuteAsync(FrameworkSql.Insert, new
        {
            Id = id, Code, VersionNo = 1, NameZh = "社区工作者能力框架", NameEn = "Community worker competency framework",
            Status = FrameworkStatus.Published, BasedOnId = (Guid?)null, PublishedAt = (DateTimeOffset?)now, Now = now,
        }, ct);
        await store.WriteContentAsync(id, Doc(), ct);
        await tx.CommitAsync(ct);
    }
}
