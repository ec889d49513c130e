using CommunityWorkforce.Training.Certificates;
using CommunityWorkforce.Training.Compliance;
using CommunityWorkforce.Training.Sessions;

namespace CommunityWorkforce.Training.Track;

public static class RecommendationReasons
{
    /// <summary>Closes a competency gap (能力短板).</summary>
    public const string Gap = "gap";

    /// <summary>A mandatory course missing or lapsed.</summary>
    public const string Mandatory = "mandatory";

    /// <summary>Continuing education short of the 72/90-hour rule.</summary>
    public const string ContinuingEducation = "continuing-education";
}

public sealed record Recommendation
{
    public Guid CourseId { get; init; }
    public string CourseCode { get; init; } = "";
    public string CourseTitle { get; init; } = "";
    public string Category { get; init; } = "";
    public decimal Hours { get; init; }

    /// <summary><c>gap</c>, <c>mandatory</c> or <c>continuing-education</c>.</summary>
    public string Reason { get; init; } = "";

    /// <summary>Why, in words (the request's language).</summary>
    public string Why { get; init; } = "";

    public string? CompetencyCode { get; init; }
    public int? RequiredLevel { get; init; }
    public int? AssessedLevel { get; init; }
    public int? TargetLevel { get; init; }

    /// <summary>The next session the worker can attend, if one is scheduled.</summary>
    public Guid? NextSessionId { get; init; }
    public DateTimeOffset? NextSessionStartsAt { get; init; }
    public bool NextSessionOpenEnrolment { get; init; }
}

public sealed record TrainingTrackResponse
{
    public Guid WorkerId { get; init; }
    public string WorkerName { get; init; } = "";
    public string StaffNo { get; init; } = "";
    public string? PostType { get; init; }
    public WorkerComplianceResponse Compliance { get; init; } = new();
    public IReadOnlyList<EnrollmentResponse> Upcoming { get; init; } = [];
    public IReadOnlyList<EnrollmentResponse> Completed { get; init; } = [];
    public IReadOnlyList<CertificateResponse> Certificates { get; init; } = [];
    public IReadOnlyList<Recommendation> Recommendations { get; init; } = [];
}

internal sealed class CourseCandidate
{
    /// <summary>The competency it was found for (<see cref="TrackSql.ForGaps"/>).</summary>
    public string? CompetencyCode { get; init; }
    public Guid CourseId { get; init; }
    public string CourseCode { get; init; } = "";
    public string CourseTitle { get; init; } = "";
    public string Category { get; init; } = "";
    public decimal Hours { get; init; }
    public int TargetLevel { get; init; }
}

internal sealed class NextSessionRow
{
    public Guid Id { get; init; }
    public Guid CourseId { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public bool OpenEnrolment { get; init; }
}
