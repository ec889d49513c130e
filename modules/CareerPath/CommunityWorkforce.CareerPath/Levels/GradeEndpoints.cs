using CommunityWorkforce.Staffing.Contracts;
using System.ComponentModel.DataAnnotations;
using Validator = CommunityWorkforce.BuildingBlocks.Http.Validator;
using CommunityWorkforce.CareerPath.Ladder;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.CareerPath.Levels;

/// <summary>A worker's grade history, the grade in force with its pay coefficient, and when the next step is due.</summary>
public sealed record GradeHistoryResponse
{
    public Guid WorkerId { get; init; }
    public string StaffNo { get; init; } = "";
    public string Name { get; init; } = "";
    public GradeRow? Current { get; init; }
    public decimal? Coefficient { get; init; }
    public int? BandMin { get; init; }
    public int? BandMax { get; init; }

    /// <summary>The progression rule applied today: whether a step is due and why, and the day the next one is expected.</summary>
    public ProgressionOutcome? NextStep { get; init; }

    public IReadOnlyList<GradeRow> History { get; init; } = [];
}

/// <summary>HR records a worker's grade (the first one, or a correction). Level omitted: the starting level from education and certificates.</summary>
public sealed record RecordGradeRequest
{
    [Required, MaxLength(40)]
    public string PostType { get; init; } = "";

    public int? Level { get; init; }

    [PlausibleDate]
    public DateOnly FromDate { get; init; }

    [Required, MaxLength(40)]
    public string ReasonCode { get; init; } = GradeReasons.Initial;

    [MaxLength(400)]
    public string? Note { get; init; }
}

internal static class GradeEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/career/workers/{id:guid}/grades").WithTags("Career grades");
        group.MapGet("/", Get).RequireAuthorization(Policies.AnyRole).WithName("GetCareerGrades");
        group.MapPost("/", Record).RequireAuthorization(Policies.HrOrAdmin).WithName("RecordCareerGrade");
    }

    private static async Task<Results<Ok<GradeHistoryResponse>, NotFound>> Get(Guid id, DbSession db, CurrentUser user, LadderStore ladders,
        TimeProvider clock, CancellationToken ct) =>
        await Read(db, user, ladders, id, LocalDate.Today(clock), ct) is { } found ? TypedResults.Ok(found) : TypedResults.NotFound();

    internal static async Task<GradeHistoryResponse?> Read(DbSession db, CurrentUser user, LadderStore ladders, Guid workerId, DateOnly today, CancellationToken ct)
    {
        if (await CareerWorkerLookup.FindInScope(db, user, workerId, ct) is not { } worker)
        {
            return null;
        }
        var history = await db.QueryAsync<GradeRow>(CareerWorkerSql.History, new { WorkerId = workerId }, ct);
        var current = history.FirstOrDefault(h => h.IsCurrent);
        var ladder = await ladders.InForceAsync(today, ct);
        ProgressionOutcome? next = null;
        if (current is not null)
        {
            var grades = await CareerWorkerLookup.AnnualGrades(db, workerId, ct);
            var early = history.Count(h => h.ReasonCode == GradeReasons.EarlyStep);
            next = GradeRules.Evaluate(ladder, new ProgressionInput(current.PostType, current.Level, current.FromDate, early, grades), today);
        }
        var band = current is null ? null : ladder.Band(current.PostType);
        return new GradeHistoryResponse
        {
            WorkerId = worker.Id, StaffNo = worker.StaffNo, Name = worker.Name, Current = current,
            Coefficient = current is null ? null : ladder.CoefficientOf(current.Level), BandMin = band?.MinLevel, BandMax = band?.MaxLevel,
            NextStep = next, History = history,
        };
    }

    private static async Task<Results<Created<GradeHistoryResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Record(
        Guid id, RecordGradeRequest request, LadderStore ladders, [AsParameters] WriteContext write, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var workerId = id;
        var validator = new Validator().OneOf("postType", request.PostType, PostTypes.All).OneOf("reasonCode", request.ReasonCode, GradeReasons.Recordable);
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        if (await CareerWorkerLookup.FindInScope(db, user, workerId, ct) is not { } worker)
        {
            return TypedResults.NotFound();
        }
        var ladder = await ladders.InForceAsync(request.FromDate, ct);
        var band = ladder.Band(request.PostType);
        if (band is null)
        {
            return validator.Add("postType", Text.Of("该岗位类型没有等级区间。", "No band for this post type.")).ToProblem();
        }
        var level = request.Level ?? GradeRules.StartingLevel(ladder, request.PostType, worker.Education, await CareerWorkerLookup.HighestSocialWork(db, workerId, ct));
        if (level < band.MinLevel || level > band.MaxLevel)
        {
            return validator.Add("level", Text.Of($"{band.NameZh}的等级应在 {band.MinLevel} 到 {band.MaxLevel} 级之间。",
                $"The level must lie in the band {band.MinLevel}–{band.MaxLevel}.")).ToProblem();
        }
        if (worker.HasLeft)
        {
            return Problems.Conflict(ProblemTypes.RuleViolation, Text.Of("该人员已离职。", "The worker has left."));
        }
        var gradeId = Guid.NewGuid();
        var reason = request.Note ?? (request.ReasonCode == GradeReasons.Initial ? "定级" : "更正");
        await using (var tx = await db.BeginAsync(ct))
        {
            await db.ExecuteAsync(CareerWorkerSql.EndCurrent, new { WorkerId = workerId }, ct);
            await db.ExecuteAsync(CareerWorkerSql.Insert, new
            {
                Id = gradeId, WorkerId = workerId, request.PostType, Level = level, request.FromDate, Reason = reason, request.ReasonCode,
                SourceId = (Guid?)null, By = user.UserName, Now = clock.GetUtcNow(),
            }, ct);
            await audit.WriteAsync(new AuditEntry("career.grade.recorded", "career-grade", gradeId, worker.OrgPath,
                new { workerId, request.PostType, level, request.FromDate, request.ReasonCode }), ct);
            await tx.CommitAsync(ct);
        }
        var read = await Read(db, user, ladders, workerId, LocalDate.Today(clock), ct);
        return TypedResults.Created($"/api/career/workers/{workerId}/grades", read!);
    }
}
