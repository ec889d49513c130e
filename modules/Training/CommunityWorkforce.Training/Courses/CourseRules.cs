namespace CommunityWorkforce.Training.Courses;

/// <summary>Pure rules of the catalogue.</summary>
internal static class CourseRules
{
    /// <summary>Post types are stored as <c>,head,staff,</c> so that SQL can match one with LIKE; null means every post type.</summary>
    public static string? JoinPostTypes(IReadOnlyList<string>? postTypes) =>
        postTypes is null || postTypes.Count == 0 ? null : "," + string.Join(",", postTypes.Distinct().Order(StringComparer.Ordinal)) + ",";

    public static IReadOnlyList<string> SplitPostTypes(string? stored) =>
        string.IsNullOrEmpty(stored) ? [] : stored.Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether a course is meant for a worker of <paramref name="postType"/> at <paramref name="orgPath"/>.</summary>
    public static bool IsFor(string? audiencePostTypes, string? audienceOrgPath, string? postType, string orgPath) =>
        (string.IsNullOrEmpty(audiencePostTypes) || (postType is not null && audiencePostTypes.Contains("," + postType + ",", StringComparison.Ordinal)))
        && (audienceOrgPath is null || orgPath.StartsWith(audienceOrgPath, StringComparison.Ordinal));

    /// <summary>Until when a completion counts: a recurring course lapses after its recurrence; others never do.</summary>
    public static DateOnly? ValidUntil(DateOnly completedOn, int? recurrenceMonths) =>
        recurrenceMonths is null ? null : completedOn.AddMonths(recurrenceMonths.Value).AddDays(-1);

    public static void Validate(Validator validator, SaveCourseRequest request)
    {
        validator
            .Required("code", request.Code, 40)
            .Required("title", request.Title, 200)
            .Required("category", request.Category, 40).OneOf("category", request.Category, CourseCategories.All)
            .Required("delivery", request.Delivery, 20).OneOf("delivery", request.Delivery, Deliveries.All)
            .Required("hours", request.Hours)
            .Optional("description", request.Description, 2000)
            .Range("recurrenceMonths", request.RecurrenceMonths, 1, 120);
        if (request.Hours is { } hours && (hours < 0.5m || hours > 200m || decimal.Round(hours, 1) != hours))
        {
            validator.Add("hours", Text.Of("学时应在 0.5 到 200 之间，最多一位小数。", "Hours must be 0.5–200 with at most one decimal."));
        }
        foreach (var (postType, i) in (request.AudiencePostTypes ?? []).Select((p, i) => (p, i)))
        {
            validator.OneOf($"audiencePostTypes[{i}]", postType, Staffing.Contracts.PostTypes.All);
        }
        var competencies = request.Competencies ?? [];
        for (var i = 0; i < competencies.Count; i++)
        {
            validator.Required($"competencies[{i}].competencyCode", competencies[i].CompetencyCode, 40)
                .Required($"competencies[{i}].targetLevel", competencies[i].TargetLevel)
                .Range($"competencies[{i}].targetLevel", competencies[i].TargetLevel, 1, 5);
        }
        if (competencies.Select(c => c.CompetencyCode).Distinct().Count() != competencies.Count)
        {
            validator.Add("competencies", Text.Of("能力重复。", "A competency is listed twice."));
        }
    }
}
