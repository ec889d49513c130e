using Google.OrTools.Graph;

namespace CommunityWorkforce.Insights.Transfers;

/// <summary>
/// The transfer problem as a min-cost max-flow network (docs/adr/0005-transfer-suggestions-as-min-cost-flow.md):
/// source → over-norm unit (capacity = its surplus, so no unit is pushed below its norm) → each class of candidate
/// workers (capacity = its size) → (under-norm unit, post type) (cost = disruption) → under-norm unit (capacity = free
/// places in its posts of that type) → sink (capacity = its shortfall). OR-Tools' SimpleMinCostFlow finds the maximum
/// flow (the most gap closed) of minimum total cost (the least disruption). A class is the workers whose every move costs
/// the same (same unit, post type, due flag and tenure counted up to 10 years): one node for them loses nothing and
/// keeps a district's network small (a node per worker made 3.2 million arcs, 3 s and 100 MB of solver memory); a
/// class's flow goes to its longest-serving workers first. Pure: no database, tested on hand-made inputs.
/// </summary>
public static class TransferModel
{
    public sealed record Unit(Guid Id, string Path, int Filled, int Norm);

    public sealed record Candidate(Guid PostingId, Guid UnitId, string PostType, int YearsInPost, bool Due);

    public sealed record Room(Guid UnitId, string PostType, int Places);

    public sealed record Move(Candidate Worker, Guid ToUnitId, string ToPostType, int Cost, int Distance);

    public sealed record Result(IReadOnlyList<Move> Moves, string Status, int Nodes, int Arcs);

    public const int CostPerTreeEdge = 10;
    public const int NotYetDuePenalty = 15;
    public const int OtherPostTypePenalty = 30;

    /// <summary>Edges between two units in the tree, from their materialised paths.</summary>
    public static int Distance(string a, string b) => Distance(Segments(a), Segments(b));

    private static string[] Segments(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static int Distance(string[] x, string[] y)
    {
        var common = 0;
        while (common < x.Length && common < y.Length && x[common] == y[common])
        {
            common++;
        }
        return (x.Length - common) + (y.Length - common);
    }

    /// <summary>
    /// The disruption of one move: tree distance, a worker not yet due for rotation, another post type (head posts
    /// never change type: that would be a promotion or demotion, not a transfer), and a small preference for longer
    /// tenure in the post. Null when the move is not allowed.
    /// </summary>
    public static int? Cost(Candidate worker, string toPostType, int distance)
    {
        var otherType = worker.PostType != toPostType;
        if (otherType && (worker.PostType == PostTypes.Head || toPostType == PostTypes.Head))
        {
            return null;
        }
        return (distance * CostPerTreeEdge) + (worker.Due ? 0 : NotYetDuePenalty) + (otherType ? OtherPostTypePenalty : 0)
               + (10 - Math.Min(worker.YearsInPost, 10));
    }

    public static Result Solve(IReadOnlyList<Unit> units, IReadOnlyList<Candidate> candidates, IReadOnlyList<Room> rooms)
    {
        var over = units.Where(u => u.Filled > u.Norm).ToList();
        var under = units.Where(u => u.Filled < u.Norm).ToDictionary(u => u.Id);
        var targets = rooms.Where(r => r.Places > 0 && under.ContainsKey(r.UnitId))
            .GroupBy(r => (r.UnitId, r.PostType)).Select(g => (g.Key.UnitId, g.Key.PostType, Places: g.Sum(r => r.Places))).ToList();
        var overIds = over.Select(o => o.Id).ToHashSet();
        var movers = candidates.Where(c => overIds.Contains(c.UnitId)).ToList();
        if (over.Count == 0 || targets.Count == 0 || movers.Count == 0)
        {
            return new Result([], "nothing-to-move", 0, 0);
        }

        // The solver holds its graph in native memory: free it here, not when a finaliser runs.
        using var flow = new MinCostFlow();
        const int source = 0;
        const int sink = 1;
        var next = 2;
        var classes = movers
            .GroupBy(c => (c.UnitId, c.PostType, c.Due, Tenure: Math.Min(c.YearsInPost, 10)))
            .Select(g => g.OrderByDescending(c => c.YearsInPost).ThenBy(c => c.PostingId).ToList())
            .ToList();
        var overNode = over.ToDictionary(o => o.Id, _ => next++);
        var classNode = classes.Select(_ => next++).ToList();
        var targetNode = targets.Select(_ => next++).ToList();
        var underNode = under.Keys.ToDictionary(id => id, _ => next++);
        var segments = units.ToDictionary(u => u.Id, u => Segments(u.Path));

        foreach (var o in over)
        {
            flow.AddArcWithCapacityAndUnitCost(source, overNode[o.Id], o.Filled - o.Norm, 0);
        }
        var classArcs = new List<(int Arc, int Class, int Target, int Cost, int Distance)>();
        for (var k = 0; k < classes.Count; k++)
        {
            var c = classes[k][0];
            flow.AddArcWithCapacityAndUnitCost(overNode[c.UnitId], classNode[k], classes[k].Count, 0);
            for (var t = 0; t < targets.Count; t++)
            {
                var distance = Distance(segments[c.UnitId], segments[targets[t].UnitId]);
                if (Cost(c, targets[t].PostType, distance) is { } cost)
                {
                    classArcs.Add((flow.AddArcWithCapacityAndUnitCost(classNode[k], targetNode[t], classes[k].Count, cost), k, t, cost, distance));
                }
            }
        }
        for (var t = 0; t < targets.Count; t++)
        {
            flow.AddArcWithCapacityAndUnitCost(targetNode[t], underNode[targets[t].UnitId], targets[t].Places, 0);
        }
        foreach (var (id, u) in under)
        {
            flow.AddArcWithCapacityAndUnitCost(underNode[id], sink, u.Norm - u.Filled, 0);
        }
        var supply = over.Sum(o => o.Filled - o.Norm);
        flow.SetNodeSupply(source, supply);
        flow.SetNodeSupply(sink, -supply);
        var status = flow.SolveMaxFlowWithMinCost();
        if (status != MinCostFlowBase.Status.OPTIMAL)
        {
            return new Result([], status.ToString().ToLowerInvariant(), next, flow.NumArcs());
        }
        var taken = new int[classes.Count];
        var moves = new List<Move>();
        foreach (var a in classArcs)
        {
            for (var f = flow.Flow(a.Arc); f > 0; f--)
            {
                moves.Add(new Move(classes[a.Class][taken[a.Class]++], targets[a.Target].UnitId, targets[a.Target].PostType, a.Cost, a.Distance));
            }
        }
        return new Result(moves, "optimal", next, flow.NumArcs());
    }
}
