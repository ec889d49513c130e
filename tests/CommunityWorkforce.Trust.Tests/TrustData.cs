using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommunityWorkforce.Staffing.Workers;
using CommunityWorkforce.TestKit;
using MiniExcelLibs;

namespace CommunityWorkforce.Trust.Tests;

/// <summary>Unique, valid test data and the HTTP calls that create it.</summary>
internal static class TrustData
{
    public const string LinfenCode = "310106021";
    public const string NanjingCode = "310106012";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static int Next() => Roster.Next();

    public static string NewIdNumber() => Roster.NewIdNumber();

    public static string UniqueName(string prefix = "信任") => Roster.UniqueName(prefix);

    public static Dictionary<string, object?> WorkerBody(Guid orgUnitId, string? idNumber = null) => Roster.WorkerBody(orgUnitId, idNumber, "信任");

    public static Task<JsonElement> CreateWorker(HttpClient client, Guid orgUnitId, string? idNumber = null) =>
        Roster.CreateWorker(client, WorkerBody(orgUnitId, idNumber));

    public static Task<JsonElement> CreatePost(HttpClient client, Guid orgUnitId, int quota) =>
        Roster.CreatePost(client, orgUnitId, quota, title: Roster.UniqueTitle("信任岗位"));

    public static Task<JsonElement> CreateCampaign(HttpClient client, Guid frameworkId, Guid orgUnitId) =>
        client.PostAsJsonAsync("/api/competency/campaigns", new
        {
            name = "信任测试测评", frameworkId, orgUnitId, postTypes = new[] { "staff" }, periodStart = "2024-01-01", periodEnd = "2024-12-31",
            deadline = "2025-01-31",
        }).Created("create campaign");

    public static Task<JsonElement> CreatePosting(HttpClient client, Guid workerId, Guid postId) => Roster.CreatePosting(client, workerId, postId);

    public static Task<JsonElement> CreateRotation(HttpClient client, Guid workerId, Guid fromPostingId, Guid toPostId) =>
        client.PostAsJsonAsync("/api/staffing/rotation-requests",
            new { workerId, fromPostingId, toPostId, reason = "轮岗交流", proposedOn = "2024-06-01", submit = true }).Created("create rotation request");

    /// <summary>Creates an account as admin; returns its id and a client signed in with the temporary password.</summary>
    public static Task<(Guid Id, HttpClient Client)> NewAccount(CwHost host, HttpClient admin, string role, Guid orgUnitId, Guid? workerId = null) =>
        Roster.NewAccount(host, admin, role, orgUnitId, workerId);

    /// <summary>One roster row with the Chinese headers of the import sheet.</summary>
    public static Dictionary<string, object?> SheetRow(string idNumber, string unitCode) => new()
    {
        ["工号"] = null, ["姓名"] = UniqueName("导入"), ["身份证号"] = idNumber, ["民族"] = "01", ["政治面貌"] = "13",
        ["学历"] = "21", ["手机号"] = null, ["入职日期"] = "2020-03-01", ["社区工作起始日期"] = "2019-03-01",
        ["所属单位编码"] = unitCode, ["岗位名称"] = null, ["任职开始日期"] = null,
    };

    public static byte[] Sheet(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var buffer = new MemoryStream();
        MiniExcel.SaveAs(buffer, rows.ToList());
        return buffer.ToArray();
    }

    public static MultipartFormDataContent Upload(byte[] content, string fileName = "roster.xlsx", string contentType = XlsxType)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return form;
    }

    /// <summary>A street community code under <paramref name="streetCode"/>, unique in this process.</summary>
    public static string CommunityCode(string streetCode) => streetCode + (900 + Next() % 99).ToString("D3", CultureInfo.InvariantCulture);
}

/// <summary>
/// One host with the demo street (临汾路) plus data created in the other street (南京西路): a community, two posts, a
/// worker holding a posting in the first, a submitted rotation request into the second, and hr, leader and worker
/// accounts there. Gives "another street's" id of every kind.
/// </summary>
internal sealed class TrustWorld : IDisposable
{
    private TrustWorld(CwHost host) => Host = host;

    public CwHost Host { get; }
    public HttpClient Admin { get; private set; } = null!;
    public HttpClient Hr { get; private set; } = null!;
    public HttpClient Leader { get; private set; } = null!;
    public HttpClient Worker { get; private set; } = null!;
    public HttpClient OtherHr { get; private set; } = null!;
    public HttpClient OtherLeader { get; private set; } = null!;
    public HttpClient OtherWorker { get; private set; } = null!;

    public Guid LinfenStreet { get; private set; }
    public Guid NanjingStreet { get; private set; }
    public Guid OtherCommunity { get; private set; }
    public string OtherCommunityCode { get; private set; } = "";
    public Guid OtherPostA { get; private set; }
    public Guid OtherPostB { get; private set; }
    public Guid OtherWorkerId { get; private set; }
    public Guid OtherPostingId { get; private set; }
    public Guid OtherRotationId { get; private set; }
    public Guid OtherHrAccountId { get; private set; }
    public Guid DemoWorkerId { get; private set; }

    /// <summary>A competency campaign for the other street's community, its worker's assessment and 全岗通 certification.</summary>
    public Guid OtherCampaignId { get; private set; }
    public Guid OtherAssessmentId { get; private set; }
    public Guid OtherCertificationId { get; private set; }

    /// <summary>Training of 南京西路: a course for that street only, a session there, the other worker's enrolment and certificate.</summary>
    public Guid OtherCourseId { get; private set; }
    public Guid OtherSessionId { get; private set; }
    public Guid OtherEnrollmentId { get; private set; }
    public Guid OtherCertificateId { get; private set; }

    /// <summary>A 临汾路 colleague's (not worker.demo's) training enrolment and certificate.</summary>
    public Guid SameStreetEnrollmentId { get; private set; }
    public Guid SameStreetCertificateId { get; private set; }

    /// <summary>The competency assessment of another 临汾路 worker (not worker.demo).</summary>
    public Guid SameStreetAssessmentId { get; private set; }

    /// <summary>A demo worker of 临汾路 other than worker.demo's own record.</summary>
    public Guid SameStreetWorkerId { get; private set; }

    /// <summary>汾西路居委会 (310106021001), worker.demo's community.</summary>
    public Guid LinfenCommunity { get; private set; }

    /// <summary>A submitted rotation request of another 临汾路 worker (not worker.demo).</summary>
    public Guid SameStreetRotationId { get; private set; }

    /// <summary>南京西路's appraisal objects: a template, a cycle collecting inputs, its participant, a rectification case.</summary>
    public Guid OtherTemplateId { get; private set; }
    public Guid OtherCycleId { get; private set; }
    public Guid OtherParticipantId { get; private set; }
    public Guid OtherRectificationId { get; private set; }

    /// <summary>CareerPath: a progression run previewed for 南京西路 and a promotion application of its worker.</summary>
    public Guid OtherProgressionRunId { get; private set; }
    public Guid OtherApplicationId { get; private set; }

    /// <summary>南京西路's reserve-pool member (accepted) and an item of their development plan.</summary>
    public Guid OtherReserveMemberId { get; private set; }
    public Guid OtherReservePlanItemId { get; private set; }

    /// <summary>A promotion application of a 临汾路 colleague (not worker.demo).</summary>
    public Guid SameStreetApplicationId { get; private set; }

    /// <summary>Another 临汾路 worker's published appraisal (demo data), which worker.demo may not read.</summary>
    public Guid SameStreetParticipantId { get; private set; }

    public static async Task<TrustWorld> CreateAsync(IDictionary<string, string?>? settings = null)
    {
        var world = new TrustWorld(new CwHost(settings));
        try
        {
            await world.BuildAsync();
        }
        catch
        {
            world.Dispose();
            throw;
        }
        return world;
    }

    private async Task BuildAsync()
    {
        Admin = await Host.ClientFor("admin");
        Hr = await Host.ClientFor("hr.linfen");
        Leader = await Host.ClientFor("leader.linfen");
        Worker = await Host.ClientFor("worker.demo");
        LinfenStreet = await OrgTree.IdByCode(Admin, TrustData.LinfenCode);
        NanjingStreet = await OrgTree.IdByCode(Admin, TrustData.NanjingCode);

        OtherCommunityCode = TrustData.CommunityCode(TrustData.NanjingCode);
        OtherCommunity = (await Admin.PostAsJsonAsync("/api/staffing/org-units",
            new { parentId = NanjingStreet, code = OtherCommunityCode, name = "信任测试居委会", level = "community" }).Created("create community")).Id();
        OtherPostA = (await TrustData.CreatePost(Admin, OtherCommunity, 5)).Id();
        OtherPostB = (await TrustData.CreatePost(Admin, OtherCommunity, 5)).Id();
        OtherWorkerId = (await TrustData.CreateWorker(Admin, OtherCommunity)).Id();
        OtherPostingId = (await TrustData.CreatePosting(Admin, OtherWorkerId, OtherPostA)).Id();
        OtherRotationId = (await TrustData.CreateRotation(Admin, OtherWorkerId, OtherPostingId, OtherPostB)).Id();
        (OtherHrAccountId, OtherHr) = await TrustData.NewAccount(Host, Admin, "hr", NanjingStreet);
        (_, OtherLeader) = await TrustData.NewAccount(Host, Admin, "leader", NanjingStreet);
        (_, OtherWorker) = await TrustData.NewAccount(Host, Admin, "worker", OtherCommunity, OtherWorkerId);

        var me = await Worker.GetJson("/api/me");
        DemoWorkerId = me.GetProperty("workerId").GetGuid();
        var roster = await Hr.GetJson("/api/staffing/workers?pageSize=5");
        LinfenCommunity = await OrgTree.IdByCode(Hr, TrustData.LinfenCode + "001");
        var colleague = (await TrustData.CreateWorker(Hr, LinfenCommunity)).Id();
        var from = (await TrustData.CreatePost(Hr, LinfenCommunity, 1)).Id();
        var to = (await TrustData.CreatePost(Hr, LinfenCommunity, 1)).Id();
        var posting = (await TrustData.CreatePosting(Hr, colleague, from)).Id();
        SameStreetRotationId = (await TrustData.CreateRotation(Hr, colleague, posting, to)).Id();
        SameStreetWorkerId = roster.GetProperty("items").EnumerateArray().Select(w => w.Id()).First(id => id != DemoWorkerId);

        var framework = (await Admin.GetJson("/api/competency/frameworks?code=community-worker&status=published"))
            .GetProperty("items").EnumerateArray().Single().Id();
        OtherCampaignId = (await TrustData.CreateCampaign(Admin, framework, OtherCommunity)).Id();
        OtherAssessmentId = (await Admin.GetJson($"/api/competency/assessments?campaignId={OtherCampaignId}&workerId={OtherWorkerId}"))
            .GetProperty("items").EnumerateArray().Single().Id();
        var line = (await Admin.GetJson("/api/competency/service-lines")).EnumerateArray().First().Id();
        OtherCertificationId = (await Admin.PostAsJsonAsync("/api/competency/certifications", new
        {
            workerId = OtherWorkerId, lineId = line, score = 80, passMark = 60, certifiedOn = "2024-06-01", validMonths = 24,
        }).Created("create certification")).Id();
        var ownCampaign = (await TrustData.CreateCampaign(Hr, framework, LinfenCommunity)).Id();
        SameStreetAssessmentId = (await Hr.GetJson($"/api/competency/assessments?campaignId={ownCampaign}&workerId={colleague}"))
            .GetProperty("items").EnumerateArray().Single().Id();
        await BuildTrainingAsync(colleague);
        await BuildAppraisalsAsync();
        await BuildCareerAsync(colleague);
    }

    private async Task BuildCareerAsync(Guid colleague)
    {
        foreach (var (client, worker) in new[] { (Admin, OtherWorkerId), (Hr, colleague) })
        {
            await client.PostAsJsonAsync($"/api/career/workers/{worker}/grades", new { postType = "staff", level = 3, fromDate = "2020-01-01", reasonCode = "initial" })
                .Created("record grade");
        }
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");
        OtherApplicationId = (await Admin.PostAsJsonAsync("/api/career/applications", new
        {
            workerId = OtherWorkerId, kind = "promotion", toPostType = "staff", toLevel = 4, effectiveOn = today, reason = "信任测试",
        }).Created("file application")).Id();
        SameStreetApplicationId = (await Hr.PostAsJsonAsync("/api/career/applications", new
        {
            workerId = colleague, kind = "promotion", toPostType = "staff", toLevel = 4, effectiveOn = today, reason = "信任测试",
        }).Created("file application")).Id();
        OtherProgressionRunId = (await Admin.PostAsJsonAsync("/api/career/progression-runs", new { orgUnitId = NanjingStreet, asOf = today })
            .Created("preview progression run")).Id();
        var nominated = await Admin.PostAsJsonAsync("/api/career/reserve-nominations", new { workerId = OtherWorkerId, targetStage = "deputy", reason = "信任测试" })
            .Created("nominate reserve");
        OtherReserveMemberId = nominated.GetProperty("member").GetProperty("memberId").GetGuid();
        var accepted = await Admin.PostAsJsonAsync($"/api/career/reserve-members/{OtherReserveMemberId}/decision", new { accept = true, version = 1 });
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK), await accepted.Content.ReadAsStringAsync());
        OtherReservePlanItemId = (await Admin.PostAsJsonAsync($"/api/career/reserve-members/{OtherReserveMemberId}/plan-items", new
        {
            kind = "rotation", postId = OtherPostB, dueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(3)).ToString("yyyy-MM-dd"),
        }).Created("add reserve plan item")).Id();
    }

    private async Task BuildAppraisalsAsync()
    {
        OtherTemplateId = (await Admin.PostAsJsonAsync("/api/performance/templates", new
        {
            orgUnitId = OtherCommunity, postType = "staff", name = "信任测试模板", departmentShare = 0,
            indicators = new object[]
            {
                new { code = "street", kind = "street", name = "德能勤绩廉", weight = 30 },
                new { code = "peer", kind = "peer", name = "互评", weight = 10 },
                new { code = "resident", kind = "resident", name = "居民满意度", weight = 60 },
            },
        }).Created("create template")).Id();
        var cycle = await Admin.PostAsJsonAsync("/api/performance/cycles", new
        {
            name = "信任测试考核", kind = "quarterly", year = 2026, quarter = 3, orgUnitId = OtherCommunity,
            entryDeadline = "2026-10-20", calibrationDeadline = "2026-10-30",
        }).Created("create cycle");
        OtherCycleId = cycle.Id();
        var started = await Admin.PostAsJsonAsync($"/api/performance/cycles/{OtherCycleId}/advance", new { version = 1 });
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.OK), await started.Content.ReadAsStringAsync());
        OtherParticipantId = (await Admin.GetJson($"/api/performance/cycles/{OtherCycleId}/participants")).GetProperty("items")[0].Id();
        var otherStaffNo = (await Admin.GetJson($"/api/staffing/workers/{OtherWorkerId}")).GetProperty("staffNo").GetString();
        var ingested = await Admin.PostAsJsonAsync("/api/performance/ratings/batch", new
        {
            ratings = new[] { new { id = "TRUST-" + Guid.NewGuid().ToString("N"), staffNo = otherStaffNo, serviceItem = "居住证办理", level = 1, ratedAt = "2026-11-02T10:00:00+08:00" } },
        });
        var report = JsonDocument.Parse(await ingested.Content.ReadAsStringAsync()).RootElement;
        OtherRectificationId = report.GetProperty("lines")[0].GetProperty("rectificationId").GetGuid();
        var published = (await Hr.GetJson("/api/performance/cycles?status=published")).GetProperty("items")[0].Id();
        SameStreetParticipantId = (await Hr.GetJson($"/api/performance/cycles/{published}/participants?pageSize=200")).GetProperty("items")
            .EnumerateArray().First(p => p.GetProperty("workerId").GetGuid() != DemoWorkerId).Id();

    }

    private async Task BuildTrainingAsync(Guid colleague)
    {
        OtherCourseId = (await Admin.PostAsJsonAsync("/api/training/courses", new
        {
            code = "TRUST-NJ-01", title = "信任测试课程", category = "policy", delivery = "classroom", hours = 2, openEnrolment = true,
            audienceOrgUnitId = NanjingStreet,
        }).Created("create course")).Id();
        var sessionDay = DateTimeOffset.UtcNow.AddDays(20);
        OtherSessionId = (await Admin.PostAsJsonAsync("/api/training/sessions", new
        {
            courseId = OtherCourseId, orgUnitId = NanjingStreet, startsAt = sessionDay, endsAt = sessionDay.AddHours(3), place = "南京西路", trainer = "信任",
            capacity = 10, enrolDeadline = DateOnly.FromDateTime(sessionDay.UtcDateTime).AddDays(-2).ToString("yyyy-MM-dd"),
        }).Created("create session")).Id();
        OtherEnrollmentId = await EnrollmentOf(Admin, OtherSessionId, OtherWorkerId);
        OtherCertificateId = (await Admin.PostAsJsonAsync("/api/training/certificates", new
        {
            workerId = OtherWorkerId, kind = "other", name = "红十字救护员证", number = "TRUST-FA-NJ", issuedOn = "2024-06-01",
        }).Created("create certificate")).Id();
        var linfenSession = (await Hr.GetJson("/api/training/sessions?upcoming=true&pageSize=1")).GetProperty("items").EnumerateArray().First().Id();
        SameStreetEnrollmentId = await EnrollmentOf(Hr, linfenSession, colleague);
        SameStreetCertificateId = (await Hr.PostAsJsonAsync("/api/training/certificates", new
        {
            workerId = colleague, kind = "other", name = "红十字救护员证", number = "TRUST-FA-LF", issuedOn = "2024-06-01",
        }).Created("create certificate")).Id();
    }

    private static async Task<Guid> EnrollmentOf(HttpClient client, Guid sessionId, Guid workerId)
    {
        var response = await client.PostAsJsonAsync($"/api/training/sessions/{sessionId}/enrollments", new { workerIds = new[] { workerId } });
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), body);
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("results")[0].GetProperty("enrollmentId").GetGuid();
    }

    public HttpClient Client(string role) => role switch
    {
        "admin" => Admin,
        "hr" => Hr,
        "leader" => Leader,
        "worker" => Worker,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public void Dispose()
    {
        foreach (var client in new[] { Admin, Hr, Leader, Worker, OtherHr, OtherLeader, OtherWorker })
        {
            client?.Dispose();
        }
        Host.Dispose();
    }
}
