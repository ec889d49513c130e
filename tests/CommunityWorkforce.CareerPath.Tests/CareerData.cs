using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityWorkforce.TestKit;
using Dapper;

namespace CommunityWorkforce.CareerPath.Tests;

internal static class CareerData
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    /// <summary>Active demo workers (not worker.demo) whose published annual grade of <paramref name="year"/> is <paramref name="grade"/>, with no grade history yet.</summary>
    public static async Task<List<(Guid WorkerId, Guid OrgUnitId)>> WorkersGraded(CwHost host, int year, string grade, int count)
    {
        await using var connection = Db.Open(host);
        var rows = await connection.QueryAsync<(string, string)>("""
            SELECT p.worker_id, p.org_unit_id FROM performance_v_results r JOIN staffing_v_worker_profile p ON p.worker_id = r.worker_id
            WHERE r.kind = 'annual' AND r.year = @Year AND r.grade = @Grade AND p.status = 'active' AND p.staff_no <> 'CW000001'
              AND NOT EXISTS (SELECT 1 FROM career_grade_history h WHERE h.worker_id = p.worker_id AND h.created_by <> 'demo')
              AND NOT EXISTS (SELECT 1 FROM career_applications a WHERE a.worker_id = p.worker_id)
            ORDER BY p.staff_no DESC
            """, new { Year = year, Grade = grade });
        var list = rows.Select(r => (Guid.Parse(r.Item1), Guid.Parse(r.Item2))).ToList();
        Assert.That(list, Has.Count.GreaterThanOrEqualTo(count), $"enough demo workers graded {grade} in {year}");
        return list.Take(count).ToList();
    }

    public static Task<JsonElement> RecordGrade(this HttpClient hr, Guid workerId, string postType, int? level, DateOnly fromDate) =>
        hr.PostAsJsonAsync($"/api/career/workers/{workerId}/grades", new { postType, level, fromDate, reasonCode = "initial" }).Ok(HttpStatusCode.Created);
}
