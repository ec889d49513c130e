using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommunityWorkforce.BuildingBlocks.Data;

/// <summary>
/// A module's kept-fresh reads (<see cref="ReadCache.GetKeptFreshAsync"/>) that are too slow to compute while a caller
/// waits even once (a whole city's dashboard, forecast, heat map: about a second each) and are worth having ready before
/// anyone asks. <see cref="WarmAsync"/> reads them as a caller would, in a DI scope of its own and without a user.
/// </summary>
public interface IKeptWarm
{
    /// <summary>What is warmed, for the log.</summary>
    string Name { get; }

    Task WarmAsync(IServiceProvider services, CancellationToken ct);
}

/// <summary>
/// <c>ReadCache:KeepWarm</c> (default true) turns <see cref="KeptWarmReads"/> on; <c>ReadCache:KeepWarmAfterSeconds</c>
/// (default 5) is how long after start-up the first warm-up begins (start-up first gets the host ready for requests).
/// </summary>
public sealed record KeptWarmOptions(bool Enabled, TimeSpan AfterStart)
{
    public static KeptWarmOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("ReadCache");
        return new(section.GetValue("KeepWarm", true), TimeSpan.FromSeconds(Math.Max(0, section.GetValue("KeepWarmAfterSeconds", 5))));
    }
}

/// <summary>
/// Reads every <see cref="IKeptWarm"/> shortly after start-up, again every <see cref="Interval"/>, and just after each
/// midnight (China Standard Time: the values are kept per day), under <see cref="ReadCache.WarmingAsync"/>: such a read
/// keeps the value, though not as a person's read would.
/// <list type="bullet">
/// <item>The first read of the day, or the first after start-up, finds it computed.</item>
/// <item>It is never dropped, so writes keep recomputing it in the background — while people read it, as soon as they
/// land (<see cref="ReadCache.StaleFor"/>); while nobody does, at most once a <see cref="ReadCache.UnattendedInterval"/>
/// and only when writes pause (<see cref="ReadCache.UnattendedQuiet"/>; at the latest
/// <see cref="ReadCache.UnattendedLatest"/> after the first it misses). The first person back gets it at once while
/// their read recomputes it.</item>
/// <item>A read past <see cref="ReadCache.MaxAge"/> with nothing written here recomputes it in the background (other
/// hosts' writes), so it is never older than <see cref="ReadCache.AgedFor"/> and always served at once.</item>
/// </list>
/// The cost for a city's four values (dashboard, forecast, two heat maps: about a second each): with nothing written,
/// one recomputation each every <see cref="Interval"/> (about 2 % of a core); with writes all day and nobody reading, at
/// most one each a minute, in the pauses between writes (at most about 7 %); while people read them, what their reads
/// cost anyway.
/// </summary>
public sealed class KeptWarmReads(IEnumerable<IKeptWarm> reads, IServiceScopeFactory scopes, KeptWarmOptions options, TimeProvider clock,
    ILogger<KeptWarmReads> logger) : BackgroundService
{
    /// <summary>Shorter than <see cref="ReadCache.AgedFor"/> and <see cref="ReadCache.KeepFor"/>, with room for a recomputation.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(4);

    private readonly TaskCompletionSource _firstPass = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the first warm-up has ended (tests).</summary>
    public Task FirstPass => _firstPass.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var all = reads.ToList();
        if (!options.Enabled || all.Count == 0)
        {
            _firstPass.TrySetResult();
            return;
        }
        try
        {
            await Task.Delay(options.AfterStart, clock, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await WarmAllAsync(all, stoppingToken);
                _firstPass.TrySetResult();
                await Task.Delay(UntilNext(clock.GetUtcNow()), clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _firstPass.TrySetResult();
        }
    }

    /// <summary><see cref="Interval"/>, or less when midnight (UTC+8) comes first: then a second after it.</summary>
    public static TimeSpan UntilNext(DateTimeOffset now)
    {
        var local = now.UtcDateTime.AddHours(8);
        var midnight = local.Date.AddDays(1).AddSeconds(1) - local;
        return midnight < Interval ? midnight : Interval;
    }

    private async Task WarmAllAsync(IReadOnlyList<IKeptWarm> all, CancellationToken ct)
    {
        foreach (var read in all)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await ReadCache.WarmingAsync(() => read.WarmAsync(scope.ServiceProvider, ct));
            }
            catch (Exception error) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(error, "Keeping {Read} warm failed", read.Name);
            }
        }
    }
}
