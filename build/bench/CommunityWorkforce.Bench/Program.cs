using CommunityWorkforce.Bench;

// build/bench: generate a city, run the benchmark scenarios, write docs/benchmarks.md. See build/bench/run.sh.
var command = args.FirstOrDefault() ?? "help";
string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, "--" + name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

switch (command)
{
    case "generate":
        var scale = Option("scale", "city") == "smoke" ? Scale.Smoke : Scale.City;
        Console.WriteLine(await Generator.RunAsync(Option("data", "data/bench"), int.Parse(Option("seed", "20261126")), scale));
        return 0;
    case "run":
        return await Runner.RunAsync(new RunOptions(
            DataFolder: Path.GetFullPath(Option("data", "data/bench")),
            RepoRoot: Path.GetFullPath(Option("repo", ".")),
            Output: Option("out", "docs/benchmarks.md"),
            Duration: int.Parse(Option("duration", "10")),
            Connections: int.Parse(Option("connections", "16")),
            Smoke: Option("scale", "city") == "smoke",
            Only: Option("only", "") is { Length: > 0 } only ? only.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase) : null));
    case "sql":
        // Prints the roster SQL the host writes on SQLite for the bench's shapes, for EXPLAIN QUERY PLAN work.
        foreach (var (scope, q) in new[] { ("/310000/310106/310106001/%", (string?)null), ("/310000/310106/%", null), ("/%", null), ("/%", "伟"), ("/%", "CW0001") })
        {
            var (count, page, _) = RawRoster.Sql(scope, q);
            Console.WriteLine($"-- scope {scope}, q={q}");
            Console.WriteLine(count + ";");
            Console.WriteLine(page + ";");
        }
        return 0;
    default:
        Console.WriteLine("usage: bench generate [--data DIR] [--seed N] [--scale city|smoke]");
        Console.WriteLine("       bench run [--data DIR] [--repo DIR] [--out FILE] [--duration S] [--connections N] [--scale city|smoke] [--only Module,...]");
        Console.WriteLine("         --only: measure those modules (Staffing, CompetencyFramework, Performance, Training, ...) and replace their rows in --out");
        return command == "help" ? 0 : 2;
}
