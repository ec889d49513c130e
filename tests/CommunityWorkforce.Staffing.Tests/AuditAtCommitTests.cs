using CommunityWorkforce.BuildingBlocks.Audit;
using CommunityWorkforce.BuildingBlocks.Data;
using CommunityWorkforce.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityWorkforce.Staffing.Tests;

/// <summary>
/// The audit rows of a transaction are written when it commits, in as few statements as fit (AuditWriter,
/// DbSession.BeforeCommit): all of them with the change, none after a rollback, none left over for the next transaction.
/// </summary>
[TestFixture]
public sealed class AuditAtCommitTests
{
    private CwHost _host = null!;

    [OneTimeSetUp]
    public void StartHost() => _host = new CwHost();

    [OneTimeTearDown]
    public void StopHost() => _host.Dispose();

    private Task<long> Rows(string action) =>
        _host.Scalar<long>("SELECT COUNT(*) FROM platform_audit_log WHERE action = @Action", new { Action = action });

    private static string Action(string what) => $"test.audit.{what}.{Guid.NewGuid():N}";

    [Test]
    public async Task A_rolled_back_transactions_rows_are_never_written_and_the_next_transaction_writes_only_its_own()
    {
        var (dropped, kept) = (Action("dropped"), Action("kept"));
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            var audit = scope.ServiceProvider.GetRequiredService<AuditWriter>();
            await using (await db.BeginAsync(CancellationToken.None))
            {
                await audit.WriteAsync(new AuditEntry(dropped, "test", Guid.NewGuid(), "/310000/", new { n = 1 }), CancellationToken.None);
            }
            await using var tx = await db.BeginAsync(CancellationToken.None);
            await audit.WriteAsync(new AuditEntry(kept, "test", Guid.NewGuid(), "/310000/", new { n = 2 }, "理由𠀀"), CancellationToken.None);
            await audit.WriteAsync(new AuditEntry(kept, "test", null, null, null), CancellationToken.None);
            var inside = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM platform_audit_log WHERE action = @Action", new { Action = kept },
                CancellationToken.None);
            Assert.That(inside, Is.Zero, "kept until the commit");
            await tx.CommitAsync(CancellationToken.None);
        }

        Assert.That(await Rows(dropped), Is.Zero);
        Assert.That(await Rows(kept), Is.EqualTo(2));
        Assert.That(await _host.Scalar<string>("SELECT reason FROM platform_audit_log WHERE action = @Action AND changes IS NOT NULL", new { Action = kept }),
            Is.EqualTo("理由𠀀"));
        Assert.That(await _host.Scalar<string>("SELECT changes FROM platform_audit_log WHERE action = @Action AND changes IS NOT NULL", new { Action = kept }),
            Is.EqualTo("{\"n\":2}"));
        Assert.That(await _host.Scalar<string>("SELECT user_name FROM platform_audit_log WHERE action = @Action AND changes IS NULL", new { Action = kept }),
            Is.EqualTo("system"));
    }

    [Test]
    public async Task More_rows_than_one_statement_holds_are_all_written_with_the_change()
    {
        var action = Action("many");
        var ids = Enumerable.Range(0, 75).Select(_ => Guid.NewGuid()).ToList();
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            var audit = scope.ServiceProvider.GetRequiredService<AuditWriter>();
            await using var tx = await db.BeginAsync(CancellationToken.None);
            foreach (var id in ids)
            {
                await audit.WriteAsync(new AuditEntry(action, "test", id, "/310000/", null), CancellationToken.None);
            }
            await tx.CommitAsync(CancellationToken.None);
        }

        Assert.That(await Rows(action), Is.EqualTo(75));
        Assert.That(await _host.Scalar<long>("SELECT COUNT(DISTINCT entity_id) FROM platform_audit_log WHERE action = @Action", new { Action = action }),
            Is.EqualTo(75));
    }

    [Test]
    public async Task Work_before_commit_that_fails_rolls_the_whole_transaction_back()
    {
        var action = Action("failed");
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DbSession>();
            var audit = scope.ServiceProvider.GetRequiredService<AuditWriter>();
            await using var tx = await db.BeginAsync(CancellationToken.None);
            await audit.WriteAsync(new AuditEntry(action, "test", null, null, null), CancellationToken.None);
            db.BeforeCommit(_ => throw new InvalidOperationException("refused"));

            await Assert.ThrowsAsync<InvalidOperationException>(() => tx.CommitAsync(CancellationToken.None));
            Assert.That(db.InTransaction, Is.False, "rolled back, not left open");
        }

        Assert.That(await Rows(action), Is.Zero);
    }
}
