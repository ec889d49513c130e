using System.Data.Common;
using Bogus;
using CommunityWorkforce.BuildingBlocks.Security;

namespace CommunityWorkforce.Bench;

/// <summary>
/// One product module's part of the benchmark, in one place: the rows it adds to the generated city and the scenarios
/// it measures. A module joins the benchmark by implementing this and being listed in <see cref="BenchModules.All"/>;
/// the generator and the runner do the rest (migrations, accounts, host, warm-up, report).
/// </summary>
internal interface IBenchModule
{
    string Name { get; }

    /// <summary>
    /// Bulk-inserts the module's data inside the generator's transaction. Modules run in list order, so a later module
    /// reads what an earlier one left in <paramref name="city"/> (Staffing leaves the org tree, posts and workers).
    /// Adds a phrase such as "60,000 workers" to <see cref="GeneratedCity.Summary"/>.
    /// </summary>
    Task GenerateAsync(GeneratedCity city);

    /// <summary>Measures the module's scenarios against the running host and adds one result per scenario.</summary>
    Task MeasureAsync(Measurement run);
}

internal static class BenchModules
{
    /// <summary>Generation and measurement order. Add CompetencyFramework, Training, CareerPath, Performance here.</summary>
    public static readonly IReadOnlyList<IBenchModule> All =
        [new StaffingBench(), new CompetencyBench(), new PerformanceBench(), new TrainingBench(), new CareerBench(), new InsightsBench()];
}

/// <summary>What the generator hands every module: the open transaction, seeded randomness and what is built so far.</summary>
internal sealed class GeneratedCity(DbConnection connection, DbTransaction transaction, int seed, Scale scale,
    PersonalDataProtector protector, DateTimeOffset now)
{
    public DbConnection Connection { get; } = connection;
    public DbTransaction Transaction { get; } = transaction;

    /// <summary>Seeded: the same seed builds the same city.</summary>
    public Random Random { get; } = new(seed);
    public Faker Faker { get; } = new("zh_CN");
    public Scale Scale { get; } = scale;

    /// <summary>Encrypts personal data with the data folder's keys, exactly as the product stores it.</summary>
    public PersonalDataProtector Protector { get; } = protector;

    public DateTimeOffset Now { get; } = now;
    public DateOnly Today { get; } = DateOnly.FromDateTime(now.UtcDateTime.AddHours(8));

    /// <summary>Every org unit (city, districts, streets, communities, centres); Staffing fills it.</summary>
    public List<Unit> Units { get; } = [];
    public List<Post> Posts { get; } = [];

    /// <summary>Every worker with their current primary posting; Staffing fills it.</summary>
    public List<(Guid WorkerId, Guid PostingId, Post Post)> Workers { get; } = [];

    /// <summary>Phrases for the data-set line of the report, e.g. "60,000 workers".</summary>
    public List<string> Summary { get; } = [];

    public IEnumerable<Unit> Level(string level) => Units.Where(u => u.Level == level);
}

internal sealed record Unit(Guid Id, Unit? Parent, string Code, string Name, string Level, string Path, int Depth, int? Households, int? Population);

internal sealed record Post(Guid Id, Unit Unit, string Type, string Title, int Quota);

/// <summary>What the runner hands every module: the host, signed-in callers, the sample to aim at, and the results.</summary>
internal sealed class Measurement(RunOptions options, HttpClient http, Wrk wrk, PeakRss rss, Sample sample, Callers callers)
{
    private readonly List<Result> _results = [];

    public RunOptions Options { get; } = options;

    /// <summary>For in-process requests (writes, uploads), based at the host.</summary>
    public HttpClient Http { get; } = http;

    /// <summary>For reads: wrk at the run's concurrency, after a warm-up.</summary>
    public Wrk Wrk { get; } = wrk;

    public PeakRss Rss { get; } = rss;
    public Sample Sample { get; } = sample;
    public Callers Callers { get; } = callers;

    /// <summary>Scenario length in seconds (1 in the smoke run).</summary>
    public int Duration => Options.Smoke ? 1 : Options.Duration;
    public int Connections => Options.Smoke ? 2 : Options.Connections;

    public IReadOnlyList<Result> Results => _results;

    public Result Add(Result result)
    {
        _results.Add(result);
        return result;
    }
}

/// <summary>Bearer tokens of the generated accounts the scenarios call as.</summary>
internal sealed record Callers(string Admin, string StreetHr, string DistrictHr, string Leader);
