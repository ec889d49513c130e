using CommunityWorkforce.CompetencyFramework.Frameworks;
using Dapper;

namespace CommunityWorkforce.Bench;

/// <summary>
/// CompetencyFramework's part of the benchmark. Data: the default framework (published), a profile per post type,
/// last year's city-wide campaign finalised for every worker (scores, current levels, gaps, fit), 全岗通 lines and
/// certifications in every community. Scenarios: candidate ranking over a district, a street's and the city's heat
/// map, a worker's competency profile with gaps.
/// </summary>
internal sealed class CompetencyBench : IBenchModule
{
    public string Name => "CompetencyFramework";

    public async Task GenerateAsync(GeneratedCity city)
    {
        var c = city.Connection;
        var tx = city.Transaction;
        var now = city.Now;
        var today = city.Today;

        // The default framework, published (the host's start-up seed finds it and adds nothing).
        var frameworkId = Guid.NewGuid();
        await c.ExecuteAsync("""
            INSERT INTO competency_frameworks (id, code, version_no, name_zh, name_en, status, based_on_id, published_at, version, created_at, updated_at)
            VALUES (@Id, @Code, 1, '社区工作者能力框架', 'Community worker competency framework', 'published', NULL, @Now, 1, @Now, @Now)
            """, new { Id = frameworkId, Code = DefaultFramework.Code, Now = now }, tx);
        var competencies = new List<(Guid Id, string Code, string Dimension)>();
        var doc = DefaultFramework.Doc();
        for (var d = 0; d < doc.Dimensions.Count; d++)
        {
            var dimension = doc.Dimensions[d];
            var dimensionId = Guid.NewGuid();
            await c.ExecuteAsync("""
                INSERT INTO competency_dimensions (id, framework_id, code, name_zh, name_en, sort_order) VALUES (@Id, @F, @Code, @NameZh, @NameEn, @Sort)
                """, new { Id = dimensionId, F = frameworkId, dimension.Code, dimension.NameZh, dimension.NameEn, Sort = d }, tx);
            for (var i = 0; i < dimension.Competencies.Count; i++)
            {
                var competency = dimension.Competencies[i];
                var id = Guid.NewGuid();
                competencies.Add((id, competency.Code, dimension.Code));
                await c.ExecuteAsync("""
                    INSERT INTO competency_competencies (id, framework_id, dimension_id, code, name_zh, name_en, sort_order)
                    VALUES (@Id, @F, @D, @Code, @NameZh, @NameEn, @Sort)
                    """, new { Id = id, F = frameworkId, D = dimensionId, competency.Code, competency.NameZh, competency.NameEn, Sort = i }, tx);
                await c.ExecuteAsync("""
                    INSERT INTO competency_levels (competency_id, level, indicator_zh, indicator_en) VALUES (@Id, @Level, @IndicatorZh, @IndicatorEn)
                    """, competency.Levels.Select(l => new { Id = id, l.Level, l.IndicatorZh, l.IndicatorEn }), tx);
            }
        }

        // A profile per post type: what the demo street uses.
        var required = new Dictionary<string, (Guid Profile, Dictionary<Guid, (int Level, int Weight, string Code)> Items)>();
        foreach (var (type, bump) in new[] { ("staff", 0), ("deputy", 1), ("head", 2) })
        {
            var profileId = Guid.NewGuid();
            await c.ExecuteAsync("""
                INSERT INTO competency_profiles (id, framework_id, name, post_type, level_from, level_to, post_title, version, created_at, updated_at)
                VALUES (@Id, @F, @Name, @Type, 1, 18, '', 1, @Now, @Now)
                """, new { Id = profileId, F = frameworkId, Name = type + " profile", Type = type, Now = now }, tx);
            var items = competencies.Select((k, index) => (k.Id, k.Code, Index: index, Level: Math.Min(5, k.Dimension switch
            {
                "professional-knowledge" => 2 + bump + (index % 3 == 0 ? 1 : 0),
                _ => 3 + bump,
            }), Weight: k.Dimension switch
            {
                "political-quality" => 10, "professional-knowledge" => 5, "working-ability" => 7,
                _ => k.Code == "trait-service-attitude" ? 4 : 3,
            })).ToList();
            await c.ExecuteAsync("""
                INSERT INTO competency_profile_items (profile_id, competency_id, competency_code, required_level, weight, item_bit)
                VALUES (@P, @Id, @Code, @Level, @Weight, @Bit)
                """, items.Select(i => new { P = profileId, i.Id, i.Code, i.Level, i.Weight, Bit = 1L << i.Index }), tx);
            required[type] = (profileId, items.ToDictionary(i => i.Id, i => (i.Level, i.Weight, i.Code)));
        }

        // Last year's campaign, city-wide and closed, finalised for every worker.
        var root = city.Units.First(u => u.Parent is null);
        var campaignId = Guid.NewGuid();
        await c.ExecuteAsync("""
            INSERT INTO competency_campaigns (id, name, framework_id, org_unit_id, org_path, post_types, period_start, period_end, deadline,
                supervisor_weight, status, version, created_at, updated_at)
            VALUES (@Id, '年度能力测评（基准数据）', @F, @Unit, @Path, 'head,deputy,staff', @Start, @End, @Deadline, 100, 'closed', 2, @Now, @Now)
            """, new
        {
            Id = campaignId, F = frameworkId, Unit = root.Id, root.Path, Start = new DateOnly(today.Year - 1, 1, 1),
            End = new DateOnly(today.Year - 1, 12, 31), Deadline = new DateOnly(today.Year, 1, 20), Now = now,
        }, tx);
        var assessments = new List<object>(city.Workers.Count);
        var scores = new List<object>(city.Workers.Count * competencies.Count);
        var levels = new List<object>(city.Workers.Count * competencies.Count);
        var gaps = new List<object>(city.Workers.Count * competencies.Count);
        var fits = new List<object>(city.Workers.Count);
        foreach (var (workerId, _, post) in city.Workers)
        {
            var (profileId, items) = required[post.Type];
            var assessmentId = Guid.NewGuid();
            double fit = 0;
            foreach (var (competencyId, (need, weight, code)) in items)
            {
                var level = Math.Clamp(need + city.Random.Next(100) switch { < 18 => -1, < 24 => -2, < 80 => 0, _ => 1 }, 1, 5);
                scores.Add(new { A = assessmentId, K = competencyId, Self = Math.Min(5, level + 1), Sup = level, Final = level });
                levels.Add(new { W = workerId, Code = code, K = competencyId, Level = level, A = assessmentId, On = today.AddDays(-300) });
                gaps.Add(new { W = workerId, Code = code, Need = need, Level = level, Gap = Math.Max(0, need - level), Weight = weight });
                fit += weight * (double)Math.Min(level, need) / need;
            }
            assessments.Add(new { Id = assessmentId, C = campaignId, W = workerId, P = profileId, Fit = Math.Round(fit, 1), At = now.AddDays(-300) });
            fits.Add(new { W = workerId, A = assessmentId, P = profileId, Fit = Math.Round(fit, 1), On = today.AddDays(-300) });
        }
        await c.ExecuteAsync("""
            INSERT INTO competency_assessments (id, campaign_id, worker_id, profile_id, status, self_submitted_at, supervisor_submitted_at,
                supervisor_name, finalised_at, finalised_by, fit_score, version, created_at, updated_at)
            VALUES (@Id, @C, @W, @P, 'finalised', @At, @At, 'bench', @At, 'bench', @Fit, 4, @At, @At)
            """, assessments, tx);
        await c.ExecuteAsync("""
            INSERT INTO competency_assessment_scores (assessment_id, competency_id, self_level, supervisor_level, final_level)
            VALUES (@A, @K, @Self, @Sup, @Final)
            """, scores, tx);
        await c.ExecuteAsync("""
            INSERT INTO competency_worker_levels (worker_id, competency_code, competency_id, level, assessment_id, assessed_on)
            VALUES (@W, @Code, @K, @Level, @A, @On)
            """, levels, tx);
        await c.ExecuteAsync("""
            INSERT INTO competency_worker_gaps (worker_id, competency_code, required_level, assessed_level, gap, weight)
            VALUES (@W, @Code, @Need, @Level, @Gap, @Weight)
            """, gaps, tx);
        await c.ExecuteAsync("""
            INSERT INTO competency_worker_fits (worker_id, assessment_id, profile_id, fit_score, assessed_on) VALUES (@W, @A, @P, @Fit, @On)
            """, fits, tx);

        // 全岗通: the nine lines, and in every community most lines held by several people, some by one or nobody.
        var lineIds = new List<Guid>();
        var lines = new[] { "civil-affairs", "elderly-care", "party-building", "mediation", "public-security", "family-services", "employment", "disability", "health" };
        for (var i = 0; i < lines.Length; i++)
        {
            var id = Guid.NewGuid();
            lineIds.Add(id);
            await c.ExecuteAsync("""
                INSERT INTO competency_service_lines (id, code, name_zh, name_en, sort_order, status, version, created_at, updated_at)
                VALUES (@Id, @Code, @Code, @Code, @Sort, 'active', 1, @Now, @Now)
                """, new { Id = id, Code = lines[i], Sort = i + 1, Now = now }, tx);
        }
        var certifications = new List<object>();
        foreach (var community in city.Workers.Where(w => w.Post.Unit.Level == "community").GroupBy(w => w.Post.Unit.Id))
        {
            var members = community.Select(w => w.WorkerId).ToList();
            foreach (var line in lineIds)
            {
                var holders = city.Random.Next(100) switch { < 12 => 0, < 30 => 1, _ => Math.Min(members.Count, city.Random.Next(2, 5)) };
                foreach (var worker in members.OrderBy(_ => city.Random.Next()).Take(holders))
                {
                    var certifiedOn = today.AddDays(-city.Random.Next(30, 760));
                    certifications.Add(new
                    {
                        Id = Guid.NewGuid(), W = worker, L = line, Score = city.Random.Next(55, 99), On = certifiedOn,
                        Until = certifiedOn.AddMonths(24).AddDays(-1), Now = now,
                    });
                }
            }
        }
        await c.ExecuteAsync("""
            INSERT INTO competency_certifications (id, worker_id, line_id, score, pass_mark, certified_on, expires_on, resit_count, version, created_at, updated_at)
            VALUES (@Id, @W, @L, @Score, 60, @On, @Until, 0, 1, @Now, @Now)
            """, certifications, tx);

        city.Summary.Add($"{assessments.Count:N0} finalised competency assessments ({scores.Count:N0} scores)");
        city.Summary.Add($"{certifications.Count:N0} 全岗通 certifications");
    }

    public async Task MeasureAsync(Measurement run)
    {
        await using var connection = Sample.Open(run.Options.DataFolder);
        var district = run.Sample.StreetPath[..(run.Sample.StreetPath.IndexOf('/', 8) + 1)];
        var posts = (await connection.QueryAsync<string>(
            "SELECT p.id FROM staffing_posts p JOIN staffing_org_units u ON u.id = p.org_unit_id WHERE u.path LIKE @P AND p.post_type = 'deputy' ORDER BY u.code LIMIT 5",
            new { P = district + "%" })).ToList();
        var street = await connection.QuerySingleAsync<string>("SELECT id FROM staffing_org_units WHERE path = @P", new { P = run.Sample.StreetPath });
        var cityId = await connection.QuerySingleAsync<string>("SELECT id FROM staffing_org_units WHERE parent_id IS NULL LIMIT 1");

        var ranking = posts.Select(id => $"GET /api/competency/posts/{id}/candidates?pageSize=20").ToList();
        await run.Wrk.WarmUpAsync(run.Callers.DistrictHr, ranking, run.Options.Smoke ? 1 : 10);
        run.Add(await run.Wrk.RunAsync("Candidate ranking for a deputy post, district scope", run.Callers.DistrictHr, ranking, "p95 ≤ 150 ms", 150));
        run.Add(await run.Wrk.RunAsync("Competency heat map, street", run.Callers.StreetHr, [$"GET /api/competency/heat-map?orgUnitId={street}"], "p95 ≤ 50 ms", 50));
        run.Add(await run.Wrk.RunAsync("Competency heat map, whole city", run.Callers.Admin, [$"GET /api/competency/heat-map?orgUnitId={cityId}"],
            "≤ 1 s", 1000, connections: 1, percentile: 50));
        run.Add(await run.Wrk.RunAsync("Worker competency profile with gaps", run.Callers.StreetHr,
            run.Sample.WorkerIds.Select(id => $"GET /api/competency/workers/{id}/profile").ToList(), "p95 ≤ 15 ms", 15));
    }
}
