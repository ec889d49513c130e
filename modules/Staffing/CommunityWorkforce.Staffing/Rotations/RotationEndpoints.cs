using AutoMapper;
using CommunityWorkforce.BuildingBlocks.Audit;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Http;
using CommunityWorkforce.BuildingBlocks.Security;
using CommunityWorkforce.Staffing.Contracts;
using CommunityWorkforce.Staffing.OrgUnits;
using CommunityWorkforce.Staffing.Postings;
using CommunityWorkforce.Staffing.Posts;
using CommunityWorkforce.Staffing.Settings;
using CommunityWorkforce.Staffing.Workers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.Staffing.Rotations;

/// <summary>
/// 轮岗 — HR (or the worker, for themself) proposes; the street-office leader approves or rejects. Approval ends the
/// old posting and starts the new one in one transaction, with the target post's quota checked at that moment.
/// </summary>
internal static class RotationEndpoints
{
    public const string InvalidTransition = "urn:cw:problem:invalid-transition";

    private static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["createdAt"] = "r.created_at",
        ["submittedAt"] = "r.submitted_at",
        ["proposedOn"] = "r.proposed_on",
        ["status"] = "r.status",
        ["workerName"] = "w.name",
    };

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/staffing/rotation-requests").WithTags("Rotations");
        group.MapGet("/", List).RequireAuthorization(Policies.AnyRole).WithName("ListRotationRequests");
        group.MapGet("/counts", Counts).RequireAuthorization(Policies.AnyRole).WithName("CountRotationRequests");
        group.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.AnyRole).WithName("GetRotationRequest");
        group.MapPost("/", Create).RequireAuthorization(Policies.HrAdminOrWorker).WithName("CreateRotationRequest")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/submit", Submit).RequireAuthorization(Policies.HrAdminOrWorker).WithName("SubmitRotationRequest")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/withdraw", Withdraw).RequireAuthorization(Policies.HrAdminOrWorker).WithName("WithdrawRotationRequest")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/approve", Approve).RequireAuthorization(Policies.Leader).WithName("ApproveRotationRequest")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:guid}/reject", Reject).RequireAuthorization(Policies.Leader).WithName("RejectRotationRequest")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        api.MapGet("/staffing/rotations/due", Due).RequireAuthorization(Policies.Staff).WithTags("Rotations").WithName("ListDueForRotation");
    }

    private static object Scope(CurrentUser user, Guid id) => new { Id = id, Scope = user.ScopePattern, WorkerScope = WorkerScope(user), user.OnlyWorkerId };

    /// <summary>The org-path pattern of the workers whose requests the caller sees; none for a worker (only themself).</summary>
    internal static string WorkerScope(CurrentUser user) => user.OnlyWorkerId is null ? user.ScopePattern : "-none-";

    /// <summary>1 when the caller's lists leave drafts out: a leader decides submitted requests, drafts are HR's own.</summary>
    internal static int HideDrafts(CurrentUser user) => user.Role == Roles.Leader ? 1 : 0;

    internal static Task<RotationRow?> FindInScope(DbSession db, CurrentUser user, Guid id, CancellationToken ct) =>
        db.QuerySingleOrDefaultAsync<RotationRow>(RotationSql.Get, Scope(user, id), ct);

    private static async Task<Results<Ok<PagedResult<RotationRequestResponse>>, ValidationProblem, NotFound>> List(
        [AsParameters] PageQuery page, [AsParameters] RotationListQuery filter, DbSession db, CurrentUser user,
        IMapper mapper, CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, Sortable);
        validator.OneOf("status", filter.Status, [.. RotationStatus.All, RotationStatus.Open]);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var (visible, unitPath) = await WorkerEndpoints.UnitFilter(db, user, user.OnlyWorkerId is null ? filter.OrgUnitId : null, ct);
        if (!visible)
        {
            return TypedResults.NotFound();
        }
        var args = new
        {
            Scope = user.ScopePattern, WorkerScope = WorkerScope(user), user.OnlyWorkerId, HideDrafts = HideDrafts(user), filter.Status, filter.WorkerId,
            UnitPath = unitPath is null ? null : unitPath + "%", Q = page.QPattern, page.Skip, Take = page.Size,
        };
        var total = await db.ExecuteScalarAsync<int>(RotationSql.Count, args, ct);
        var rows = await db.QueryAsync<RotationRow>(PagedSql.WithOrderBy(RotationSql.List, page.OrderBy(Sortable, "-createdAt", "r.id")), args, ct);
        return TypedResults.Ok(new PagedResult<RotationRequestResponse>(mapper.Map<List<RotationRequestResponse>>(rows), total, page.PageNumber, page.Size));
    }

    /// <summary>How many requests are in each state: the leader's inbox badge.</summary>
    private static async Task<Ok<RotationCounts>> Counts(DbSession db, CurrentUser user, CancellationToken ct)
    {
        var rows = await db.QueryAsync<StatusCount>(RotationSql.CountsByStatus, new { Scope = user.ScopePattern, WorkerScope = WorkerScope(user), user.OnlyWorkerId, HideDrafts = HideDrafts(user) }, ct);
        int Of(string status) => rows.FirstOrDefault(r => r.Status == status)?.N ?? 0;
        return TypedResults.Ok(new RotationCounts(Of(RotationStatus.Draft), Of(RotationStatus.Submitted), Of(RotationStatus.Approved),
            Of(RotationStatus.Rejected), Of(RotationStatus.Withdrawn)));
    }

    private static async Task<Results<Ok<RotationRequestResponse>, NotFound>> Get(
        Guid id, HttpContext http, DbSession db, CurrentUser user, IMapper mapper, CancellationToken ct)
    {
        var row = await FindInScope(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        ExpectedVersion.SetETag(http, row.Version);
        return TypedResults.Ok(mapper.Map<RotationRequestResponse>(row));
    }

    private static async Task<Results<Created<RotationRequestResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Create(
        CreateRotationRequest request, DbSession db, CurrentUser user, AuditWriter audit, IMapper mapper,
        TimeProvider clock, CancellationToken ct)
    {
        var validator = new Validator()
            .Required("workerId", request.WorkerId)
            .Required("fromPostingId", request.FromPostingId)
            .Required("toPostId", request.ToPostId)
            .Required("reason", request.Reason, 500)
            .Required("proposedOn", request.ProposedOn);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        // What the caller may see and the rules on it are checked before the write transaction, so that the SQLite write
        // queue is held only for the change; what can change meanwhile (an open request on the posting, the posting
        // ending, the worker leaving) is checked again inside it. Approval re-checks the target post's headcount.
        var worker = await WorkerEndpoints.FindInScope(db, user, request.WorkerId!.Value, ct);
        if (worker is null)
        {
            return TypedResults.NotFound();
        }
        // A worker may propose a post anywhere in their own street; HR within their scope.
        var postScope = user.OnlyWorkerId is null ? user.ScopePattern : StreetPathOf(worker.OrgPath) + "%";
        var toPost = await db.QuerySingleOrDefaultAsync<PostRow>(PostSql.Get, new { Id = request.ToPostId, Scope = postScope }, ct);
        var from = (await db.QueryAsync<PostingRow>(PostingSql.ByWorker,
            new { WorkerId = worker.Id, Scope = user.ScopePattern, user.OnlyWorkerId }, ct)).FirstOrDefault(p => p.Id == request.FromPostingId);
        if (toPost is null || from is null)
        {
            return TypedResults.NotFound();
        }
        var check = new Validator()
            .Rule(from.EndedOn is null, "fromPostingId", Text.Of("原任职已结束。", "That posting has already ended."))
            .Rule(toPost.Status == "active", "toPostId", Text.Of("目标岗位已撤销。", "The target post is closed."))
            .Rule(toPost.Id != from.PostId, "toPostId", Text.Of("目标岗位与原岗位相同。", "The target post is the current post."))
            .Rule(request.ProposedOn > from.StartedOn, "proposedOn", Text.Of("轮岗日期须晚于原任职开始日期。", "The rotation date must follow the posting's start."));
        if (worker.Status == WorkerRules.Left)
        {
            check.Add("workerId", Text.Of("人员已离职。", "The worker has left."));
        }
        if (!check.IsValid)
        {
            return check.ToProblem();
        }
        if (toPost.Filled >= toPost.Quota)
        {
            return PostingService.Problem(PostingRefusal.HeadcountExceeded, toPost.Title);
        }
        await using var tx = await db.BeginAsync(ct);
        // One row always (a SELECT of two counts).
        var filing = (await db.QuerySingleOrDefaultAsync<FilingCheck>(RotationSql.FilingChecks, new { FromPostingId = from.Id }, ct))!;
        if (filing.OpenRequests > 0)
        {
            return Problems.Conflict(ProblemTypes.Duplicate, Text.Of("已有未完成的轮岗申请", "Open request exists"),
                Text.Of("该任职已有待处理的轮岗申请，请先处理或撤回。", "This posting already has an open rotation request."));
        }
        if (filing.ActivePostings == 0)
        {
            return Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("原任职已结束", "Posting already ended"),
                Text.Of("原任职已结束或人员已离职，不能申请轮岗。", "The posting has ended or the worker has left."));
        }
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow();
        var submit = request.Submit ?? true;
        await db.ExecuteAsync(RotationSql.Insert, new
        {
            Id = id, WorkerId = worker.Id, FromPostingId = from.Id, ToPostId = toPost.Id, Reason = request.Reason!.Trim(),
            request.ProposedOn, Status = submit ? RotationStatus.Submitted : RotationStatus.Draft,
            RequestedBy = user.AccountId, RequestedByName = user.UserName, RequestedRole = user.Role,
            SubmittedAt = submit ? now : (DateTimeOffset?)null, Now = now,
        }, ct);
        await audit.WriteAsync(new AuditEntry("staffing.rotation.requested", "rotation-request", id, worker.OrgPath,
            new { workerId = worker.Id, fromPostingId = from.Id, toPostId = toPost.Id, request.ProposedOn, submit }), ct);
        await tx.CommitAsync(ct);
        // Read back after the commit: the write queue is not held for a read.
        var row = await FindInScope(db, user, id, ct);
        return TypedResults.Created($"/api/staffing/rotation-requests/{id}", mapper.Map<RotationRequestResponse>(row));
    }

    private static Task<Results<Ok<RotationRequestResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Submit(
        Guid id, RotationDecisionRequest request, HttpContext http, DbSession db, CurrentUser user, AuditWriter audit,
        IMapper mapper, TimeProvider clock, CancellationToken ct) =>
        Move(id, RotationStatus.Draft, RotationStatus.Submitted, request, http, db, user, audit, mapper, clock, ct);

    private static async Task<Results<Ok<RotationRequestResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Withdraw(
        Guid id, RotationDecisionRequest request, HttpContext http, DbSession db, CurrentUser user, AuditWriter audit,
        IMapper mapper, TimeProvider clock, CancellationToken ct)
    {
        var row = await FindInScope(db, user, id, ct);
        var from = row?.Status == RotationStatus.Draft ? RotationStatus.Draft : RotationStatus.Submitted;
        return await Move(id, from, RotationStatus.Withdrawn, request, http, db, user, audit, mapper, clock, ct);
    }

    /// <summary>Requester-side transitions (submit, withdraw) by HR in scope or by the worker themself.</summary>
    private static async Task<Results<Ok<RotationRequestResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Move(
        Guid id, string fromStatus, string toStatus, RotationDecisionRequest request, HttpContext http, DbSession db,
        CurrentUser user, AuditWriter audit, IMapper mapper, TimeProvider clock, CancellationToken ct)
    {
        var expected = ExpectedVersion.From(http, request.Version);
        await using var tx = await db.BeginAsync(ct);
        var row = await FindInScope(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        if (row.Status != fromStatus)
        {
            return NotAllowed(row.Status, toStatus);
        }
        var now = clock.GetUtcNow();
        if (await db.ExecuteAsync(RotationSql.Transition, new
            {
                Id = id, From = fromStatus, To = toStatus, Version = expected.Value,
                SubmittedAt = toStatus == RotationStatus.Submitted ? now : (DateTimeOffset?)null, Now = now,
            }, ct) == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        // A requester's comment on submitting or withdrawing is kept with the change, not dropped.
        await audit.WriteAsync(new AuditEntry($"staffing.rotation.{toStatus}", "rotation-request", id, row.WorkerPath,
            new { from = fromStatus, to = toStatus }, string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim()), ct);
        var updated = await FindInScope(db, user, id, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(mapper.Map<RotationRequestResponse>(updated));
    }

    private static async Task<Results<Ok<RotationRequestResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Approve(
        Guid id, RotationDecisionRequest request, HttpContext http, DbSession db, CurrentUser user, IPostingCommands postings,
        AuditWriter audit, IMapper mapper, TimeProvider clock, CancellationToken ct)
    {
        var expected = ExpectedVersion.From(http, request.Version);
        var validator = new Validator().Optional("comment", request.Comment, 500);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        // Read and checked before the write transaction, so that the SQLite write queue is held only for the change. A
        // submitted request does not change until it is decided or withdrawn, which the claim below detects; what may
        // change meanwhile around it (the posting's primary flag, the target unit's path) is read again inside.
        var row = await FindForLeader(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        if (row.Status != RotationStatus.Submitted)
        {
            return NotAllowed(row.Status, RotationStatus.Approved);
        }
        await using var tx = await db.BeginAsync(ct);
        // Claim the request first, recording the posting it will start: a second, concurrent decision finds it no longer
        // submitted, and a refusal below rolls the claim back with everything else.
        var newPostingId = Guid.NewGuid();
        if (await db.ExecuteAsync(RotationSql.Decide, Decision(id, RotationStatus.Approved, request.Comment, expected.Value, user, newPostingId, clock), ct) == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        // Staffing's own posting command, as another module (CareerPath's promotions) calls it: a refusal is a value.
        var moved = await postings.MoveAsync(new MovePostingCommand(row.FromPostingId, row.ToPostId, row.ProposedOn,
            PostingReasons.Rotation, newPostingId), ct);
        if (!moved.Succeeded)
        {
            return PostingService.Problem(moved.Refusal, row.ToPostTitle, deciding: true);
        }
        await audit.WriteAsync(new AuditEntry("staffing.rotation.approved", "rotation-request", id, row.WorkerPath,
            new { newPostingId, row.ToPostId, effectiveOn = row.ProposedOn }, request.Comment), ct);
        db.RaiseAfterCommit(new RotationApproved(id, row.WorkerId, row.FromPostingId, newPostingId, row.ProposedOn));
        await tx.CommitAsync(ct);
        var updated = await FindForLeader(db, user, id, ct);
        return TypedResults.Ok(mapper.Map<RotationRequestResponse>(updated));
    }

    private static async Task<Results<Ok<RotationRequestResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Reject(
        Guid id, RotationDecisionRequest request, HttpContext http, DbSession db, CurrentUser user, AuditWriter audit,
        IMapper mapper, TimeProvider clock, CancellationToken ct)
    {
        var expected = ExpectedVersion.From(http, request.Version);
        var validator = new Validator().Required("comment", request.Comment, 500);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        await using var tx = await db.BeginAsync(ct);
        var row = await FindForLeader(db, user, id, ct);
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        if (row.Status != RotationStatus.Submitted)
        {
            return NotAllowed(row.Status, RotationStatus.Rejected);
        }
        if (await db.ExecuteAsync(RotationSql.Decide, Decision(id, RotationStatus.Rejected, request.Comment, expected.Value, user, null, clock), ct) == 0)
        {
            return Problems.StaleVersion(expected.FromIfMatch);
        }
        await audit.WriteAsync(new AuditEntry("staffing.rotation.rejected", "rotation-request", id, row.WorkerPath, null, request.Comment), ct);
        var updated = await FindForLeader(db, user, id, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(mapper.Map<RotationRequestResponse>(updated));
    }

    private static async Task<Results<Ok<PagedResult<DueForRotationResponse>>, ValidationProblem, NotFound>> Due(
        [AsParameters] PageQuery page, Guid? orgUnitId, DbSession db, CurrentUser user, StaffingSettingsStore settings,
        TimeProvider clock, CancellationToken ct)
    {
        var validator = new Validator();
        page.Validate(validator, new Dictionary<string, string> { ["startedOn"] = "g.started_on" });
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var (visible, unitPath) = await WorkerEndpoints.UnitFilter(db, user, orgUnitId, ct);
        if (!visible)
        {
            return TypedResults.NotFound();
        }
        var today = WorkerEndpoints.Today(clock);
        var threshold = (await settings.GetAsync(ct)).RotationThresholdYears;
        var args = new
        {
            Scope = user.ScopePattern, UnitPath = unitPath is null ? null : unitPath + "%", Q = page.QPattern,
            StartedOnOrBefore = today.AddYears(-threshold), page.Skip, Take = page.Size,
        };
        var total = await db.ExecuteScalarAsync<int>(RotationSql.DueCount, args, ct);
        var rows = await db.QueryAsync<DueRow>(RotationSql.Due, args, ct);
        return TypedResults.Ok(new PagedResult<DueForRotationResponse>(rows.Select(r => new DueForRotationResponse
        {
            WorkerId = r.WorkerId, WorkerName = r.WorkerName, StaffNo = r.StaffNo, PostingId = r.PostingId, PostId = r.PostId,
            PostTitle = r.PostTitle, OrgUnitName = r.OrgUnitName, StartedOn = r.StartedOn,
            YearsInPost = WorkerRules.Years(r.StartedOn, today), HasOpenRequest = r.OpenRequests > 0,
        }).ToList(), total, page.PageNumber, page.Size));
    }

    /// <summary>A leader decides only when both the worker and the target post lie in their scope.</summary>
    private static async Task<RotationRow?> FindForLeader(DbSession db, CurrentUser user, Guid id, CancellationToken ct)
    {
        var row = await FindInScope(db, user, id, ct);
        return row is not null && user.CanSee(row.ToPath) ? row : null;
    }

    private static DecisionArgs Decision(Guid id, string to, string? comment, int? version, CurrentUser user, Guid? newPostingId,
        TimeProvider clock) => new(id, to, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), version, user.AccountId,
        user.UserName, newPostingId, clock.GetUtcNow());

    private static ProblemHttpResult NotAllowed(string from, string to) => Problems.Conflict(InvalidTransition,
        Text.Of("当前状态不允许此操作", "Not allowed in this state"),
        Text.Of($"申请当前为“{from}”状态，不能变为“{to}”。", $"The request is {from}; it cannot become {to}."),
        new Dictionary<string, object?> { ["currentStatus"] = from });

    /// <summary>The street (街道/镇) part of a path: /city/district/street/.</summary>
    internal static string StreetPathOf(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return "/" + string.Join('/', parts.Take(3)) + "/";
    }

    private sealed record DecisionArgs(Guid Id, string To, string? Comment, int? Version, Guid? DecidedBy, string DecidedByName,
        Guid? NewPostingId, DateTimeOffset Now);

    private sealed class StatusCount
    {
        public string Status { get; init; } = "";
        public int N { get; init; }
    }

    private sealed class DueRow
    {
        public Guid WorkerId { get; init; }
        public string WorkerName { get; init; } = "";
        public string StaffNo { get; init; } = "";
        public Guid PostingId { get; init; }
        public Guid PostId { get; init; }
        public string PostTitle { get; init; } = "";
        public string OrgUnitName { get; init; } = "";
        public DateOnly StartedOn { get; init; }
        public int OpenRequests { get; init; }
    }
}

/// <summary>What <see cref="RotationSql.FilingChecks"/> reads.</summary>
internal sealed class FilingCheck
{
    public int OpenRequests { get; init; }
    public int ActivePostings { get; init; }
}
