using CommunityWorkforce.Staffing.OrgUnits;
using CommunityWorkforce.Staffing.Postings;
using CommunityWorkforce.Staffing.Posts;
using CommunityWorkforce.Staffing.Settings;
using CommunityWorkforce.Staffing.Workers;

namespace CommunityWorkforce.Staffing.Rotations;

/// <summary>轮岗申请 — HR files a rotation for a worker in scope, or a worker for themself (to a post in their street).</summary>
internal static class FileRotation
{
    public static async Task<Results<Created<RotationRequestResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(
        CreateRotationRequest request, HttpContext http, [AsParameters] WriteContext write, IMapper mapper, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
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
        var worker = await WorkerLookup.FindInScope(db, user, request.WorkerId!.Value, ct);
        if (worker is null)
        {
            return TypedResults.NotFound();
        }
        // A worker may propose a post anywhere in their own street; HR within their scope.
        var postScope = user.OnlyWorkerId is null ? user.ScopePattern : OrgUnitLookup.StreetPathOf(worker.OrgPath) + "%";
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
            RequestedBy = user.AccountId, RequestedByName = ActingName.Of(http, user), RequestedRole = user.Role,
            SubmittedAt = submit ? now : (DateTimeOffset?)null, Now = now,
        }, ct);
        await audit.WriteAsync(new AuditEntry("staffing.rotation.requested", "rotation-request", id, worker.OrgPath,
            new { workerId = worker.Id, fromPostingId = from.Id, toPostId = toPost.Id, request.ProposedOn, submit }), ct);
        await tx.CommitAsync(ct);
        // Read back after the commit: the write queue is not held for a read.
        var row = await RotationEndpoints.FindInScope(db, user, id, ct);
        return TypedResults.Created($"/api/staffing/rotation-requests/{id}", mapper.Map<RotationRequestResponse>(row));
    }
}
