using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommunityWorkforce.TestKit;

namespace CommunityWorkforce.Trust.Tests;

/// <summary>
/// The authorisation matrix, enumerated from the live OpenAPI document so that a new endpoint cannot escape it:
/// anonymous → 401, a role outside the declared ones → 403, another street's ids → 404, another worker's data → 404.
/// </summary>
[TestFixture]
public sealed class AuthorizationMatrixTests
{
    private static readonly string[] ScopedRoles = ["hr", "leader", "worker"];

    /// <summary>The only operations anyone may call without signing in.</summary>
    private static readonly string[] AnonymousAllowList = ["SignIn", "RefreshToken", "SignOut", "Live", "Ready"];

    /// <summary>
    /// operationId → a body that would be valid for that operation, so that the handler reaches the id lookup
    /// (handlers validate the body first). Every write operation taking an {id} must be listed here.
    /// </summary>
    private static readonly Dictionary<string, Func<BodyContext, object>> ValidBodies = new()
    {
        ["UpdateOrgUnit"] = _ => new { name = "信任测试改名", version = 1 },
        ["MoveOrgUnit"] = c => new { newParentId = c.OwnStreet, version = 1 },
        ["CloseOrgUnit"] = _ => new { closedOn = "2024-06-01", reason = "撤并", version = 1 },
        ["UpdatePost"] = _ => new { title = "信任测试岗位改名", quota = 6, reason = "调整编制", version = 1 },
        ["ClosePost"] = _ => new { version = 1 },
        ["EndPosting"] = _ => new { endedOn = "2024-06-01", endReason = "rotation", version = 1 },
        ["UpdateWorker"] = _ => new
        {
            name = "信任改名", ethnicGroup = "01", politicalStatus = "13", education = "21",
            hireDate = "2020-01-01", serviceStartDate = "2019-01-01", version = 1,
        },
        ["ChangeWorkerStatus"] = _ => new { status = "on_leave", effectiveOn = "2024-06-01", version = 1 },
        ["RevealWorkerIdNumber"] = _ => new { reason = "核对身份信息" },
        ["SubmitRotationRequest"] = _ => new { version = 1 },
        ["WithdrawRotationRequest"] = _ => new { version = 1 },
        ["ApproveRotationRequest"] = _ => new { comment = "同意", version = 1 },
        ["RejectRotationRequest"] = _ => new { comment = "不同意", version = 1 },
        ["DisableAccount"] = _ => new { version = 1 },
        ["EnableAccount"] = _ => new { version = 1 },
        ["ResetAccountPassword"] = _ => new { version = 1 },
        ["SaveCompetencyFrameworkDraft"] = _ => new { nameZh = "信任测试框架", nameEn = "Trust", version = 1, dimensions = Array.Empty<object>() },
        ["NewCompetencyFrameworkDraft"] = _ => new { },
        ["PublishCompetencyFramework"] = _ => new { version = 1 },
        ["RetireCompetencyFramework"] = _ => new { version = 1 },
        ["UpdateCompetencyProfile"] = _ => new { frameworkId = Guid.NewGuid(), name = "信任", postType = "staff", levelFrom = 1, levelTo = 12, version = 1 },
        ["CloseCompetencyCampaign"] = _ => new { version = 1 },
        ["SubmitSelfAssessment"] = _ => new { version = 1, scores = Array.Empty<object>() },
        ["SubmitSupervisorAssessment"] = _ => new { version = 1, scores = Array.Empty<object>() },
        ["FinaliseCompetencyAssessment"] = _ => new { version = 1 },
        ["UpdateTrainingCourse"] = _ => new { code = "TRUST-UPD", title = "信任测试", category = "policy", delivery = "classroom", hours = 2, version = 1 },
        ["EnrolInTrainingSession"] = _ => new { workerIds = new[] { Guid.NewGuid() } },
        ["CancelTrainingEnrollment"] = _ => new { },
        ["TakeTrainingAttendance"] = _ => new { entries = new[] { new { workerId = Guid.NewGuid(), attended = true } } },
        ["CompleteTraining"] = _ => new { entries = new[] { new { workerId = Guid.NewGuid() } } },
        ["GiveTrainingFeedback"] = _ => new { rating = 5 },
        ["UpdateCertification"] = _ => new
        {
            workerId = Guid.NewGuid(), lineId = Guid.NewGuid(), score = 80, passMark = 60, certifiedOn = "2024-06-01", validMonths = 12, version = 1,
        },
        ["UpdateAppraisalTemplate"] = _ => new
        {
            postType = "staff", name = "信任测试模板改名", departmentShare = 0, version = 1,
            indicators = new object[] { new { code = "street", kind = "street", name = "德能勤绩廉", weight = 100 } },
        },
        ["AdvanceAppraisalCycle"] = _ => new { version = 1 },
        ["ScoreAppraisalCycle"] = _ => new { },
        ["PublishAppraisalCycle"] = _ => new { version = 1 },
        ["PutDepartmentScore"] = c => new { orgUnitId = c.OwnStreet, ownScore = 90 },
        ["AllocateIncentivePool"] = c => new { orgUnitId = c.OwnStreet, poolFen = 100000 },
        ["ExportIncentiveAllocation"] = c => new { orgUnitId = c.OwnStreet, poolFen = 100000 },
        ["EnterAssessment"] = _ => new { streetScore = 90, peerScore = 90, version = 1 },
        ["CalibrateGrade"] = _ => new { grade = "competent", reason = "信任测试", version = 1 },
        ["FileAppeal"] = _ => new { reason = "信任测试申诉" },
        ["ResolveAppeal"] = _ => new { outcome = "rejected", reason = "信任测试", version = 1 },
        ["UpdateRectification"] = _ => new { returnVisit = "信任测试", version = 1 },
        ["RecordCareerGrade"] = _ => new { postType = "staff", level = 3, fromDate = "2024-01-01", reasonCode = "correction" },
        ["ApplyProgressionRun"] = _ => new { version = 1 },
        ["ReviewCareerApplication"] = _ => new { forward = true, version = 1 },
        ["DecideCareerApplication"] = _ => new { approve = true, version = 1 },
        ["DecideReserveNomination"] = _ => new { accept = true, version = 1 },
        ["ExtendReserveTerm"] = _ => new { termEnd = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(11)), reason = "信任测试", version = 1 },
        ["RecordReserveReview"] = _ => new { outcome = "ready", nextReviewOn = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(3)), version = 1 },
        ["EndReserveMembership"] = _ => new { reason = "信任测试", version = 1 },
        ["AddReservePlanItem"] = _ => new { kind = "rotation", postId = Guid.NewGuid(), dueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(3)) },
        ["UpdateReservePlanItem"] = _ => new { status = "done", dueOn = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(3)), version = 1 },
    };

    /// <summary>
    /// City-wide reference data (competency frameworks and requirement profiles): one set for every street, so an id
    /// of "another street" does not exist; who may read and write them is the role matrix above.
    /// </summary>
    private static readonly string[] CityWideKinds = ["frameworks", "profiles"];

    private TrustWorld _world = null!;
    private List<Operation> _operations = null!;

    private sealed record BodyContext(Guid OwnStreet);

    [OneTimeSetUp]
    public async Task Start()
    {
        _world = await TrustWorld.CreateAsync();
        (_, _operations) = await OpenApiOperations.LoadAsync(_world.Host);
    }

    [OneTimeTearDown]
    public void Stop() => _world.Dispose();

    private static string RandomPath(Operation op) => op.PathWith(Guid.NewGuid());

    private static async Task<HttpResponseMessage> Send(HttpClient client, Operation op, string path, object? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(op.Method), path);
        if (op.BodyContentType == "multipart/form-data")
        {
            // The operation's own media type, so that the request reaches it (routing selects by content type).
            request.Content = new MultipartFormDataContent { { new StringContent("{}"), "note" } };
        }
        else if (op.BodyContentType is not null || op.IsWrite)
        {
            request.Content = body is null
                ? new StringContent("{}", Encoding.UTF8, "application/json")
                : JsonContent.Create(body);
        }
        return await client.SendAsync(request);
    }

    private static async Task<string?> Expect(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
        {
            return $"{what}: expected {(int)expected}, got {(int)response.StatusCode} {Truncate(body)}";
        }
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{what}: {(int)expected} without application/problem+json (got '{response.Content.Headers.ContentType?.MediaType}')";
        }
        return null;
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "…" : text;

    [Test]
    public void Every_operation_declares_its_roles_and_only_the_allow_list_is_anonymous()
    {
        var undeclared = _operations.Where(o => o.Roles is null || o.Roles.Count == 0).Select(o => o.Name).ToList();
        Assert.That(undeclared, Is.Empty, "operations without x-cw-roles");

        var anonymous = _operations.Where(o => o.IsAnonymous).Select(o => o.OperationId).Order().ToList();
        Assert.That(anonymous, Is.EqualTo(AnonymousAllowList.Order().ToList()),
            "the x-cw-roles: [\"anonymous\"] operations differ from the allow-list written in this test");

        var unknownRoles = _operations.Where(o => o.Roles is not null)
            .SelectMany(o => o.Roles!.Where(r => r != "anonymous" && !CommunityWorkforce.BuildingBlocks.Security.Roles.IsKnown(r)).Select(r => $"{o.Name}: {r}"))
            .ToList();
        Assert.That(unknownRoles, Is.Empty, "unknown roles in x-cw-roles");
        Assert.That(_operations, Has.Count.GreaterThan(40), "the document lists the API's operations");
        TestContext.Out.WriteLine($"authorisation matrix: {_operations.Count} operations × {CommunityWorkforce.BuildingBlocks.Security.Roles.All.Count + 1} callers (anonymous + 4 roles) = {_operations.Count * (CommunityWorkforce.BuildingBlocks.Security.Roles.All.Count + 1)} cells");
    }

    [Test]
    public async Task Anonymous_caller_is_refused_401_on_every_protected_operation()
    {
        using var anonymous = _world.Host.CreateClient();
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var op in _operations.Where(o => !o.IsAnonymous))
        {
            checkedCount++;
            if (await Expect(await Send(anonymous, op, RandomPath(op), null), HttpStatusCode.Unauthorized, $"anonymous {op.Name}") is { } failure)
            {
                failures.Add(failure);
            }
        }
        await TestContext.Out.WriteLineAsync($"anonymous matrix: {checkedCount} operations × 1 caller checked");
        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures));
    }

    [Test]
    public async Task Role_outside_the_declared_roles_is_refused_403_on_every_operation()
    {
        var failures = new List<string>();
        var checkedCount = 0;
        var protectedOps = _operations.Where(o => !o.IsAnonymous && o.Roles is not null).ToList();
        foreach (var op in protectedOps)
        {
            foreach (var role in CommunityWorkforce.BuildingBlocks.Security.Roles.All.Where(r => !op.Roles!.Contains(r)))
            {
                checkedCount++;
                if (await Expect(await Send(_world.Client(role), op, RandomPath(op), null), HttpStatusCode.Forbidden, $"{role} {op.Name}") is { } failure)
                {
                    failures.Add(failure);
                }
            }
        }
        await TestContext.Out.WriteLineAsync(
            $"role matrix: {protectedOps.Count} operations × {CommunityWorkforce.BuildingBlocks.Security.Roles.All.Count} roles; {checkedCount} forbidden combinations checked");
        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures));
    }

    [Test]
    public void Every_write_operation_taking_an_id_has_a_valid_example_body_in_the_matrix()
    {
        var missing = _operations.Where(o => o.HasId && o.IsWrite && !ValidBodies.ContainsKey(o.OperationId))
            .Select(o => $"add a valid example body for {o.OperationId} to the matrix ({o.Method} {o.Path})").ToList();
        Assert.That(missing, Is.Empty, string.Join(Environment.NewLine, missing));
        var stale = ValidBodies.Keys.Where(k => !_operations.Any(o => o.OperationId == k)).ToList();
        Assert.That(stale, Is.Empty, "example bodies for operations that no longer exist");
    }

    /// <summary>Ids of 南京西路 (another street than the demo accounts' 临汾路), by the resource the path names.</summary>
    private Guid OtherStreetId(Operation op) => op.IdKind switch
    {
        "org-units" => _world.OtherCommunity,
        "workers" => _world.OtherWorkerId,
        "posts" => _world.OtherPostA,
        "postings" => _world.OtherPostingId,
        "rotation-requests" => _world.OtherRotationId,
        "accounts" => _world.OtherHrAccountId,
        "campaigns" => _world.OtherCampaignId,
        "assessments" => _world.OtherAssessmentId,
        "certifications" => _world.OtherCertificationId,
        "templates" => _world.OtherTemplateId,
        "cycles" => _world.OtherCycleId,
        "participants" => _world.OtherParticipantId,
        "rectifications" => _world.OtherRectificationId,
        "courses" => _world.OtherCourseId,
        "sessions" => _world.OtherSessionId,
        "enrollments" => _world.OtherEnrollmentId,
        "certificates" => _world.OtherCertificateId,
        "progression-runs" => _world.OtherProgressionRunId,
        "applications" => _world.OtherApplicationId,
        "reserve-members" => _world.OtherReserveMemberId,
        "reserve-plan-items" => _world.OtherReservePlanItemId,
        _ => Guid.Empty,
    };

    [Test]
    public async Task Id_from_another_street_is_404_for_every_scoped_role_allowed_to_call()
    {
        var failures = new List<string>();
        var checkedCount = 0;
        var ops = _operations.Where(o => o.HasId && o.Roles is not null).ToList();
        foreach (var op in ops)
        {
            var roles = ScopedRoles.Where(r => op.Roles!.Contains(r)).ToList();
            if (roles.Count == 0 || CityWideKinds.Contains(op.IdKind))
            {
                continue;
            }
            var id = OtherStreetId(op);
            if (id == Guid.Empty)
            {
                failures.Add($"{op.Name}: no id of another street for '{op.IdKind}'; add one to {nameof(OtherStreetId)}");
                continue;
            }
            if (op.IsWrite && !ValidBodies.ContainsKey(op.OperationId))
            {
                failures.Add($"add a valid example body for {op.OperationId} to the matrix");
                continue;
            }
            foreach (var role in roles)
            {
                checkedCount++;
                var body = op.IsWrite ? ValidBodies[op.OperationId](new BodyContext(_world.LinfenStreet)) : null;
                if (await Expect(await Send(_world.Client(role), op, op.PathWith(id), body), HttpStatusCode.NotFound,
                        $"{role} of 临汾路 on 南京西路's {op.IdKind} id: {op.Name}") is { } failure)
                {
                    failures.Add(failure);
                }
            }
        }
        await TestContext.Out.WriteLineAsync($"scope matrix: {ops.Count} id-taking operations; {checkedCount} (operation, role) pairs checked with another street's id");
        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures));
        Assert.That(checkedCount, Is.GreaterThan(10));
    }

    [Test]
    public async Task Worker_reading_or_changing_another_workers_data_gets_404()
    {
        var failures = new List<string>();
        var checkedCount = 0;
        var ids = new Dictionary<string, Guid[]>
        {
            ["workers"] = [_world.SameStreetWorkerId, _world.OtherWorkerId],
            ["rotation-requests"] = [_world.SameStreetRotationId, _world.OtherRotationId],
            ["org-units"] = [_world.LinfenCommunity, _world.OtherCommunity],
            ["posts"] = [_world.OtherPostA],
            ["postings"] = [_world.OtherPostingId],
            ["assessments"] = [_world.SameStreetAssessmentId, _world.OtherAssessmentId],
            ["participants"] = [_world.SameStreetParticipantId, _world.OtherParticipantId],
            ["courses"] = [_world.OtherCourseId],
            ["sessions"] = [_world.OtherSessionId],
            ["enrollments"] = [_world.SameStreetEnrollmentId, _world.OtherEnrollmentId],
            ["certificates"] = [_world.SameStreetCertificateId, _world.OtherCertificateId],
            ["applications"] = [_world.SameStreetApplicationId, _world.OtherApplicationId],
        };
        foreach (var op in _operations.Where(o => o.HasId && o.Roles is not null && o.Roles.Contains("worker")))
        {
            if (!ids.TryGetValue(op.IdKind, out var candidates))
            {
                failures.Add($"{op.Name}: no other worker's id for '{op.IdKind}'");
                continue;
            }
            foreach (var id in candidates)
            {
                checkedCount++;
                var body = op.IsWrite ? ValidBodies.GetValueOrDefault(op.OperationId)?.Invoke(new BodyContext(_world.LinfenStreet)) : null;
                if (await Expect(await Send(_world.Worker, op, op.PathWith(id), body), HttpStatusCode.NotFound,
                        $"worker.demo on another worker's {op.IdKind} {id}: {op.Name}") is { } failure)
                {
                    failures.Add(failure);
                }
            }
        }
        // The worker's own record is visible: the 404s above are about scope, not a broken endpoint.
        var own = await _world.Worker.GetAsync($"/api/staffing/workers/{_world.DemoWorkerId}");
        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK), "worker.demo reads their own record");
        await TestContext.Out.WriteLineAsync($"worker matrix: {checkedCount} (operation, other worker's id) pairs checked");
        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures));
    }

    [Test]
    public async Task Ids_of_another_street_in_bodies_and_filters_are_404_too()
    {
        var w = _world;
        var ownWorker = (await TrustData.CreateWorker(w.Hr, w.LinfenCommunity)).Id();
        var ownPost = (await TrustData.CreatePost(w.Hr, w.LinfenCommunity, 2)).Id();
        var ownPosting = (await TrustData.CreatePosting(w.Hr, ownWorker, ownPost)).Id();
        var before = await w.Host.Scalar<long>("SELECT COUNT(*) FROM staffing_postings") + await w.Host.Scalar<long>("SELECT COUNT(*) FROM staffing_rotation_requests");
        var calls = new (string What, Func<Task<HttpResponseMessage>> Call)[]
        {
            ("hr: posting to another street's post", () => w.Hr.PostAsJsonAsync("/api/staffing/postings",
                new { workerId = ownWorker, postId = w.OtherPostB, startedOn = "2021-01-01", reason = "hire" })),
            ("hr: posting another street's worker", () => w.Hr.PostAsJsonAsync("/api/staffing/postings",
                new { workerId = w.OtherWorkerId, postId = ownPost, startedOn = "2021-01-01", reason = "hire" })),
            ("hr: worker in another street's unit", () => w.Hr.PostAsJsonAsync("/api/staffing/workers", TrustData.WorkerBody(w.OtherCommunity))),
            ("hr: post in another street's unit", () => w.Hr.PostAsJsonAsync("/api/staffing/posts",
                new { orgUnitId = w.OtherCommunity, postType = "staff", title = "越权岗位", quota = 1 })),
            ("hr: unit under another street", () => w.Hr.PostAsJsonAsync("/api/staffing/org-units",
                new { parentId = w.NanjingStreet, code = TrustData.CommunityCode(TrustData.NanjingCode), name = "越权居委会", level = "community" })),
            ("hr: move own unit under another street", async () => await w.Hr.PostAsJsonAsync($"/api/staffing/org-units/{w.LinfenCommunity}/move",
                new { newParentId = w.NanjingStreet, version = (await w.Hr.GetJson($"/api/staffing/org-units/{w.LinfenCommunity}")).GetProperty("version").GetInt32() })),
            ("hr: rotation into another street's post", () => w.Hr.PostAsJsonAsync("/api/staffing/rotation-requests",
                new { workerId = ownWorker, fromPostingId = ownPosting, toPostId = w.OtherPostB, reason = "越权", proposedOn = "2024-06-01", submit = true })),
            ("hr: rotation of another street's worker", () => w.Hr.PostAsJsonAsync("/api/staffing/rotation-requests",
                new { workerId = w.OtherWorkerId, fromPostingId = w.OtherPostingId, toPostId = ownPost, reason = "越权", proposedOn = "2024-06-01", submit = true })),
            ("worker: rotation for another worker", () => w.Worker.PostAsJsonAsync("/api/staffing/rotation-requests",
                new { workerId = ownWorker, fromPostingId = ownPosting, toPostId = w.OtherPostB, reason = "越权", proposedOn = "2024-06-01", submit = true })),
            ("hr: roster filtered by another street's unit", () => w.Hr.GetAsync($"/api/staffing/workers?orgUnitId={w.OtherCommunity}")),
            ("leader: roster filtered by another street's unit", () => w.Leader.GetAsync($"/api/staffing/workers?orgUnitId={w.OtherCommunity}")),
            ("hr: posts filtered by another street's unit", () => w.Hr.GetAsync($"/api/staffing/posts?orgUnitId={w.OtherCommunity}")),
            ("leader: export filtered by another street's unit", () => w.Leader.GetAsync($"/api/staffing/workers/export?orgUnitId={w.OtherCommunity}")),
            ("leader: due list filtered by another street's unit", () => w.Leader.GetAsync($"/api/staffing/rotations/due?orgUnitId={w.OtherCommunity}")),
            ("hr: requests filtered by another street's unit", () => w.Hr.GetAsync($"/api/staffing/rotation-requests?orgUnitId={w.OtherCommunity}")),
        };
        var failures = new List<string>();
        foreach (var (what, call) in calls)
        {
            if (await Expect(await call(), HttpStatusCode.NotFound, what) is { } failure)
            {
                failures.Add(failure);
            }
        }
        // A request (made by admin) moving a 临汾路 worker into 南京西路: 临汾路's leader may not decide it.
        var crossing = (await TrustData.CreateRotation(w.Admin, ownWorker, ownPosting, w.OtherPostB)).Id();
        foreach (var decision in new[] { "approve", "reject" })
        {
            if (await Expect(await w.Leader.PostAsJsonAsync($"/api/staffing/rotation-requests/{crossing}/{decision}", new { comment = "越权决定" }),
                    HttpStatusCode.NotFound, $"leader: {decision} a request whose target post lies in another street") is { } failure)
            {
                failures.Add(failure);
            }
        }
        Assert.That(await w.Host.Scalar<string>("SELECT status FROM staffing_rotation_requests WHERE id = @Id", new { Id = crossing.ToString().ToUpperInvariant() }),
            Is.EqualTo("submitted"));
        before += 1;
        var leaked = await w.Worker.GetJson($"/api/staffing/rotation-requests?workerId={w.OtherWorkerId}&pageSize=100");
        Assert.That(leaked.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("workerId").GetGuid()), Is.All.EqualTo(w.DemoWorkerId),
            "a worker filtering by another worker's id sees only their own requests");
        Assert.That(failures, Is.Empty, string.Join(Environment.NewLine, failures));
        Assert.That(await w.Host.Scalar<long>("SELECT COUNT(*) FROM staffing_postings") + await w.Host.Scalar<long>("SELECT COUNT(*) FROM staffing_rotation_requests"),
            Is.EqualTo(before));
        Assert.That(await w.Host.Scalar<long>("SELECT COUNT(*) FROM staffing_org_units WHERE name = '越权居委会'"), Is.Zero);
    }

    [Test]
    public async Task Refused_writes_with_another_streets_ids_change_nothing()
    {
        // Every scoped write is sent with 南京西路's ids by 临汾路's accounts; none may take effect.
        await SendEveryScopedWriteWithOtherStreetIds();
        var community = await _world.Admin.GetJson($"/api/staffing/org-units/{_world.OtherCommunity}");
        Assert.That(community.GetProperty("status").GetString(), Is.EqualTo("active"));
        Assert.That(community.GetProperty("version").GetInt32(), Is.EqualTo(1));
        var worker = await _world.Admin.GetJson($"/api/staffing/workers/{_world.OtherWorkerId}");
        Assert.That(worker.GetProperty("status").GetString(), Is.EqualTo("active"));
        var request = await _world.Admin.GetJson($"/api/staffing/rotation-requests/{_world.OtherRotationId}");
        Assert.That(request.GetProperty("status").GetString(), Is.EqualTo("submitted"));
        var post = await _world.Admin.GetJson($"/api/staffing/posts/{_world.OtherPostA}");
        Assert.That(post.GetProperty("version").GetInt32(), Is.EqualTo(1));
        var reserve = await _world.Admin.GetJson($"/api/career/reserve-members/{_world.OtherReserveMemberId}");
        Assert.That((reserve.GetProperty("member").GetProperty("status").GetString(), reserve.GetProperty("member").GetProperty("version").GetInt32()),
            Is.EqualTo(("active", 2)), "南京西路's reserve member is untouched");
        Assert.That(reserve.GetProperty("plan")[0].GetProperty("version").GetInt32(), Is.EqualTo(1));
    }

    private async Task SendEveryScopedWriteWithOtherStreetIds()
    {
        foreach (var op in _operations.Where(o => o.HasId && o.IsWrite && o.Roles is not null && ValidBodies.ContainsKey(o.OperationId)))
        {
            foreach (var role in ScopedRoles.Where(r => op.Roles!.Contains(r)))
            {
                using var _ = await Send(_world.Client(role), op, op.PathWith(OtherStreetId(op)), ValidBodies[op.OperationId](new BodyContext(_world.LinfenStreet)));
            }
        }
    }
}
