using System.Data.Common;
using System.Diagnostics;
using Bogus;
using CommunityWorkforce.Api.Hosting;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.BuildingBlocks.Migrations;
using CommunityWorkforce.BuildingBlocks.Security;
using CommunityWorkforce.Staffing.Workers;
using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;

namespace CommunityWorkforce.Bench;

/// <summary>How big a generated city is.</summary>
internal sealed record Scale(int Communities, int Workers, double StreetShare)
{
    /// <summary>Shanghai: 16 districts, 215 streets/towns, 6,400 communities, 60,000 workers.</summary>
    public static readonly Scale City = new(6_400, 60_000, 1.0);

    /// <summary>A few seconds' worth, for the smoke run in build/test.sh.</summary>
    public static readonly Scale Smoke = new(60, 600, 0.05);
}

/// <summary>
/// Builds a city-size database through the product's own migrations, then bulk-inserts a reproducible data set:
/// org tree with households and population, posts with quotas, workers with valid ID numbers (encrypted with the data
/// folder's keys, exactly as the product stores them), five years of postings and rotation requests, and accounts.
/// </summary>
internal static class Generator
{
    public const string Password = "Bench2026cw";

    public static async Task<string> RunAsync(string dataFolder, int seed, Scale scale)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(dataFolder);
        var dbFile = Path.Combine(dataFolder, "communityworkforce.db");
        foreach (var file in Directory.GetFiles(dataFolder, "communityworkforce.db*"))
        {
            File.Delete(file);
        }
        var factory = new DbConnectionFactory(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={dbFile}" });
        new ModuleMigrator(factory, NullLogger<ModuleMigrator>.Instance).MigrateAll(ModuleCatalog.All);
        var protector = PersonalDataProtector.Load(new Dictionary<string, string>(), null, null, dataFolder);

        Randomizer.Seed = new Random(seed);
        var random = new Random(seed);
        var faker = new Faker("zh_CN");
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

        await using var connection = await factory.OpenAsync(CancellationToken.None);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=OFF;";
            await pragma.ExecuteNonQueryAsync();
        }
        await using var tx = await connection.BeginTransactionAsync();

        // Org tree.
        var units = new List<Unit>();
        var city = Add(units, null, "310000", "上海市", "city", null, null);
        var streetCount = (int)Math.Round(Geography.Districts.Sum(d => d.Streets) * scale.StreetShare);
        var streets = new List<Unit>();
        foreach (var (code, name, count) in Geography.Districts)
        {
            var district = Add(units, city, code, name, "district", null, null);
            var n = Math.Max(1, (int)Math.Round(count * scale.StreetShare));
            for (var i = 1; i <= n && streets.Count < Math.Max(streetCount, Geography.Districts.Length); i++)
            {
                streets.Add(Add(units, district, $"{code}{i:D3}", $"{faker.Address.StreetName()}街道", "street", null, null));
            }
        }
        var communities = new List<Unit>();
        for (var i = 0; i < scale.Communities; i++)
        {
            var street = streets[i % streets.Count];
            var households = random.Next(1500, 5500);
            communities.Add(Add(units, street, $"{street.Code}{communities.Count(c => c.Parent == street) + 1:D3}",
                $"{faker.Address.StreetName()}居民委员会", "community", households, (int)(households * (2.2 + random.NextDouble() * 0.5))));
        }
        var centres = streets.Select(s => Add(units, s, s.Code + "900", "社区事务受理服务中心", "centre", null, null)).ToList();
        await connection.ExecuteAsync("""
            INSERT INTO staffing_org_units (id, code, name, level, parent_id, path, depth, households, population, is_demo, status, version, created_at, updated_at)
            VALUES (@Id, @Code, @Name, @Level, @ParentId, @Path, @Depth, @Households, @Population, 0, 'active', 1, @Now, @Now)
            """, units.Select(u => new { u.Id, u.Code, u.Name, u.Level, ParentId = u.Parent?.Id, u.Path, u.Depth, u.Households, u.Population, Now = now }), tx);

        // Posts.
        var posts = new List<Post>();
        foreach (var community in communities)
        {
            posts.Add(new Post(Guid.NewGuid(), community, "head", "社区党组织书记", 1));
            posts.Add(new Post(Guid.NewGuid(), community, "head", "居委会主任", 1));
            posts.Add(new Post(Guid.NewGuid(), community, "deputy", "居委会副主任", random.Next(1, 3)));
            posts.Add(new Post(Guid.NewGuid(), community, "staff", "社区专职工作者", random.Next(5, 9)));
        }
        foreach (var centre in centres)
        {
            posts.Add(new Post(Guid.NewGuid(), centre, "head", "中心主任", 1));
            posts.Add(new Post(Guid.NewGuid(), centre, "deputy", "中心副主任", 2));
            posts.Add(new Post(Guid.NewGuid(), centre, "staff", "受理中心窗口人员", random.Next(20, 40)));
        }
        await connection.ExecuteAsync("""
            INSERT INTO staffing_posts (id, org_unit_id, post_type, title, quota, status, version, created_at, updated_at)
            VALUES (@Id, @OrgUnitId, @PostType, @Title, @Quota, 'active', 1, @Now, @Now)
            """, posts.Select(p => new { p.Id, OrgUnitId = p.Unit.Id, PostType = p.Type, p.Title, p.Quota, Now = now }), tx);

        // Workers and their current postings: fill posts in order until the worker count is reached.
        var slots = posts.SelectMany(p => Enumerable.Repeat(p, p.Quota)).OrderBy(_ => random.Next()).Take(scale.Workers).ToList();
        var workers = new List<object>(slots.Count);
        var postings = new List<object>(slots.Count * 2);
        var rotations = new List<object>();
        var grams = new List<object>();
        var current = new List<(Guid WorkerId, Guid PostingId, Post Post)>();
        var sequence = 0;
        foreach (var post in slots)
        {
            sequence++;
            // Area and sequence are unique per worker, so ID numbers never collide; the sequence's parity is the gender.
            var idSequence = sequence % 1000;
            var male = idSequence % 2 == 1;
            var birth = new DateOnly(random.Next(1966, 2001), random.Next(1, 13), random.Next(1, 29));
            var first17 = "3101" + (sequence / 1000 % 100).ToString("D2") + birth.ToString("yyyyMMdd") + idSequence.ToString("D3");
            var idNumber = first17 + CitizenId.CheckCharacter(first17);
            var secret = protector.Protect(idNumber);
            var hire = new DateOnly(Math.Min(2025, Math.Max(birth.Year + 21, random.Next(2006, 2026))), random.Next(1, 13), random.Next(1, 29));
            var workerId = Guid.NewGuid();
            var phone = "1" + random.Next(3, 10) + random.Next(100_000_000, 999_999_999).ToString();
            var name = faker.Name.LastName() + faker.Name.FirstName();
            grams.AddRange(RosterSearch.Grams(name).Select(g => new { Gram = g, OrgPath = post.Unit.Path, StaffNo = $"SH{sequence:D6}", WorkerId = workerId }));
            workers.Add(new
            {
                Id = workerId, StaffNo = $"SH{sequence:D6}", Name = name,
                IdNumberCipher = secret.Cipher, IdNumberKeyId = secret.KeyId, IdNumberHash = secret.Hash,
                IdNumberMasked = CitizenId.Mask(idNumber), BirthDate = birth, Gender = male ? "1" : "2",
                EthnicGroup = random.Next(100) < 97 ? "01" : random.Next(2, 57).ToString("D2"),
                PoliticalStatus = random.Next(100) switch { < 45 => "01", < 60 => "03", < 62 => "12", _ => "13" },
                Education = random.Next(100) switch { < 8 => "14", < 60 => "21", < 92 => "31", _ => "61" },
                Phone = phone, PhoneLast4 = phone[^4..], OrgPath = post.Unit.Path,
                HireDate = hire, ServiceStartDate = random.Next(100) < 20 ? hire.AddYears(-random.Next(1, 6)) : hire,
                OrgUnitId = post.Unit.Id, Now = now,
            });
            var startedOn = hire;
            if (random.Next(100) < 30 && today.DayNumber - hire.DayNumber > 800)
            {
                // An earlier posting in the same street, ended by an approved rotation.
                startedOn = hire.AddDays(random.Next(365, today.DayNumber - hire.DayNumber - 30));
                var earlierPost = posts[random.Next(posts.Count)];
                var earlierId = Guid.NewGuid();
                var currentId = Guid.NewGuid();
                postings.Add(Posting(earlierId, workerId, earlierPost.Id, hire, startedOn.AddDays(-1), "hire", "rotation", now));
                postings.Add(Posting(currentId, workerId, post.Id, startedOn, null, "rotation", null, now));
                rotations.Add(Rotation(workerId, earlierId, post.Id, startedOn, "approved", currentId, now));
                current.Add((workerId, currentId, post));
            }
            else
            {
                var currentId = Guid.NewGuid();
                postings.Add(Posting(currentId, workerId, post.Id, startedOn, null, "hire", null, now));
                current.Add((workerId, currentId, post));
            }
        }
        // Pending requests waiting for leaders: about 1% of the workforce.
        var staffPosts = posts.Where(p => p.Type == "staff").ToList();
        foreach (var (workerId, postingId, post) in current.OrderBy(_ => random.Next()).Take(Math.Max(5, scale.Workers / 100)))
        {
            var target = staffPosts[random.Next(staffPosts.Count)];
            rotations.Add(Rotation(workerId, postingId, target.Id, today.AddDays(random.Next(10, 60)), "submitted", null, now));
        }

        await connection.ExecuteAsync("""
            INSERT INTO staffing_workers (id, staff_no, name, id_number_cipher, id_number_key_id, id_number_hash, id_number_masked,
                birth_date, gender, ethnic_group, political_status, education, phone, phone_last4, hire_date, service_start_date, status,
                org_unit_id, org_path, is_demo, version, created_at, updated_at)
            VALUES (@Id, @StaffNo, @Name, @IdNumberCipher, @IdNumberKeyId, @IdNumberHash, @IdNumberMasked, @BirthDate, @Gender,
                @EthnicGroup, @PoliticalStatus, @Education, @Phone, @PhoneLast4, @HireDate, @ServiceStartDate, 'active', @OrgUnitId,
                @OrgPath, 0, 1, @Now, @Now)
            """, workers, tx);
        await connection.ExecuteAsync("INSERT INTO staffing_worker_name_grams (gram, org_path, staff_no, status, worker_id) VALUES (@Gram, @OrgPath, @StaffNo, 'active', @WorkerId)", grams, tx);
        await connection.ExecuteAsync("""
            INSERT INTO staffing_postings (id, worker_id, post_id, started_on, ended_on, reason, end_reason, is_primary, version, created_at, updated_at)
            VALUES (@Id, @WorkerId, @PostId, @StartedOn, @EndedOn, @Reason, @EndReason, @IsPrimary, 1, @Now, @Now)
            """, postings, tx);
        await connection.ExecuteAsync("""
            INSERT INTO staffing_rotation_requests (id, worker_id, from_posting_id, to_post_id, reason, proposed_on, status,
                requested_by_name, requested_role, submitted_at, decided_by_name, decided_at, new_posting_id, version, created_at, updated_at)
            VALUES (@Id, @WorkerId, @FromPostingId, @ToPostId, '轮岗交流', @ProposedOn, @Status, 'bench', 'hr', @Now,
                @DecidedByName, @DecidedAt, @NewPostingId, 1, @Now, @Now)
            """, rotations, tx);
        await connection.ExecuteAsync("UPDATE staffing_counters SET value = @Value WHERE name = 'staff_no'", new { Value = sequence }, tx);

        // Accounts: admin, an HR officer per district, an HR officer and a leader per street, one per sampled worker.
        var hash = new PasswordHasher<object>().HashPassword(new object(), Password);
        var accounts = new List<object> { Account("admin", "系统管理员", "admin", null, null, hash, now) };
        foreach (var district in units.Where(u => u.Level == "district"))
        {
            accounts.Add(Account($"hr.{district.Code}", $"{district.Name}人事专员", "hr", district.Id, null, hash, now));
        }
        foreach (var street in streets)
        {
            accounts.Add(Account($"hr.{street.Code}", $"{street.Name}人事专员", "hr", street.Id, null, hash, now));
            accounts.Add(Account($"leader.{street.Code}", $"{street.Name}领导", "leader", street.Id, null, hash, now));
        }
        foreach (var (workerId, _, post) in current.Take(100))
        {
            accounts.Add(Account($"worker.{accounts.Count}", "社工", "worker", post.Unit.Id, workerId, hash, now));
        }
        await connection.ExecuteAsync("""
            INSERT INTO access_accounts (id, user_name, display_name, role, org_unit_id, worker_id, password_hash, disabled,
                must_change_password, failed_sign_ins, version, created_at, updated_at)
            VALUES (@Id, @UserName, @DisplayName, @Role, @OrgUnitId, @WorkerId, @PasswordHash, 0, 0, 0, 1, @Now, @Now)
            """, accounts, tx);
        await tx.CommitAsync();
        await using (var analyze = connection.CreateCommand())
        {
            analyze.CommandText = "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);";
            await analyze.ExecuteNonQueryAsync();
        }
        return $"{units.Count:N0} org units ({streets.Count} streets, {communities.Count:N0} communities), {posts.Count:N0} posts, " +
               $"{workers.Count:N0} workers, {postings.Count:N0} postings, {rotations.Count:N0} rotation requests, {accounts.Count:N0} accounts " +
               $"in {clock.Elapsed.TotalSeconds:F1} s";
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

    private static object Account(string userName, string displayName, string role, Guid? orgUnitId, Guid? workerId, string hash, DateTimeOffset now) =>
        new { Id = Guid.NewGuid(), UserName = userName, DisplayName = displayName, Role = role, OrgUnitId = orgUnitId, WorkerId = workerId, PasswordHash = hash, Now = now };

    private static Unit Add(List<Unit> units, Unit? parent, string code, string name, string level, int? households, int? population)
    {
        var path = (parent?.Path ?? "/") + code + "/";
        var unit = new Unit(Guid.NewGuid(), parent, code, name, level, path, path.Count(c => c == '/') - 1, households, population);
        units.Add(unit);
        return unit;
    }

    internal sealed record Unit(Guid Id, Unit? Parent, string Code, string Name, string Level, string Path, int Depth, int? Households, int? Population);

    internal sealed record Post(Guid Id, Unit Unit, string Type, string Title, int Quota);
}
