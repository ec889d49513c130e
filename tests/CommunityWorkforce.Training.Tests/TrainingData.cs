using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityWorkforce.TestKit;

namespace CommunityWorkforce.Training.Tests;

internal static class TrainingData
{
    private static int _next;

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    public static int Next() => Interlocked.Increment(ref _next);

    /// <summary>Active workers of the demo street that HR sees, excluding worker.demo (CW000001).</summary>
    public static async Task<List<Guid>> DemoWorkers(HttpClient hr, int count)
    {
        var ids = new List<Guid>();
        for (var page = 1; ids.Count < count; page++)
        {
            var list = await hr.GetJson($"/api/staffing/workers?pageSize=200&page={page}&sort=staffNo");
            var items = list.Items().ToList();
            if (items.Count == 0)
            {
                break;
            }
            ids.AddRange(items.Where(w => w.Str("status") == "active" && w.Str("staffNo") != "CW000001").Select(w => w.Id()));
        }
        Assert.That(ids, Has.Count.GreaterThanOrEqualTo(count), "enough demo workers");
        return ids.Take(count).ToList();
    }

    public static async Task<JsonElement> CreateCourse(HttpClient hr, bool open = true, decimal hours = 6, string category = "service-skills",
        bool mandatory = false, object[]? competencies = null) =>
        await hr.PostAsJsonAsync("/api/training/courses", new
        {
            code = $"T-{Next():D5}-{Guid.NewGuid():N}"[..20], title = "测试课程" + Next(), category, delivery = "classroom", hours, mandatory,
            openEnrolment = open, competencies = competencies ?? [],
        }).Ok(HttpStatusCode.Created);

    public static async Task<JsonElement> Schedule(HttpClient hr, Guid courseId, int capacity, int inDays = 10) =>
        await hr.PostAsJsonAsync("/api/training/sessions", new
        {
            courseId, startsAt = DateTimeOffset.UtcNow.AddDays(inDays), endsAt = DateTimeOffset.UtcNow.AddDays(inDays).AddHours(3),
            place = "街道党群服务中心", trainer = "王老师", capacity, enrolDeadline = Today.AddDays(Math.Max(inDays - 1, 0)).ToString("yyyy-MM-dd"),
        }).Ok(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> Enrol(HttpClient client, Guid sessionId, params Guid[] workerIds) =>
        client.PostAsJsonAsync($"/api/training/sessions/{sessionId}/enrollments", new { workerIds });
}
