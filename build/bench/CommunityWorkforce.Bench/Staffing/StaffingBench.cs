using CommunityWorkforce.Staffing.Workers;
using Dapper;

namespace CommunityWorkforce.Bench;

/// <summary>
/// Staffing's part of the benchmark. Data: the org tree with households and population, posts with quotas, workers with
/// valid ID numbers (encrypted with the data folder's keys, as the product stores them), five years of postings and
/// rotation requests. Scenarios: the roster in a street, a district and the whole city (list, name, staff number,
/// filters) with the API/raw ratio, the worker profile, org tree, headcount, the leader's inbox, writes, Excel.
/// </summary>
internal sealed class StaffingBench : IBenchModule
{
    public string Name => "Staffing";

    public async Task GenerateAsync(GeneratedCity city)
    {
        // Org tree.
        var shanghai = Add(city.Units, null, "310000", "上海市", "city", null, null);
        var streetCount = (int)Math.Round(Geography.Districts.Sum(d => d.Streets) * city.Scale.StreetShare);
        var streets = new List<Unit>();
        foreach (var (code, name, count) in Geography.Districts)
        {
            var district = Add(city.Units, shanghai, code, name, "district", null, null);
            var n = Math.Max(1, (int)Math.Round(count * city.Scale.StreetShare));
            for (var i = 1; i <= n && streets.Count < Math.Max(streetCount, Geography.Districts.Length); i++)
            {
                streets.Add(Add(city.Units, district, $"{code}{i:D3}", $"{city.Faker.Address.StreetName()}街道", "street", null, null));
            }
        }
        var communities = new List<Unit>();
        for (var i = 0; i < city.Scale.Communities; i++)
        {
            var street = streets[i % streets.Count];
            var households = city.Random.Next(1500, 5500);
            communities.Add(Add(city.Units, street, $"{street.Code}{communities.Count(c => c.Parent == street) + 1:D3}",
                $"{city.Faker.Address.StreetName()}居民委员会", "community", households, (int)(households * (2.2 + city.Random.NextDouble() * 0.5))));
        }
        var centres = streets.Select(s => Add(city.Units, s, s.Code + "900", "社区事务受理服务中心", "centre", null, null)).ToList();
        await city.Connection.ExecuteAsync("""
            INSERT INTO staffing_org_units (id, code, name, level, parent_id, path, depth, households, population, is_demo, status, version, created_at, updated_at)
            VALUES (@Id, @Code, @Name, @Level, @ParentId, @Path, @Depth, @Households, @Population, 0, 'active', 1, @Now, @Now)
            """, city.Units.Select(u => new { u.Id, u.Code, u.Name, u.Level, ParentId = u.Parent?.Id, u.Path, u.Depth, u.Households, u.Population, Now = city.Now }), city.Transaction);

        // Posts.
        var posts = city.Posts;
        foreach (var community in communities)
        {
            posts.Add(new Post(Guid.NewGuid(), community, "head", "社区党组织书记", 1));
            posts.Add(new Post(Guid.NewGuid(), community, "head", "居委会主任", 1));
            posts.Add(new Post(Guid.NewGuid(), community, "deputy", "居委会副主任", city.Random.Next(1, 3)));
            posts.Add(new Post(Guid.NewGuid(), community, "staff", "社区专职工作者", city.Random.Next(5, 9)));
        }
        foreach (var centre in centres)
        {
            posts.Add(new Post(Guid.NewGuid(), centre, "head", "中心主任", 1));
            posts.Add(new Post(Guid.NewGuid(), centre, "deputy", "中心副主任", 2));
            posts.Add(new Post(Guid.NewGuid(), centre, "staff", "受理中心窗口人员", city.Random.Next(20, 40)));
        }
        await city.Connection.ExecuteAsync("""
            INSERT INTO staffing_posts (id, org_unit_id, post_type, title, quota, status, version, created_at, updated_at)
            VALUES (@Id, @OrgUnitId, @PostType, @Title, @Quota, 'active', 1, @Now, @Now)
            """, posts.Select(p => new { p.Id, OrgUnitId = p.Unit.Id, PostType = p.Type, p.Title, p.Quota, Now = city.Now }), city.Transaction);

        // Workers and their current postings: fill posts in order until the worker count is reached.
        var slots = posts.SelectMany(p => Enumerable.Repeat(p, p.Quota)).OrderBy(_ => city.Random.Next()).Take(city.Scale.Workers).ToList();
        var workers = new List<object>(slots.Count);
        var postings = new List<object>(slots.Count * 2);
        var rotations = new List<object>();
        var grams = new List<object>();
        var current = city.Workers;
        var sequence = 0;
        foreach (var post in slots)
        {
            sequence++;
            // Area and sequence are unique per worker, so ID numbers never collide; the sequence's parity is the gender.
            var idSequence = sequence % 1000;
            var male = idSequence % 2 == 1;
            var birth = new DateOnly(city.Random.Next(1966, 2001), city.Random.Next(1, 13), city.Random.Next(1, 29));
            var first17 = "3101" + (sequence / 1000 % 100).ToString("D2") + birth.ToString("yyyyMMdd") + idSequence.ToString("D3");
            var idNumber = first17 + CitizenId.CheckCharacter(first17);
            var secret = city.Protector.Protect(idNumber);
            var hire = new DateOnly(Math.Min(2025, Math.Max(birth.Year + 21, city.Random.Next(2006, 2026))), city.Random.Next(1, 13), city.Random.Next(1, 29));
            var workerId = Guid.NewGuid();
            var phone = "1" + city.Random.Next(3, 10) + city.Random.Next(100_000_000, 999_999_999).ToString();
            var name = city.Faker.Name.LastName() + city.Faker.Name.FirstName();
            grams.AddRange(RosterSearch.Grams(name).Select(g => new { Gram = g, StreetPath = RosterIndex.StreetPathOf(post.Unit.Path), StaffNo = $"SH{sequence:D6}", WorkerId = workerId }));
            workers.Add(new
            {
                Id = workerId, StaffNo = $"SH{sequence:D6}", Name = name,
                IdNumberCipher = secret.Cipher, IdNumberKeyId = secret.KeyId, IdNumberHash = secret.Hash,
                IdNumberMasked = CitizenId.Mask(idNumber), BirthDate = birth, Gender = male ? "1" : "2",
                EthnicGroup = city.Random.Next(100) < 97 ? "01" : city.Random.Next(2, 57).ToString("D2"),
                PoliticalStatus = city.Random.Next(100) switch { < 45 => "01", < 60 => "03", < 62 => "12", _ => "13" },
                Education = city.Random.Next(100) switch { < 8 => "14", < 60 => "21", < 92 => "31", _ => "61" },
                Phone = phone, PhoneLast4 = phone[^4..], OrgPath = post.Unit.Path,
                HireDate = hire, ServiceStartDate = city.Random.Next(100) < 20 ? hire.AddYears(-city.Random.Next(1, 6)) : hire,
                OrgUnitId = post.Unit.Id, Now = city.Now,
            });
            var startedOn = hire;
            if (city.Random.Next(100) < 30 && city.Today.DayNumber - hire.DayNumber > 800)
            {
                // An earlier posting in the same street, ended by an approved rotation.
                startedOn = hire.AddDays(city.Random.Next(365, city.Today.DayNumber - hire.DayNumber - 30));
                var earlierPost = posts[city.Random.Next(posts.Count)];
                var earlierId = Guid.NewGuid();
                var currentId = Guid.NewGuid();
                postings.Add(Posting(earlierId, workerId, earlierPost.Id, hire, startedOn.AddDays(-1), "hire", "rotation", city.Now));
                postings.Add(Posting(currentId, workerId, post.Id, startedOn, null, "rotation", null, city.Now));
                rotations.Add(Rotation(workerId, earlierId, post.Id, startedOn, "approved", currentId, city.Now));
                current.Add((workerId, currentId, post));
            }
            else
            {
                var currentId = Guid.NewGuid();
                postings.Add(Posting(currentId, workerId, post.Id, startedOn, null, "hire", null, city.Now));
                current.Add((workerId, currentId, post));
            }
        }
        // Pending requests waiting for leaders: about 1% of the workforce.
        var staffPosts = posts.Where(p => p.Type == "staff").ToList();
        foreach (var (workerId, postingId, post) in current.OrderBy(_ => city.Random.Next()).Take(Math.Max(5, city.Scale.Workers / 100)))
        {
            var target = staffPosts[city.Random.Next(staffPosts.Count)];
            rotations.Add(Rotation(workerId, postingId, target.Id, city.Today.AddDays(city.Random.Next(10, 60)), "submitted", null, city.Now));
        }

        await city.Connection.ExecuteAsync("""
            INSERT INTO staffing_workers (id, staff_no, name, id_number_cipher, id_number_key_id, id_number_hash, id_number_masked,
                birth_date, gender, ethnic_group, political_status, education, phone, phone_last4, hire_date, service_start_date, status,
                org_unit_id, org_path, is_demo, version, created_at, updated_at)
            VALUES (@Id, @StaffNo, @Name, @IdNumberCipher, @IdNumberKeyId, @IdNumberHash, @IdNumberMasked, @BirthDate, @Gender,
                @EthnicGroup, @PoliticalStatus, @Education, @Phone, @PhoneLast4, @HireDate, @ServiceStartDate, 'active', @OrgUnitId,
                @OrgPath, 0, 1, @Now, @Now)
            """, workers, city.Transaction);
        await city.Connection.ExecuteAsync("INSERT INTO staffing_worker_name_grams (gram, street_path, staff_no, status, worker_id) VALUES (@Gram, @StreetPath, @StaffNo, 'active', @WorkerId)", grams, city.Transaction);
        await city.Connection.ExecuteAsync("""
            INSERT INTO staffing_postings (id, worker_id, post_id, started_on, ended_on, reason, end_reason, is_primary, version, created_at, updated_at)
            VALUES (@Id, @WorkerId, @PostId, @StartedOn, @EndedOn, @Reason, @EndReason, @IsPrimary, 1, @Now, @Now)
            """, postings, city.Transaction);
        await city.Connection.ExecuteAsync("""
            INSERT INTO staffing_rotation_requests (id, worker_id, from_posting_id, to_post_id, reason, proposed_on, status,
                requested_by_name, requested_role, submitted_at, decided_by_name, decided_at, new_posting_id, version, created_at, updated_at)
            VALUES (@Id, @WorkerId, @FromPostingId, @ToPostId, '轮岗交流', @ProposedOn, @Status, 'bench', 'hr', @Now,
                @DecidedByName, @DecidedAt, @NewPostingId, 1, @Now, @Now)
            """, rotations, city.Transaction);
        await city.Connection.ExecuteAsync("UPDATE staffing_counters SET value = @Value WHERE name = 'staff_no'", new { Value = sequence }, city.Transaction);
        await city.Connection.ExecuteAsync(WorkerSql.RefreshAllPostTypes, transaction: city.Transaction);

        city.Summary.Add($"{city.Units.Count:N0} org units ({streets.Count} streets, {communities.Count:N0} communities)");
        city.Summary.Add($"{posts.Count:N0} posts");
        city.Summary.Add($"{workers.Count:N0} workers");
        city.Summary.Add($"{postings.Count:N0} postings");
        city.Summary.Add($"{rotations.Count:N0} rotation requests");
    }

    public async Task MeasureAsync(Measurement run)
    {
        string Roster(string query) => "GET /api/staffing/workers?" + query;
        var streetList = Enumerable.Range(1, 5).Select(p => Roster($"page={p}&pageSize=20")).ToList();
        // .NET compiles hot code twice (tiered compilation with dynamic PGO): for the first ~15 s under load much of it
        // runs unoptimised. Warm the host up on the roster's requests first, so that no scenario measures the JIT.
        var warmUp = streetList.Concat(run.Sample.NameFragments.Select(f => Roster("q=" + Uri.EscapeDataString(f))))
            .Concat(run.Sample.StaffNoPrefixes.Select(s => Roster("q=" + s)))
            .Concat([Roster("postType=staff&education=20"), Roster("postType=head"), Roster("ageMin=40&ageMax=50")]).ToList();
        await run.Wrk.WarmUpAsync(run.Callers.StreetHr, warmUp, run.Options.Smoke ? 1 : 15);
        await run.Wrk.WarmUpAsync(run.Callers.Admin, warmUp, run.Options.Smoke ? 1 : 5);
        var listResult = await run.Wrk.RunAsync("Roster list, street scope", run.Callers.StreetHr, streetList, "p95 ≤ 25 ms", p95Ms: 25);
        run.Add(listResult);
        run.Add(await run.Wrk.RunAsync("Roster search by name, street scope", run.Callers.StreetHr, run.Sample.NameFragments.Select(f => Roster("q=" + Uri.EscapeDataString(f))).ToList(), "p95 ≤ 25 ms", 25));
        run.Add(await run.Wrk.RunAsync("Roster search by staff number, street scope", run.Callers.StreetHr, run.Sample.StaffNoPrefixes.Select(s => Roster("q=" + s)).ToList(), "p95 ≤ 25 ms", 25));
        run.Add(await run.Wrk.RunAsync("Roster filters (post type + education), street", run.Callers.StreetHr, [Roster("postType=staff&education=20"), Roster("postType=head"), Roster("ageMin=40&ageMax=50")], "p95 ≤ 25 ms", 25));
        run.Add(await run.Wrk.RunAsync("Roster list, district scope", run.Callers.DistrictHr, streetList, "p95 ≤ 25 ms", 25));
        run.Add(await run.Wrk.RunAsync("Roster search by name, district scope", run.Callers.DistrictHr, run.Sample.NameFragments.Select(f => Roster("q=" + Uri.EscapeDataString(f))).ToList(), "p95 ≤ 25 ms", 25));
        var cityList = await run.Wrk.RunAsync("Roster list, whole city", run.Callers.Admin, streetList, "p95 ≤ 25 ms", 25);
        run.Add(cityList);
        var citySearch = await run.Wrk.RunAsync("Roster search by name, whole city", run.Callers.Admin, run.Sample.NameFragments.Select(f => Roster("q=" + Uri.EscapeDataString(f))).ToList(), "p95 ≤ 25 ms", 25);
        run.Add(citySearch);
        run.Add(await run.Wrk.RunAsync("Roster search by staff number, whole city", run.Callers.Admin, run.Sample.StaffNoPrefixes.Select(s => Roster("q=" + s)).ToList(), "p95 ≤ 25 ms", 25));

        // API vs the same SQL through Dapper in-process, same concurrency: the street list's first page (the API's
        // scenario pages through five), and the city name search on each of the API scenario's name fragments drawn at
        // random (until session 16 the raw loop searched only the first fragment, whose rows stayed in every connection's
        // page cache while the API's fifteen fragments' rows did not: the ratio compared different work).
        foreach (var (name, api, scope, queries) in new[]
        {
            ("street list", listResult, run.Sample.StreetPath + "%", (IReadOnlyList<string?>)[null]),
            ("city name search", citySearch, "/%", run.Sample.NameFragments.Select(f => (string?)f).ToList()),
        })
        {
            var raw = await RawRoster.RunAsync(run.Options.DataFolder, scope, queries, run.Connections, run.Duration);
            var ratio = api.RequestsPerSecond / raw;
            run.Add(new Result($"API/raw ratio, {name}", $"{run.Connections} connections", raw, null, null, "≥ 0.6", ratio >= 0.6,
                $"raw Dapper {raw:F0} req/s, API {api.RequestsPerSecond:F0} req/s, ratio {ratio:F2}"));
        }

        var profilePaths = run.Sample.WorkerIds.SelectMany(id => new[] { $"GET /api/staffing/workers/{id}", $"GET /api/staffing/workers/{id}/postings" }).ToList();
        run.Add(await run.Wrk.RunAsync("Worker profile + postings", run.Callers.StreetHr, profilePaths, "p95 ≤ 15 ms", 15));
        run.Add(await run.Wrk.RunAsync("Org tree, street", run.Callers.StreetHr, ["GET /api/staffing/org-units/tree"], "—", null));
        run.Add(await run.Wrk.RunAsync("Org tree, whole city", run.Callers.Admin, ["GET /api/staffing/org-units/tree"], "—", null, connections: 2));
        run.Add(await run.Wrk.RunAsync("Headcount summary, whole city", run.Callers.Admin, ["GET /api/staffing/headcount"], "≤ 300 ms", 300, connections: 1, percentile: 50));
        run.Add(await run.Wrk.RunAsync("Headcount summary, street", run.Callers.StreetHr, ["GET /api/staffing/headcount"], "—", null));
        run.Add(await run.Wrk.RunAsync("Leader approval inbox", run.Callers.Leader, ["GET /api/staffing/rotation-requests?status=submitted", "GET /api/staffing/rotation-requests/counts"], "—", null));
        foreach (var result in await Writes.RunAsync(run.Http, run.Callers.DistrictHr, run.Sample, run.Connections, run.Options.Smoke ? 20 : 5_000))
        {
            run.Add(result);
        }
        // District HR imports into another street of the district (Sample.ImportCommunityCodes), so that the bench street
        // stays street-sized for the scenarios after this one.
        run.Add(await Excel.ImportAsync(run.Http, run.Callers.DistrictHr, run.Sample, run.Options.Smoke ? 200 : 10_000, run.Rss));
        run.Add(await Excel.ExportAsync(run.Http, run.Callers.Admin, run.Rss));
    }

    private static object Posting(Guid id, Guid workerId, Guid postId, DateOnly startedOn, DateOnly? endedOn, string reason, string? endReason, DateTimeOffset now) =>
        new { Id = id, WorkerId = workerId, PostId = postId, StartedOn = startedOn, EndedOn = endedOn, Reason = reason, EndReason = endReason, IsPrimary = true, Now = now };

    private static object Rotation(Guid workerId, Guid fromPostingId, Guid toPostId, DateOnly proposedOn, string status, Guid? newPostingId, DateTimeOffset now) =>
        new
        {
            Id = Guid.NewGuid(), WorkerId = workerId, FromPostingId = fromPostingId, ToPostId = toPostId, ProposedOn = proposedOn, Status = status,
            DecidedByName = status == "approved" ? "bench" : null, DecidedAt = status == "approved" ? now : (DateTimeOffset?)null,
            NewPostingId = newPostingId, Now = now,
        };

    private static Unit Add(List<Unit> units, Unit? parent, string code, string name, string level, int? households, int? population)
    {
        var path = (parent?.Path ?? "/") + code + "/";
        var unit = new Unit(Guid.NewGuid(), parent, code, name, level, path, path.Count(c => c == '/') - 1, households, population);
        units.Add(unit);
        return unit;
    }
}
