using CommunityWorkforce.Insights.Scope;

namespace CommunityWorkforce.Insights.Dashboard;

/// <summary>A count under a stable key (a band, a code group, a grade).</summary>
public sealed record KeyCount(string Key, int Count);

/// <summary>One band of the age pyramid.</summary>
public sealed record AgeBandCount(string Band, int Male, int Female, int Other);

/// <summary>A child unit to drill into, with its headcount.</summary>
public sealed record ChildUnit
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string Level { get; init; } = "";
    public int Headcount { get; init; }
}

/// <summary>社工持证率 — workers holding a social-work certificate against the target share.</summary>
public sealed record CertificationFigure(int Certified, int Headcount, decimal Rate, decimal Target, bool MeetsTarget);

/// <summary>A 全岗通 service line (its code as <paramref name="Key"/>, its names from CompetencyFramework) and its holders.</summary>
public sealed record LineCount(string Key, string NameZh, string NameEn, int Count);

/// <summary>全岗通 — workers holding at least one valid passed certification, and holders per service line (in the framework's order).</summary>
public sealed record AllRoundFigure(int Certified, int Headcount, decimal Rate, IReadOnlyList<LineCount> Lines);

/// <summary>One grade (post type and level, 三岗十八级) and how many hold it.</summary>
public sealed record GradeCount(string PostType, int Level, int Count);

/// <summary>编制 — active posts' quota, filled places and vacancies (a post filled beyond quota leaves no vacancy).</summary>
public sealed record VacancyFigure(int Quota, int Filled, int Vacant, decimal Rate);

/// <summary>The grade mix of the latest published annual appraisal in the subtree.</summary>
public sealed record AppraisalFigure(int? Year, int Total, IReadOnlyList<KeyCount> Grades);

/// <summary>
/// The structure of a unit's workforce (its whole subtree), computed from the other modules' published views and
/// kept until this host next writes one of them (at most 30 s): a write shows on the next read.
/// </summary>
public sealed record DashboardResponse
{
    public UnitRef Unit { get; init; } = new();
    public IReadOnlyList<UnitRef> Trail { get; init; } = [];
    public DateOnly AsOf { get; init; }

    /// <summary>Workers on the roster (active or on leave; not those who left).</summary>
    public int Headcount { get; init; }
    public IReadOnlyList<ChildUnit> Children { get; init; } = [];
    public IReadOnlyList<AgeBandCount> AgePyramid { get; init; } = [];
    public IReadOnlyList<KeyCount> Education { get; init; } = [];
    public IReadOnlyList<KeyCount> Political { get; init; } = [];
    public IReadOnlyList<KeyCount> Service { get; init; } = [];
    public CertificationFigure Certification { get; init; } = new(0, 0, 0, 0, false);
    public AllRoundFigure AllRound { get; init; } = new(0, 0, 0, []);
    public IReadOnlyList<GradeCount> Grades { get; init; } = [];

    /// <summary>Workers with no grade recorded in CareerPath.</summary>
    public int Ungraded { get; init; }
    public VacancyFigure Vacancy { get; init; } = new(0, 0, 0, 0);
    public AppraisalFigure Appraisal { get; init; } = new(null, 0, []);
}
