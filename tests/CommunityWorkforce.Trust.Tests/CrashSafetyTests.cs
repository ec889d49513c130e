using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using CommunityWorkforce.TestKit;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CommunityWorkforce.Trust.Tests;

/// <summary>
/// The real host as a separate process, killed (SIGKILL) in the middle of writes; after a restart on the same data
/// folder nothing is half-written and the database is intact.
/// </summary>
[TestFixture]
public sealed class CrashSafetyTests
{
    private TempDataFolder _data = null!;

    [SetUp]
    public void NewDataFolder() => _data = new TempDataFolder("cw-trust-crash");

    [TearDown]
    public void RemoveDataFolder() => _data.Dispose();

    private string DatabaseFile => _data.DatabaseFile;

    [Test]
    public async Task Killing_the_host_during_a_large_import_leaves_all_or_nothing_and_the_import_can_be_rerun()
    {
        const int rows = 10_000;
        var sheet = TrustData.Sheet(Enumerable.Range(0, rows).Select(_ => TrustData.SheetRow(TrustData.NewIdNumber(), TrustData.LinfenCode + "002")));
        long before;
        var killedMidway = false;
        using (var host = await HostProcess.StartAsync(_data.Path))
        {
            using var hr = await host.ClientFor("hr.linfen");
            before = Count("SELECT COUNT(*) FROM staffing_workers");
            var upload = hr.PostAsync("/api/staffing/workers/import", TrustData.Upload(sheet));
            await Task.WhenAny(upload, Task.Delay(300));
            killedMidway = !upload.IsCompleted;
            host.Kill();
            try
            {
                using var _ = await upload;
            }
            catch (HttpRequestException)
            {
                // The connection died with the host: expected.
            }
        }

        Assert.That(IntegrityCheck(), Is.EqualTo("ok"));
        using (var host = await HostProcess.StartAsync(_data.Path))
        {
            var after = Count("SELECT COUNT(*) FROM staffing_workers");
            Assert.That(after, Is.EqualTo(before).Or.EqualTo(before + rows), "no partial import survives the crash");
            AssertNoOrphans();
            using var hr = await host.ClientFor("hr.linfen");
            var rerun = await hr.PostAsync("/api/staffing/workers/import", TrustData.Upload(sheet));
            var body = await rerun.Content.ReadAsStringAsync();
            if (after == before)
            {
                Assert.That(rerun.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
                Assert.That(Count("SELECT COUNT(*) FROM staffing_workers"), Is.EqualTo(before + rows));
            }
            else
            {
                Assert.That(killedMidway, Is.False, "the kill came before the response, yet the import committed: check the timing");
                Assert.That(rerun.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity), body);
            }
            await TestContext.Out.WriteLineAsync($"import crash: killed {(killedMidway ? "mid-request" : "after the response")}; workers {before} → {after} → {Count("SELECT COUNT(*) FROM staffing_workers")}");
        }
        Assert.That(IntegrityCheck(), Is.EqualTo("ok"));
    }

    [Test]
    public async Task Killing_the_host_during_a_burst_of_writes_loses_no_acknowledged_write_and_leaves_no_partial_one()
    {
        var acknowledged = new List<Guid>();
        long before;
        List<(Guid Id, int Version, long Audits)> touched;
        using (var host = await HostProcess.StartAsync(_data.Path))
        {
            using var hr = await host.ClientFor("hr.linfen");
            var community = await OrgTree.IdByCode(hr, TrustData.LinfenCode + "001");
            var existing = (await hr.GetJson("/api/staffing/workers?pageSize=50")).GetProperty("items").EnumerateArray()
                .Select(w => (Id: w.Id(), Version: w.GetProperty("version").GetInt32())).ToList();
            before = Count("SELECT COUNT(*) FROM staffing_workers");
            touched = existing.Select(w => (w.Id, w.Version, UpdateAudits(w.Id))).ToList();
            var calls = Enumerable.Range(0, 200).Select(async i =>
            {
                try
                {
                    if (i % 2 == 0)
                    {
                        using var created = await hr.PostAsJsonAsync("/api/staffing/workers", TrustData.WorkerBody(community));
                        if (created.StatusCode == HttpStatusCode.Created)
                        {
                            var id = (await created.ReadJson()).Id();
                            lock (acknowledged)
                            {
                                acknowledged.Add(id);
                            }
                        }
                    }
                    else
                    {
                        var (id, version) = existing[i / 2 % existing.Count];
                        using var _ = await hr.PutAsJsonAsync($"/api/staffing/workers/{id}", new
                        {
                            name = TrustData.UniqueName("崩溃"), ethnicGroup = "01", politicalStatus = "13", education = "21",
                            hireDate = "2020-01-01", serviceStartDate = "2019-01-01", version,
                        });
                    }
                }
                catch (HttpRequestException)
                {
                    // In flight when the host died.
                }
                catch (TaskCanceledException)
                {
                    // In flight when the host died.
                }
            }).ToList();
            await Task.Delay(300);
            host.Kill();
            await Task.WhenAll(calls);
        }

        Assert.That(IntegrityCheck(), Is.EqualTo("ok"));
        using (await HostProcess.StartAsync(_data.Path))
        {
            List<Guid> ids;
            lock (acknowledged)
            {
                ids = [.. acknowledged];
            }
            foreach (var id in ids)
            {
                Assert.That(Count("SELECT COUNT(*) FROM staffing_workers WHERE id = @Id", new { Id = id.ToString().ToUpperInvariant() }), Is.EqualTo(1),
                    $"acknowledged worker {id} survived the crash");
            }
            Assert.That(Count("SELECT COUNT(*) FROM staffing_workers"), Is.GreaterThanOrEqualTo(before + ids.Count));
            AssertNoOrphans();
            foreach (var (id, version, audits) in touched)
            {
                var now = Count("SELECT version FROM staffing_workers WHERE id = @Id", new { Id = id.ToString().ToUpperInvariant() });
                Assert.That(UpdateAudits(id) - audits, Is.EqualTo(now - version),
                    $"worker {id}: every committed update has its audit row and no audit row lacks its update");
            }
            await TestContext.Out.WriteLineAsync($"burst crash: {ids.Count} creations acknowledged before the kill; workers {before} → {Count("SELECT COUNT(*) FROM staffing_workers")}");
        }
        Assert.That(IntegrityCheck(), Is.EqualTo("ok"));
    }

    private void AssertNoOrphans()
    {
        Assert.That(Count("""
            SELECT COUNT(*) FROM staffing_workers w
            WHERE NOT EXISTS (SELECT 1 FROM platform_audit_log a WHERE a.entity_id = w.id AND a.action = 'staffing.worker.created')
            """), Is.Zero, "every worker has its creation audit row");
        Assert.That(Count("""
            SELECT COUNT(*) FROM platform_audit_log a
            WHERE a.action = 'staffing.worker.created' AND NOT EXISTS (SELECT 1 FROM staffing_workers w WHERE w.id = a.entity_id)
            """), Is.Zero, "no creation audit row without its worker");
        Assert.That(Count("SELECT COUNT(*) FROM staffing_postings p WHERE NOT EXISTS (SELECT 1 FROM staffing_workers w WHERE w.id = p.worker_id)"),
            Is.Zero, "no posting without worker");
    }

    private long UpdateAudits(Guid id) => Count(
        "SELECT COUNT(*) FROM platform_audit_log WHERE entity_id = @Id AND action = 'staffing.worker.updated'",
        new { Id = id.ToString().ToUpperInvariant() });

    private SqliteConnection OpenDirect()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabaseFile, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private long Count(string sql, object? param = null)
    {
        using var connection = OpenDirect();
        return connection.ExecuteScalar<long>(sql, param);
    }

    private string IntegrityCheck()
    {
        using var connection = OpenDirect();
        return connection.ExecuteScalar<string>("PRAGMA integrity_check") ?? "";
    }
}
