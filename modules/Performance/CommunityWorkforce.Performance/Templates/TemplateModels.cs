using System.ComponentModel.DataAnnotations;

namespace CommunityWorkforce.Performance.Templates;

/// <summary>Indicator kinds of an appraisal template.</summary>
public static class IndicatorKinds
{
    /// <summary>个人业绩指标: a target, the actual value entered per worker, and a scoring rule.</summary>
    public const string Kpi = "kpi";

    /// <summary>街道德能勤绩廉考核 — the street office's assessment (0–100).</summary>
    public const string Street = "street";

    /// <summary>同事互评 — peer review (0–100).</summary>
    public const string Peer = "peer";

    /// <summary>居民满意度（好差评）— from the ratings of the period.</summary>
    public const string Resident = "resident";

    public static readonly IReadOnlyList<string> All = [Kpi, Street, Peer, Resident];
}

/// <summary>How a KPI's actual value becomes a 0–100 score.</summary>
public static class KpiRules
{
    /// <summary>actual ÷ target × 100, capped at 100 (more is better: cases handled, visits made).</summary>
    public const string HigherBetter = "higher-better";

    /// <summary>target ÷ actual × 100, capped at 100; 100 when actual is 0 (less is better: complaints, days to close).</summary>
    public const string LowerBetter = "lower-better";

    public static readonly IReadOnlyList<string> All = [HigherBetter, LowerBetter];
}

public sealed record IndicatorDto
{
    [Required, MaxLength(40)]
    public string Code { get; init; } = "";

    [Required, MaxLength(20)]
    public string Kind { get; init; } = "";

    [Required, MaxLength(100)]
    public string Name { get; init; } = "";

    /// <summary>Weight in percent of the composite score.</summary>
    public int Weight { get; init; }

    /// <summary>KPI only: the target value.</summary>
    public decimal? Target { get; init; }

    /// <summary>KPI only: <c>higher-better</c> or <c>lower-better</c>.</summary>
    [MaxLength(20)]
    public string? Rule { get; init; }
}

public sealed record TemplateRequest
{
    public Guid? OrgUnitId { get; init; }

    [Required, MaxLength(20)]
    public string PostType { get; init; } = "";

    [Required, MaxLength(100)]
    public string Name { get; init; } = "";

    /// <summary>部门绩效占比: the weight of the department's score, in percent; indicators + this = 100.</summary>
    public int DepartmentShare { get; init; }

    public IReadOnlyList<IndicatorDto>? Indicators { get; init; }

    /// <summary>Required when updating.</summary>
    public int? Version { get; init; }
}

public sealed record TemplateResponse
{
    public Guid Id { get; init; }
    public Guid OrgUnitId { get; init; }
    public string OrgPath { get; init; } = "";
    public string PostType { get; init; } = "";
    public string Name { get; init; } = "";
    public int DepartmentShare { get; init; }
    public IReadOnlyList<IndicatorDto> Indicators { get; init; } = [];
    public int Version { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

internal sealed class TemplateRow
{
    public Guid Id { get; init; }
    public Guid OrgUnitId { get; init; }
    public string OrgPath { get; init; } = "";
    public string PostType { get; init; } = "";
    public string Name { get; init; } = "";
    public int DepartmentShare { get; init; }
    public string Indicators { get; init; } = "[]";
    public int Version { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

internal static class TemplateSql
{
    private const string Columns = """
        SELECT id, org_unit_id, org_path, post_type, name, department_share, indicators, version, updated_at FROM performance_templates
        """;

    public const string Get = Columns + " WHERE id = @Id AND {scope:org_path}";

    public const string ById = Columns + " WHERE id = @Id";

    public const string Count = "SELECT COUNT(*) FROM performance_templates WHERE {scope:org_path} AND (@PostType IS NULL OR post_type = @PostType)";

    public const string List = Columns + " WHERE {scope:org_path} AND (@PostType IS NULL OR post_type = @PostType) ORDER BY {orderBy} {page}";

    /// <summary>Templates owned by the cycle's unit or any unit above it (the nearest one of a post type wins).</summary>
    public const string ForPath = Columns + " WHERE @Path LIKE org_path {cat} '%'";

    public const string Exists = "SELECT COUNT(*) FROM performance_templates WHERE org_unit_id = @OrgUnitId AND post_type = @PostType";

    public const string Insert = """
        INSERT INTO performance_templates (id, org_unit_id, org_path, post_type, name, department_share, indicators, version, created_at, updated_at)
        VALUES (@Id, @OrgUnitId, @OrgPath, @PostType, @Name, @DepartmentShare, @Indicators, 1, @Now, @Now)
        """;

    public const string Update = """
        UPDATE performance_templates SET name = @Name, department_share = @DepartmentShare, indicators = @Indicators,
            version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version
        """;
}
