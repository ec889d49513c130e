using CommunityWorkforce.BuildingBlocks.Data;

namespace CommunityWorkforce.BuildingBlocks.Platform;

/// <summary>
/// A database lease, so that scheduled work runs on one host instance at a time however many run behind the load
/// balancer. A lease is held until it expires; its holder may renew it.
/// </summary>
public sealed class LeaseStore(DbConnectionFactory factory, TimeProvider clock)
{
    private const string Create = """
        INSERT INTO platform_leases (name, holder, expires_at)
        SELECT @Name, @Holder, @Until WHERE NOT EXISTS (SELECT 1 FROM platform_leases WHERE name = @Name)
        """;

    private const string Take = """
        UPDATE platform_leases SET holder = @Holder, expires_at = @Until
        WHERE name = @Name AND (expires_at < @Now OR holder = @Holder)
        """;

    public static readonly string InstanceId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public async Task<bool> TryAcquireAsync(string name, TimeSpan duration, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var args = new { Name = name, Holder = InstanceId, Until = now.Add(duration), Now = now };
        await using var connection = await factory.OpenAsync(ct);
        var sql = factory.Dialect;
        if (await Dapper.SqlMapper.ExecuteAsync(connection, sql.Render(Create), args) == 1)
        {
            return true;
        }
        return await Dapper.SqlMapper.ExecuteAsync(connection, sql.Render(Take), args) == 1;
    }
}
