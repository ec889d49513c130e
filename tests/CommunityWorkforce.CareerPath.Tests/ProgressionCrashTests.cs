using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CommunityWorkforce.TestKit;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CommunityWorkforce.CareerPath.Tests;

/// <summary>
/// The host as its own process, killed (SIGKILL) while it applies a large progression run: after a restart on the same
/// data folder the run is applied wholly or not at all, and it can then be applied exactly once.
/// </summary>
[TestFixture]
public sealed class ProgressionCrashTests
{
    private const int ExtraWorkers = 12_000;
    private TempDataFolder _data = null!;

    [SetUp]
    public void NewDataFolder() => _data = new TempDataFolder("cw-career-crash");

    [TearDown]
    public void RemoveDataFolder() => _data.Dispose();

    private string DatabaseFile => _data.DatabaseFile;

    private SqliteConnection OpenDirect()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabaseFile, Pooling = false, DefaultTimeout = 60 }.ToString());
        connection.Open();
        return connection;
    }

    private long Count(string sql, object? param = null)
    {
        using var connection = OpenDirect();
        return connection.ExecuteScalar<long>(sql, param);
    }

    /// <summary>
    /// Test data straight into the file (the API would take minutes for this many): copies of a demo worker of 临汾路, each
    /// with a staff grade in force since 2015, so that the run steps every one of them.
    /// </summary>
    private void AddWorkersDueToStep()
    {
        using var connection = OpenDirect();
        using var tx = connection.BeginTransaction();
        connection.Execute("""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @Count)
            INSERT INTO staffing_workers (id, staff_no, name, id_number_cipher, id_number_key_id, id_number_hash, id_number_masked, birth_date, gender,
                ethnic_group, political_status, education, phone, hire_date, service_start_date, status, org_unit_id, is_demo, version, created_at, updated_at)
            SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-A' || substr(hex(randomblob(2)), 2)
                       || '-' || hex(randomblob(6))),
                   'KX' || printf('%06d', n.i), '晋级压测' || n.i, w.id_number_cipher, w.id_number_key_id, 'career-crash-' || n.i, w.id_number_masked,
                   w.birth_date, w.gender, w.ethnic_group, w.political_status, w.education, NULL, w.hire_date, '2010-01-01', 'active', w.org_unit_id, 0, 1,
                   w.created_at, w.updated_at
            FROM n, (SELECT * FROM staffing_workers WHERE staff_no = 'CW000002') w
            """, new { Count = ExtraWorkers }, tx);
        connection.Execute("""
            INSERT INTO career_grade_history (id, worker_id, post_type, level, from_date, reason, reason_code, source_id, is_current, created_by, created_at)
            SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-A' || substr(hex(randomblob(2)), 2)
                       || '-' || hex(randomblob(6))),
                   w.id, 'staff', 3, '2015-01-01', '压测定级', 'initial', NULL, 1, 'test', '2026-01-01T00:00:00+00:00'
            FROM staffing_workers w WHERE w.staff_no LIKE 'KX%'
            """, transaction: tx);
        tx.Commit();
    }

    private long GradesOfRun(Guid runId) =>
        Count("SELECT COUNT(*) FROM career_grade_history WHERE upper(source_id) = upper(@Id)", new { Id = runId.ToString() });

    private long AppliedResults(Guid runId) =>
        Count("SELECT COUNT(*) FROM career_progression_results WHERE upper(run_id) = upper(@Id) AND applied = 1", new { Id = runId.ToString() });

    private long WorkersWithoutCurrentGrade() => Count("""
        SELECT COUNT(*) FROM staffing_workers w
        WHERE w.staff_no LIKE 'KX%' AND NOT EXISTS (SELECT 1 FROM career_grade_history h WHERE h.worker_id = w.id AND h.is_current = 1)
        """);

    [Test]
    public async Task Killing_the_host_while_it_applies_a_large_run_leaves_it_wholly_applied_or_not_at_all_and_it_applies_once_after_restart()
    {
        Guid runId;
        int steps;
        var killedMidway = false;
        using (var host = await HostProcess.StartAsync(_data.Path))
        {
            AddWorkersDueToStep();
            using var hr = await host.ClientFor("hr.linfen");
            var run = await hr.PostAsJsonAsync("/api/career/progression-runs", new { asOf = CareerData.Today }).Ok(HttpStatusCode.Created);
            runId = run.Id();
            steps = run.Int("steps");
            Assert.That(steps, Is.GreaterThanOrEqualTo(ExtraWorkers), "every copied worker is due to step");
            var clock = Stopwatch.StartNew();
            var apply = hr.PostAsJsonAsync($"/api/career/progression-runs/{runId}/apply", new { version = run.Int("version") });
            await Task.WhenAny(apply, Task.Delay(250));
            killedMidway = !apply.IsCompleted;
            host.Kill();
            try
            {
                using var _ = await apply;
            }
            catch (HttpRequestException)
            {
                // The connection died with the host: expected.
            }
            await TestContext.Out.WriteLineAsync($"run of {steps} steps; killed {(killedMidway ? "mid-request" : "after the response")} at {clock.ElapsedMilliseconds} ms");
        }

        using (var afterKill = OpenDirect())
        {
            Assert.That(afterKill.ExecuteScalar<string>("PRAGMA integrity_check"), Is.EqualTo("ok"));
        }
        using (var host = await HostProcess.StartAsync(_data.Path))
        {
            using var hr = await host.ClientFor("hr.linfen");
            var status = (await hr.GetJson($"/api/career/progression-runs/{runId}")).Str("status");
            var grades = GradesOfRun(runId);
            Assert.That(WorkersWithoutCurrentGrade(), Is.Zero, "every worker still has exactly one grade in force");
            if (status == "applied")
            {
                // Applied whole: the commit came before the kill (the kill may still precede the response reaching us).
                Assert.That(grades, Is.EqualTo(steps).And.EqualTo(AppliedResults(runId)));
            }
            else
            {
                Assert.That(status, Is.EqualTo("previewed"));
                Assert.That((grades, AppliedResults(runId)), Is.EqualTo((0L, 0L)), "nothing of the run survives a killed apply");
                Assert.That(Count("SELECT COUNT(*) FROM career_grade_history h JOIN staffing_workers w ON w.id = h.worker_id WHERE w.staff_no LIKE 'KX%' AND h.is_current = 1 AND h.level = 3"),
                    Is.EqualTo(ExtraWorkers), "the copied workers are still at level 3");
                var version = (await hr.GetJson($"/api/career/progression-runs/{runId}")).Int("version");
                var applied = await hr.PostAsJsonAsync($"/api/career/progression-runs/{runId}/apply", new { version }).Ok();
                Assert.That(applied.Str("status"), Is.EqualTo("applied"));
                Assert.That(GradesOfRun(runId), Is.EqualTo(steps).And.EqualTo(AppliedResults(runId)));
            }
            var again = await hr.PostAsJsonAsync($"/api/career/progression-runs/{runId}/apply",
                new { version = (await hr.GetJson($"/api/career/progression-runs/{runId}")).Int("version") });
            await ProblemAssert.IsProblem(again, HttpStatusCode.Conflict);
            Assert.That(GradesOfRun(runId), Is.EqualTo(steps), "applied exactly once");
            Assert.That(Count("SELECT COUNT(*) FROM career_grade_history h JOIN staffing_workers w ON w.id = h.worker_id WHERE w.staff_no LIKE 'KX%' AND h.is_current = 1 AND h.level = 4"),
                Is.EqualTo(ExtraWorkers));
        }
        using var check = OpenDirect();
        Assert.That(check.ExecuteScalar<string>("PRAGMA integrity_check"), Is.EqualTo("ok"));
    }
}
