using CommunityWorkforce.Training.Settings;
using CommunityWorkforce.Training.Workers;

namespace CommunityWorkforce.Training.Certificates;

/// <summary>登记证书 — HR records a certificate a worker in scope holds.</summary>
internal static class RecordCertificate
{
    public static async Task<Results<Created<CertificateResponse>, ValidationProblem, NotFound, ProblemHttpResult>> Handle(
        RecordCertificateRequest request, [AsParameters] WriteContext write, TrainingSettingsStore settings, CancellationToken ct)
    {
        var (db, user, audit, clock) = write;
        var today = LocalDate.Today(clock);
        var socialWork = request.Kind == CertificateKinds.SocialWork;
        var validator = new Validator()
            .Required("workerId", request.WorkerId)
            .Required("kind", request.Kind, 20).OneOf("kind", request.Kind, CertificateKinds.All)
            .Required("number", request.Number, 60)
            .Required("issuedOn", request.IssuedOn)
            .Optional("name", request.Name, 200)
            .Rule(request.IssuedOn is null || request.IssuedOn <= today, "issuedOn", Text.Of("发证日期不能晚于今天。", "The issue date cannot be in the future."))
            .Range("validYears", request.ValidYears, 1, 50);
        if (socialWork)
        {
            validator.Required("level", request.Level, 20).OneOf("level", request.Level, SocialWorkLevels.All)
                .Required("registeredOn", request.RegisteredOn)
                .Rule(request.RegisteredOn is null || request.IssuedOn is null || request.RegisteredOn >= request.IssuedOn, "registeredOn",
                    Text.Of("登记日期不能早于发证日期。", "Registration cannot precede the issue date."))
                .Rule(request.ValidYears is null, "validYears", Text.Of("社工证登记有效期为三年，由系统计算。", "A social-work registration lasts 3 years; it is computed."));
        }
        else if (request.Kind is not null)
        {
            validator.Required("name", request.Name, 200)
                .Rule(request.Level is null, "level", Text.Of("只有社工证有等级。", "Only social-work certificates have a level."));
        }
        if (!validator.IsValid)
        {
            return validator.ToProblem();
        }
        var worker = await TrainingWorkerLookup.FindInScope(db, user, request.WorkerId!.Value, ct);
        if (worker is null)
        {
            return TypedResults.NotFound();
        }
        var id = Guid.NewGuid();
        var name = string.IsNullOrWhiteSpace(request.Name) ? CertificateRules.DefaultName(request.Level) : request.Name.Trim();
        var expiresOn = socialWork ? CertificateRules.RegistrationExpiry(request.RegisteredOn!.Value)
            : request.ValidYears is { } years ? request.IssuedOn!.Value.AddYears(years).AddDays(-1) : (DateOnly?)null;
        await using var tx = await db.BeginAsync(ct);
        if (await db.ExecuteScalarAsync<int>(CertificateSql.NumberExists, new { request.Kind, Number = request.Number!.Trim() }, ct) > 0)
        {
            return Problems.Conflict(ProblemTypes.Duplicate, Text.Of("证书编号重复", "Duplicate certificate number"),
                Text.Of("该证书编号已登记。", "This certificate number is already recorded."), new Dictionary<string, object?> { ["field"] = "number" });
        }
        await db.ExecuteAsync(CertificateSql.Insert, new
        {
            Id = id, WorkerId = worker.Id, request.Kind, Level = socialWork ? request.Level : null, Name = name, Number = request.Number!.Trim(),
            request.IssuedOn, RegisteredOn = socialWork ? request.RegisteredOn : null, ExpiresOn = expiresOn, Now = clock.GetUtcNow(),
        }, ct);
        await audit.WriteAsync(new AuditEntry("training.certificate.recorded", "training-certificate", id, worker.OrgPath,
            new { workerId = worker.Id, request.Kind, request.Level, name, request.IssuedOn, request.RegisteredOn, expiresOn }), ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/training/certificates/{id}", (await CertificateLookup.Find(db, user, settings, today, id, ct))!);
    }
}
