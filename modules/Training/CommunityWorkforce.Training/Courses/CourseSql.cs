namespace CommunityWorkforce.Training.Courses;

internal static class CourseSql
{
    private const string Columns = """
        c.id, c.code, c.title, c.category, c.delivery, c.hours, c.description, c.mandatory, c.recurrence_months AS RecurrenceMonths,
        c.open_enrolment AS OpenEnrolment, c.audience_post_types AS AudiencePostTypes, c.audience_org_unit_id AS AudienceOrgUnitId,
        c.audience_org_path AS AudienceOrgPath, c.status, c.version
        """;

    /// <summary>A course is visible when it is for the whole city, for a unit in the caller's subtree, or for a unit above the caller.</summary>
    private const string Visible = "(c.audience_org_path IS NULL OR {scope:c.audience_org_path} OR @MyPath LIKE c.audience_org_path {cat} '%')";

    private const string Filters = """
        AND (@Category IS NULL OR c.category = @Category)
        AND (@Delivery IS NULL OR c.delivery = @Delivery)
        AND (@Mandatory IS NULL OR c.mandatory = @Mandatory)
        AND (@Status IS NULL OR c.status = @Status)
        AND (@Q IS NULL OR c.title LIKE @Q ESCAPE '\' OR c.code LIKE @Q ESCAPE '\')
        AND (@CompetencyCode IS NULL OR EXISTS (SELECT 1 FROM training_course_competencies k WHERE k.course_id = c.id AND k.competency_code = @CompetencyCode))
        """;

    public const string List = "SELECT " + Columns + " FROM training_courses c WHERE " + Visible + Filters + " ORDER BY {orderBy} {page}";

    public const string Count = "SELECT COUNT(*) FROM training_courses c WHERE " + Visible + Filters;

    public const string Get = "SELECT " + Columns + " FROM training_courses c WHERE c.id = @Id AND " + Visible;

    public const string CompetenciesOf = """
        SELECT course_id AS CourseId, competency_code AS CompetencyCode, target_level AS TargetLevel
        FROM training_course_competencies WHERE course_id = @Id ORDER BY competency_code
        """;

    public const string CodeExists = "SELECT COUNT(*) FROM training_courses WHERE code = @Code AND id <> @Id";

    public const string Insert = """
        INSERT INTO training_courses (id, code, title, category, delivery, hours, description, mandatory, recurrence_months, open_enrolment,
            audience_post_types, audience_org_unit_id, audience_org_path, status, is_demo, version, created_at, updated_at)
        VALUES (@Id, @Code, @Title, @Category, @Delivery, @Hours, @Description, @Mandatory, @RecurrenceMonths, @OpenEnrolment,
            @AudiencePostTypes, @AudienceOrgUnitId, @AudienceOrgPath, 'active', @IsDemo, 1, @Now, @Now)
        """;

    public const string Update = """
        UPDATE training_courses SET code = @Code, title = @Title, category = @Category, delivery = @Delivery, hours = @Hours,
            description = @Description, mandatory = @Mandatory, recurrence_months = @RecurrenceMonths, open_enrolment = @OpenEnrolment,
            audience_post_types = @AudiencePostTypes, audience_org_unit_id = @AudienceOrgUnitId, audience_org_path = @AudienceOrgPath,
            status = @Status, version = version + 1, updated_at = @Now
        WHERE id = @Id AND version = @Version
        """;

    public const string DeleteCompetencies = "DELETE FROM training_course_competencies WHERE course_id = @Id";

    public const string InsertCompetency = """
        INSERT INTO training_course_competencies (course_id, competency_code, target_level) VALUES (@CourseId, @CompetencyCode, @TargetLevel)
        """;
}
