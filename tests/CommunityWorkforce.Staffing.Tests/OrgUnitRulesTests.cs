using CommunityWorkforce.Staffing.OrgUnits;

namespace CommunityWorkforce.Staffing.Tests;

public sealed class OrgUnitRulesTests
{
    [TestCase(null, "city", true)]
    [TestCase(null, "district", false)]
    [TestCase("city", "district", true)]
    [TestCase("district", "street", true)]
    [TestCase("district", "community", false)]
    [TestCase("street", "community", true)]
    [TestCase("street", "centre", true)]
    [TestCase("community", "community", false)]
    [TestCase("centre", "community", false)]
    public void Levels_nest_city_district_street_then_community_or_centre(string? parent, string child, bool allowed) =>
        Assert.That(OrgUnitRules.MayContain(parent, child), Is.EqualTo(allowed));

    [Test]
    public void Path_is_the_parent_path_plus_the_code()
    {
        Assert.That(OrgUnitRules.PathOf(null, "310000"), Is.EqualTo("/310000/"));
        Assert.That(OrgUnitRules.PathOf("/310000/310106/", "310106021"), Is.EqualTo("/310000/310106/310106021/"));
        Assert.That(OrgUnitRules.DepthOf("/310000/310106/310106021/"), Is.EqualTo(3));
    }

    [Test]
    public void A_unit_is_within_itself_and_its_ancestors_but_not_a_sibling_with_a_longer_code()
    {
        Assert.That(OrgUnitRules.IsWithin("/310000/310106/", "/310000/"), Is.True);
        Assert.That(OrgUnitRules.IsWithin("/310000/", "/310000/"), Is.True);
        Assert.That(OrgUnitRules.IsWithin("/3100001/", "/310000/"), Is.False);
    }

    [TestCase("310106021", true)]
    [TestCase("SQ-01", true)]
    [TestCase("has space", false)]
    [TestCase("", false)]
    [TestCase("123456789012345678901", false)]
    public void Codes_are_letters_digits_and_dashes_up_to_20(string code, bool valid) =>
        Assert.That(OrgUnitRules.CodePattern().IsMatch(code), Is.EqualTo(valid));
}
