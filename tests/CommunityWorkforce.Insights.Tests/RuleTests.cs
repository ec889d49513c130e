using CommunityWorkforce.CareerPath.Contracts;
using CommunityWorkforce.Insights.Dashboard;
using CommunityWorkforce.Insights.Forecast;
using CommunityWorkforce.Insights.Norms;
using CommunityWorkforce.Insights.Transfers;
using CommunityWorkforce.Staffing.Contracts;

namespace CommunityWorkforce.Insights.Tests;

/// <summary>The rules without a database: bands, norms over a tree, the transfer network and the forecast on a hand-computed set.</summary>
public sealed class RuleTests
{
    [TestCase("1990-12-02", "2026-12-01", 35)]
    [TestCase("1990-12-01", "2026-12-01", 36)]
    [TestCase("2000-03-01", "2026-02-28", 25)]
    public void Full_years_count_a_birthday_only_once_reached(string from, string asOf, int years) =>
        Assert.That(StructureBands.FullYears(DateOnly.Parse(from), DateOnly.Parse(asOf)), Is.EqualTo(years));

    [TestCase(29, "<30")]
    [TestCase(30, "30-34")]
    [TestCase(44, "40-44")]
    [TestCase(59, "55-59")]
    [TestCase(60, "60+")]
    public void Ages_fall_in_five_year_bands(int age, string band) => Assert.That(StructureBands.AgeBand(age), Is.EqualTo(band));

    [TestCase("14", "10")]
    [TestCase("21", "20")]
    [TestCase("31", "30")]
    [TestCase("50", "90")]
    [TestCase("", "90")]
    public void Education_codes_group_by_their_GB_T_4658_class(string code, string group) =>
        Assert.That(StructureBands.EducationGroup(code), Is.EqualTo(group));

    [TestCase("01", "01")]
    [TestCase("07", "democratic")]
    [TestCase("13", "13")]
    [TestCase("99", "other")]
    public void Political_status_groups_the_democratic_parties(string code, string group) =>
        Assert.That(StructureBands.PoliticalGroup(code), Is.EqualTo(group));

    [Test]
    public void Norms_are_Staffings_rule_and_subtrees_sum_what_their_units_have()
    {
        var street = Guid.NewGuid();
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var units = new List<NormsReader.UnitRow>
        {
            new() { Id = street, Code = "S", Path = "/S/", Level = "street" },
            new() { Id = a, ParentId = street, Code = "A", Path = "/S/A/", Level = "community", Population = 1000 },
            new() { Id = b, ParentId = street, Code = "B", Path = "/S/B/", Level = "community", Population = 2500 },
        };
        var lines = NormsReader.Compute(units, new Dictionary<Guid, int> { [a] = 4, [b] = 5, [street] = 1 },
            new Dictionary<Guid, int> { [a] = 4, [b] = 1, [street] = 1 }, new StaffingNormRule());
        var byId = lines.ToDictionary(l => l.Id);
        Assert.Multiple(() =>
        {
            Assert.That(byId[a].Norm, Is.EqualTo(2), "ceil(1000 × 18 / 10,000)");
            Assert.That(byId[a].Status, Is.EqualTo("over"));
            Assert.That(byId[b].Norm, Is.EqualTo(5), "ceil(2500 × 18 / 10,000) = ceil(4.5)");
            Assert.That(byId[b].Gap, Is.EqualTo(-4));
            Assert.That(byId[street].Norm, Is.Null);
            Assert.That(byId[street].Status, Is.EqualTo("unknown"));
            Assert.That(byId[street].SubtreeNorm, Is.EqualTo(7));
            Assert.That(byId[street].SubtreeFilled, Is.EqualTo(6));
            Assert.That(byId[street].SubtreeQuota, Is.EqualTo(10));
            Assert.That(byId[street].SubtreeStatus, Is.EqualTo("short"));
        });
        Assert.That(new StaffingNormRule { Method = "households" }.NormFor(5200, null), Is.EqualTo(7), "households tiers as Staffing documents");
    }

    [Test]
    public void Transfers_close_the_gap_without_pushing_a_unit_below_its_norm_and_prefer_workers_due_for_rotation()
    {
        var a = new TransferModel.Unit(Guid.NewGuid(), "/1/2/3/31/", Filled: 5, Norm: 3);
        var b = new TransferModel.Unit(Guid.NewGuid(), "/1/2/3/32/", Filled: 1, Norm: 4);
        var c = new TransferModel.Unit(Guid.NewGuid(), "/1/2/3/33/", Filled: 2, Norm: 3);
        var dueLong = new TransferModel.Candidate(Guid.NewGuid(), a.Id, PostTypes.Staff, 8, Due: true);
        var due = new TransferModel.Candidate(Guid.NewGuid(), a.Id, PostTypes.Staff, 6, Due: true);
        var fresh = new TransferModel.Candidate(Guid.NewGuid(), a.Id, PostTypes.Staff, 1, Due: false);
        var head = new TransferModel.Candidate(Guid.NewGuid(), a.Id, PostTypes.Head, 10, Due: true);
        var result = TransferModel.Solve([a, b, c], [dueLong, due, fresh, head],
            [new TransferModel.Room(b.Id, PostTypes.Staff, 3), new TransferModel.Room(c.Id, PostTypes.Staff, 0)]);

        Assert.That(result.Status, Is.EqualTo("optimal"));
        Assert.That(result.Moves, Has.Count.EqualTo(2), "A may give only its 2 above the norm, although B has 3 places");
        Assert.That(result.Moves.Select(m => m.Worker), Is.EquivalentTo(new[] { dueLong, due }));
        Assert.That(result.Moves.All(m => m.ToUnitId == b.Id && m.Distance == 2), Is.True);
        Assert.That(result.Moves.Sum(m => m.Cost), Is.EqualTo((20 + 2) + (20 + 4)));
        Assert.That(TransferModel.Cost(head, PostTypes.Staff, 2), Is.Null, "a head is never moved into a staff post");
        Assert.That(TransferModel.Distance("/1/2/3/31/", "/1/2/4/41/"), Is.EqualTo(4));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Transfers_solved_over_classes_of_alike_workers_close_as_much_at_the_same_cost_as_a_node_per_worker(int seed)
    {
        // Reference: the same network with one node per worker (what the model did before classes), solved here.
        var random = new Random(seed);
        var units = Enumerable.Range(0, 8).Select(i => new TransferModel.Unit(Guid.NewGuid(), $"/1/{i % 2}/{i}/",
            Filled: i < 4 ? 6 + random.Next(4) : random.Next(3), Norm: 4)).ToList();
        var types = new[] { PostTypes.Staff, PostTypes.Deputy, PostTypes.Head };
        var workers = units.Take(4).SelectMany(u => Enumerable.Range(0, u.Filled).Select(_ => new TransferModel.Candidate(Guid.NewGuid(), u.Id,
            types[random.Next(3)], random.Next(1, 13), Due: random.Next(2) == 0))).ToList();
        var rooms = units.Skip(4).SelectMany(u => types.Select(t => new TransferModel.Room(u.Id, t, random.Next(3)))).ToList();

        var result = TransferModel.Solve(units, workers, rooms);

        using var flow = new Google.OrTools.Graph.MinCostFlow();
        var over = units.Where(u => u.Filled > u.Norm).ToList();
        var under = units.Where(u => u.Filled < u.Norm).ToList();
        var targets = rooms.Where(r => r.Places > 0 && under.Any(u => u.Id == r.UnitId)).ToList();
        var movers = workers.Where(w => over.Any(o => o.Id == w.UnitId)).ToList();
        int Node(int group, int index) => 2 + (group * 1000) + index;
        foreach (var (o, i) in over.Select((o, i) => (o, i)))
        {
            flow.AddArcWithCapacityAndUnitCost(0, Node(0, i), o.Filled - o.Norm, 0);
        }
        for (var w = 0; w < movers.Count; w++)
        {
            flow.AddArcWithCapacityAndUnitCost(Node(0, over.FindIndex(o => o.Id == movers[w].UnitId)), Node(1, w), 1, 0);
            for (var t = 0; t < targets.Count; t++)
            {
                var distance = TransferModel.Distance(units.Single(u => u.Id == movers[w].UnitId).Path, units.Single(u => u.Id == targets[t].UnitId).Path);
                if (TransferModel.Cost(movers[w], targets[t].PostType, distance) is { } cost)
                {
                    flow.AddArcWithCapacityAndUnitCost(Node(1, w), Node(2, t), 1, cost);
                }
            }
        }
        for (var t = 0; t < targets.Count; t++)
        {
            flow.AddArcWithCapacityAndUnitCost(Node(2, t), Node(3, under.FindIndex(u => u.Id == targets[t].UnitId)), targets[t].Places, 0);
        }
        foreach (var (u, i) in under.Select((u, i) => (u, i)))
        {
            flow.AddArcWithCapacityAndUnitCost(Node(3, i), 1, u.Norm - u.Filled, 0);
        }
        var supply = over.Sum(o => o.Filled - o.Norm);
        flow.SetNodeSupply(0, supply);
        flow.SetNodeSupply(1, -supply);
        Assert.That(flow.SolveMaxFlowWithMinCost(), Is.EqualTo(Google.OrTools.Graph.MinCostFlowBase.Status.OPTIMAL));

        Assert.That(result.Status, Is.EqualTo("optimal"));
        Assert.That(result.Moves, Has.Count.EqualTo((int)flow.MaximumFlow()).And.Count.GreaterThan(0), "as much of the shortfall closed");
        Assert.That(result.Moves.Sum(m => (long)m.Cost), Is.EqualTo(flow.OptimalCost()), "at the same least disruption");
        Assert.That(result.Moves.Select(m => m.Worker.PostingId), Is.Unique, "nobody moved twice");
        foreach (var o in over)
        {
            Assert.That(result.Moves.Count(m => m.Worker.UnitId == o.Id), Is.LessThanOrEqualTo(o.Filled - o.Norm), "no unit below its norm");
        }
    }

    [Test]
    public void Transfers_prefer_the_nearer_unit_when_both_are_short()
    {
        var a = new TransferModel.Unit(Guid.NewGuid(), "/1/2/3/31/", 4, 3);
        var near = new TransferModel.Unit(Guid.NewGuid(), "/1/2/3/32/", 2, 3);
        var far = new TransferModel.Unit(Guid.NewGuid(), "/1/2/4/41/", 2, 3);
        var worker = new TransferModel.Candidate(Guid.NewGuid(), a.Id, PostTypes.Staff, 6, true);
        var result = TransferModel.Solve([a, near, far], [worker],
            [new TransferModel.Room(near.Id, PostTypes.Staff, 1), new TransferModel.Room(far.Id, PostTypes.Staff, 1)]);
        Assert.That(result.Moves.Single().ToUnitId, Is.EqualTo(near.Id));
    }

    private static ForecastModel.Person P(string id, string birth, string gender, string service, string? left = null, string? reason = null) =>
        new(Guid.Parse(id.PadLeft(32, '0')), "/S/A/", DateOnly.Parse(birth), gender, DateOnly.Parse(service), DateOnly.Parse(service),
            left is null ? null : DateOnly.Parse(left), reason);

    /// <summary>
    /// Seven people, forecast on 2026-12-01. Observation years start 2021-12-01 … 2025-12-01.
    /// Band 0-2: C 2 worker-years (2021, 2022), D 2 (left 2023-03-01, 辞职), F 1 (left 2025-06-30, 调离), G 1 → 6 years, 2 leavers, rate 1/3.
    /// Band 3-5: C 3 + B 1 = 4, none left. 6-10: B 4. 11+: A 5 + E 4 (E retired: not a leaver) = 9.
    /// Present: A (male 1967-03-10 → 60y7m → retires 2027-10-10, year 1), B (female 1973-05-05, cadre → 55y11m → 2029-04-05, year 3),
    /// C (service 2020-12-01: 6-10 from year 1, rate 0), G (service 2025-03-01: 0-2 in years 1 and 2, 3-5 after).
    /// Year 1: G leaves with 1/3 → expected 1/3, variance 2/9 + 1²·(1/3·2/3)/6 = 7/27 → high = 1/3 + 1.2816·√(7/27) = 0.99.
    /// Year 2: G survives with 2/3, expected 2/9 = 0.22. Headcount after year 5: 4 − 2 − 5/9 = 1.44. G reaches 5 years on 2030-03-01 (year 4).
    /// </summary>
    [Test]
    public void The_forecast_matches_the_hand_computed_small_data_set()
    {
        var asOf = new DateOnly(2026, 12, 1);
        var a = P("a", "1967-03-10", "1", "2000-01-01");
        var b = P("b", "1973-05-05", "2", "2016-12-01");
        var c = P("c", "1990-01-01", "2", "2020-12-01");
        var d = P("d", "1992-01-01", "1", "2021-06-01", "2023-03-01", "辞职");
        var e = P("e", "1964-01-01", "1", "2010-01-01", "2025-01-10", "退休");
        var f = P("f", "1996-01-01", "2", "2024-12-01", "2025-06-30", "调离");
        var g = P("1", "1995-01-01", "1", "2025-03-01");
        var rates = ForecastModel.LeavingRates([a, b, c, d, e, f, g], asOf);
        Assert.That(rates.Select(r => (r.Band, r.WorkerYears, r.Leavers)),
            Is.EqualTo(new[] { ("0-2", 6, 2), ("3-5", 4, 0), ("6-10", 4, 0), ("11+", 9, 0) }));

        var years = ForecastModel.Project([a, b, c, g], rates, RetirementTable.Default, asOf, 5);
        Assert.Multiple(() =>
        {
            Assert.That(years.Select(y => y.Retirements), Is.EqualTo(new[] { 1, 0, 1, 0, 0 }));
            Assert.That(years.Select(y => y.ExpectedLeavers), Is.EqualTo(new[] { 0.33, 0.22, 0, 0, 0 }));
            Assert.That(years[0].Low, Is.EqualTo(0));
            Assert.That(years[0].High, Is.EqualTo(0.99));
            Assert.That(years[0].ProjectedHeadcount, Is.EqualTo(2.67));
            Assert.That(years[4].ProjectedHeadcount, Is.EqualTo(1.44));
            Assert.That(years.Select(y => y.JuniorsReady), Is.EqualTo(new[] { 0, 0, 0, 1, 0 }));
            Assert.That(years.Select(y => y.VeteransRetiring), Is.EqualTo(new[] { 1, 0, 0, 0, 0 }));
            Assert.That(years[0].From, Is.EqualTo(asOf));
            Assert.That(years[4].To, Is.EqualTo(new DateOnly(2031, 12, 1)));
        });
    }
}
