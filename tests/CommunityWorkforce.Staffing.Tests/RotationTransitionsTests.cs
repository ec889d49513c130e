using CommunityWorkforce.Staffing.Rotations;
using static CommunityWorkforce.Staffing.Rotations.RotationTransitions;

namespace CommunityWorkforce.Staffing.Tests;

/// <summary>The rotation request's state machine as a pure rule: every pair of statuses, for both actors.</summary>
[TestFixture]
public sealed class RotationTransitionsTests
{
    private static readonly (string From, string To, Actor By)[] Expected =
    [
        (RotationStatus.Draft, RotationStatus.Submitted, Actor.Requester),
        (RotationStatus.Draft, RotationStatus.Withdrawn, Actor.Requester),
        (RotationStatus.Submitted, RotationStatus.Withdrawn, Actor.Requester),
        (RotationStatus.Submitted, RotationStatus.Approved, Actor.Leader),
        (RotationStatus.Submitted, RotationStatus.Rejected, Actor.Leader),
    ];

    [Test]
    public void Exactly_the_drawn_transitions_are_allowed()
    {
        var allowed = new List<(string, string, Actor)>();
        foreach (var from in RotationStatus.All)
        {
            foreach (var to in RotationStatus.All)
            {
                foreach (var by in Enum.GetValues<Actor>())
                {
                    if (Allows(from, to, by))
                    {
                        allowed.Add((from, to, by));
                    }
                }
            }
        }
        Assert.That(allowed, Is.EquivalentTo(Expected));
    }

    [TestCase("approved")]
    [TestCase("rejected")]
    [TestCase("withdrawn")]
    public void Decided_and_withdrawn_requests_are_final(string status)
    {
        Assert.That(IsFinal(status), Is.True);
        Assert.That(Next(status, Actor.Requester), Is.Empty);
        Assert.That(Next(status, Actor.Leader), Is.Empty);
    }

    [Test]
    public void A_requester_cannot_decide_and_a_leader_cannot_withdraw()
    {
        Assert.That(Allows(RotationStatus.Submitted, RotationStatus.Approved, Actor.Requester), Is.False);
        Assert.That(Allows(RotationStatus.Submitted, RotationStatus.Rejected, Actor.Requester), Is.False);
        Assert.That(Allows(RotationStatus.Submitted, RotationStatus.Withdrawn, Actor.Leader), Is.False);
        Assert.That(Next(RotationStatus.Submitted, Actor.Leader), Is.EquivalentTo(new[] { RotationStatus.Approved, RotationStatus.Rejected }));
        Assert.That(Next(RotationStatus.Draft, Actor.Requester), Is.EquivalentTo(new[] { RotationStatus.Submitted, RotationStatus.Withdrawn }));
    }

    [Test]
    public void A_draft_cannot_be_decided_before_it_is_submitted()
    {
        Assert.That(Allows(RotationStatus.Draft, RotationStatus.Approved, Actor.Leader), Is.False);
        Assert.That(IsFinal(RotationStatus.Draft), Is.False);
    }
}
