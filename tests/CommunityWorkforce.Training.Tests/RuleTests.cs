using CommunityWorkforce.Training.Certificates;
using CommunityWorkforce.Training.Courses;
using CommunityWorkforce.Training.Sessions;

namespace CommunityWorkforce.Training.Tests;

/// <summary>The pure rules, without a database.</summary>
[TestFixture]
public sealed class RuleTests
{
    [Test]
    public void Seats_go_to_newcomers_in_order_until_the_session_is_full()
    {
        Assert.That(SessionRules.Seats(12, 10, 4), Is.EqualTo(new[] { true, true, false, false }));
        Assert.That(SessionRules.Seats(12, 12, 2), Is.EqualTo(new[] { false, false }));
        Assert.That(SessionRules.Seats(12, 14, 1), Is.EqualTo(new[] { false }), "an over-full session (capacity lowered) seats no one");
    }

    [TestCase(12, 11, 3, 1)]
    [TestCase(12, 9, 2, 2)]
    [TestCase(12, 12, 5, 0)]
    [TestCase(12, 8, 0, 0)]
    public void Freed_seats_move_up_as_many_waiting_as_fit(int capacity, int enrolled, int waiting, int expected) =>
        Assert.That(SessionRules.ToPromote(capacity, enrolled, waiting), Is.EqualTo(expected));

    [Test]
    public void A_worker_may_attend_sessions_of_their_unit_and_its_ancestors()
    {
        Assert.That(Track.TrackSql.Ancestors("/310000/310106/310106001/310106001001/"),
            Is.EqualTo(new[] { "/310000/", "/310000/310106/", "/310000/310106/310106001/", "/310000/310106/310106001/310106001001/", null, null }));
        Assert.That(Track.TrackSql.Ancestors("/310000/"), Is.EqualTo(new[] { "/310000/", null, null, null, null, null }));
        Assert.That(Track.TrackSql.Ancestors("/"), Is.All.Null, "no unit, no session");
    }

    [Test]
    public void Hours_credited_lie_between_half_an_hour_and_the_courses_hours()
    {
        Assert.That(SessionRules.HoursAllowed(6, 6), Is.True);
        Assert.That(SessionRules.HoursAllowed(0.5m, 6), Is.True);
        Assert.That(SessionRules.HoursAllowed(6.5m, 6), Is.False);
        Assert.That(SessionRules.HoursAllowed(2.25m, 6), Is.False);
        Assert.That(SessionRules.HoursAllowed(0, 6), Is.False);
    }

    [Test]
    public void Attendance_is_taken_from_the_sessions_day_on()
    {
        var day = new DateOnly(2026, 5, 11);
        Assert.That(SessionRules.HasStarted(day, day.AddDays(-1)), Is.False);
        Assert.That(SessionRules.HasStarted(day, day), Is.True);
        Assert.That(SessionRules.HasStarted(day, day.AddDays(3)), Is.True);
    }

    [Test]
    public void The_local_day_of_a_session_is_chinas()
    {
        Assert.That(SessionRules.LocalDay(new DateTimeOffset(2026, 3, 1, 17, 0, 0, TimeSpan.Zero)), Is.EqualTo(new DateOnly(2026, 3, 2)));
        Assert.That(SessionRules.LocalDay(new DateTimeOffset(2026, 3, 1, 15, 59, 0, TimeSpan.Zero)), Is.EqualTo(new DateOnly(2026, 3, 1)));
    }

    [Test]
    public void A_social_work_registration_lasts_three_years_and_the_rule_is_72_or_90_hours()
    {
        Assert.That(CertificateRules.RegistrationExpiry(new DateOnly(2024, 3, 1)), Is.EqualTo(new DateOnly(2027, 2, 28)));
        Assert.That(CertificateRules.RegistrationExpiry(new DateOnly(2024, 2, 29)), Is.EqualTo(new DateOnly(2027, 2, 27)));
        Assert.That(CertificateRules.ContinuingEducationRequired("assistant", 72, 90), Is.EqualTo(72));
        Assert.That(CertificateRules.ContinuingEducationRequired("intermediate", 72, 90), Is.EqualTo(90));
        Assert.That(CertificateRules.ContinuingEducationRequired("senior", 72, 90), Is.EqualTo(90));
        Assert.That(CertificateRules.ExpiresWithin(new DateOnly(2026, 3, 31), new DateOnly(2026, 1, 1), 90), Is.True);
        Assert.That(CertificateRules.ExpiresWithin(new DateOnly(2026, 4, 2), new DateOnly(2026, 1, 1), 90), Is.False);
        Assert.That(CertificateRules.ExpiresWithin(new DateOnly(2025, 12, 31), new DateOnly(2026, 1, 1), 90), Is.False, "already expired");
    }

    [Test]
    public void A_recurring_course_lapses_after_its_recurrence_and_audiences_match_post_type_and_subtree()
    {
        Assert.That(CourseRules.ValidUntil(new DateOnly(2026, 5, 10), 24), Is.EqualTo(new DateOnly(2028, 5, 9)));
        Assert.That(CourseRules.ValidUntil(new DateOnly(2026, 5, 10), null), Is.Null);
        var stored = CourseRules.JoinPostTypes(["staff", "head", "staff"]);
        Assert.That(stored, Is.EqualTo(",head,staff,"));
        Assert.That(CourseRules.SplitPostTypes(stored), Is.EqualTo(new[] { "head", "staff" }));
        Assert.That(CourseRules.IsFor(stored, "/310000/310106/", "staff", "/310000/310106/310106021/"), Is.True);
        Assert.That(CourseRules.IsFor(stored, "/310000/310106/", "deputy", "/310000/310106/310106021/"), Is.False);
        Assert.That(CourseRules.IsFor(null, "/310000/310107/", "staff", "/310000/310106/310106021/"), Is.False);
        Assert.That(CourseRules.IsFor(null, null, null, "/310000/"), Is.True);
    }
}
