using System.ComponentModel.DataAnnotations;

namespace CommunityWorkforce.Training.Courses;

/// <summary>Course categories (培训类别), stable codes.</summary>
public static class CourseCategories
{
    /// <summary>党性教育</summary>
    public const string Party = "party";
    /// <summary>政策法规</summary>
    public const string Policy = "policy";
    /// <summary>服务技能</summary>
    public const string ServiceSkills = "service-skills";
    /// <summary>数字技能</summary>
    public const string Digital = "digital";
    /// <summary>应急处置</summary>
    public const string Emergency = "emergency";
    /// <summary>带教</summary>
    public const string Mentoring = "mentoring";
    /// <summary>结对</summary>
    public const string Pairing = "pairing";
    /// <summary>轮岗 as learning</summary>
    public const string Rotation = "rotation";

    public static readonly IReadOnlyList<string> All = [Party, Policy, ServiceSkills, Digital, Emergency, Mentoring, Pairing, Rotation];
}

/// <summary>How a course is delivered (授课方式).</summary>
public static class Deliveries
{
    public const string Classroom = "classroom";
    public const string Online = "online";
    public const string OnTheJob = "on-the-job";

    public static readonly IReadOnlyList<string> All = [Classroom, Online, OnTheJob];
}

/// <summary>A competency a course develops, and to what level (1–5).</summary>
public sealed record CourseCompetency
{
    [Required, MaxLength(40)]
    public string? CompetencyCode { get; init; }

    [Required]
    public int? TargetLevel { get; init; }
}

public sealed record SaveCourseRequest
{
    [Required, MaxLength(40)]
    public string? Code { get; init; }

    [Required, MaxLength(200)]
    public string? Title { get; init; }

    [Required, MaxLength(40)]
    public string? Category { get; init; }

    [Required, MaxLength(20)]
    public string? Delivery { get; init; }

    /// <summary>Class hours (学时), 0.5–200.</summary>
    [Required]
    public decimal? Hours { get; init; }

    [MaxLength(2000)]
    public string? Description { get; init; }

    public bool? Mandatory { get; init; }

    /// <summary>Must be retaken every so many months (e.g. 24); none: once is enough.</summary>
    public int? RecurrenceMonths { get; init; }

    /// <summary>Workers may enrol themselves.</summary>
    public bool? OpenEnrolment { get; init; }

    /// <summary>Post types the course is for; empty: every post type.</summary>
    public IReadOnlyList<string>? AudiencePostTypes { get; init; }

    /// <summary>The org subtree the course is for; none: the whole city.</summary>
    public Guid? AudienceOrgUnitId { get; init; }

    public IReadOnlyList<CourseCompetency>? Competencies { get; init; }

    /// <summary>The version read (updates only; or If-Match).</summary>
    public int? Version { get; init; }

    /// <summary><c>active</c> or <c>retired</c> (updates only).</summary>
    [MaxLength(20)]
    public string? Status { get; init; }
}

public sealed record CourseResponse
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string Title { get; init; } = "";
    public string Category { get; init; } = "";
    public string Delivery { get; init; } = "";
    public decimal Hours { get; init; }
    public string? Description { get; init; }
    public bool Mandatory { get; init; }
    public int? RecurrenceMonths { get; init; }
    public bool OpenEnrolment { get; init; }
    public IReadOnlyList<string> AudiencePostTypes { get; init; } = [];
    public Guid? AudienceOrgUnitId { get; init; }
    public string Status { get; init; } = "";
    public int Version { get; init; }
    public IReadOnlyList<CourseCompetencyResponse> Competencies { get; init; } = [];
}

public sealed record CourseCompetencyResponse(string CompetencyCode, int TargetLevel);

public sealed record CourseListQuery
{
    [MaxLength(40)]
    public string? Category { get; init; }

    [MaxLength(20)]
    public string? Delivery { get; init; }

    public bool? Mandatory { get; init; }

    [MaxLength(40)]
    public string? CompetencyCode { get; init; }

    /// <summary><c>active</c> (default), <c>retired</c> or <c>all</c>.</summary>
    [MaxLength(20)]
    public string? Status { get; init; }
}

internal sealed class CourseRow
{
    public Guid Id { get; init; }
    public string Code { get; init; } = "";
    public string Title { get; init; } = "";
    public string Category { get; init; } = "";
    public string Delivery { get; init; } = "";
    public decimal Hours { get; init; }
    public string? Description { get; init; }
    public bool Mandatory { get; init; }
    public int? RecurrenceMonths { get; init; }
    public bool OpenEnrolment { get; init; }
    public string? AudiencePostTypes { get; init; }
    public Guid? AudienceOrgUnitId { get; init; }
    public string? AudienceOrgPath { get; init; }
    public string Status { get; init; } = "";
    public int Version { get; init; }

    public CourseResponse ToResponse(IEnumerable<CompetencyRow> competencies) => new()
    {
        Id = Id, Code = Code, Title = Title, Category = Category, Delivery = Delivery, Hours = Hours, Description = Description,
        Mandatory = Mandatory, RecurrenceMonths = RecurrenceMonths, OpenEnrolment = OpenEnrolment,
        AudiencePostTypes = CourseRules.SplitPostTypes(AudiencePostTypes), AudienceOrgUnitId = AudienceOrgUnitId,
        Status = Status, Version = Version,
        Competencies = competencies.Where(c => c.CourseId == Id).Select(c => new CourseCompetencyResponse(c.CompetencyCode, c.TargetLevel)).ToList(),
    };
}

internal sealed class CompetencyRow
{
    public Guid CourseId { get; init; }
    public string CompetencyCode { get; init; } = "";
    public int TargetLevel { get; init; }
}
