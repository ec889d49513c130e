using CommunityWorkforce.Staffing.Workers;

namespace CommunityWorkforce.Staffing.Tests;

/// <summary>GB 11643-1999 citizen ID numbers, without a database.</summary>
public sealed class CitizenIdTests
{
    private static string WithCheck(string first17) => first17 + CitizenId.CheckCharacter(first17);

    [Test]
    public void The_standard_example_is_valid_and_yields_birth_date_and_gender()
    {
        var valid = CitizenId.TryParse("11010519491231002X", out var id, out var error);

        Assert.That(valid, Is.True, error);
        Assert.That(id.Value, Is.EqualTo("11010519491231002X"));
        Assert.That(id.BirthDate, Is.EqualTo(new DateOnly(1949, 12, 31)));
        Assert.That(id.Gender, Is.EqualTo("2"));
    }

    [Test]
    public void A_wrong_check_character_is_refused()
    {
        var valid = CitizenId.TryParse("110105194912310021", out _, out var error);

        Assert.That(valid, Is.False);
        Assert.That(error, Is.Not.Empty);
    }

    [Test]
    public void A_birth_date_that_does_not_exist_is_refused_even_with_a_correct_check_character()
    {
        var valid = CitizenId.TryParse(WithCheck("310106" + "19900231" + "123"), out _, out var error);

        Assert.That(valid, Is.False);
        Assert.That(error, Is.Not.Empty);
    }

    [TestCase("11010519491231002")]
    [TestCase("11010519491231002XX")]
    [TestCase("1101051949123100AX")]
    [TestCase("")]
    public void Anything_but_17_digits_and_a_digit_or_X_is_refused(string text) =>
        Assert.That(CitizenId.TryParse(text, out _, out _), Is.False);

    [Test]
    public void A_lowercase_x_is_accepted_and_stored_upper_case()
    {
        var valid = CitizenId.TryParse("11010519491231002x", out var id, out var error);

        Assert.That(valid, Is.True, error);
        Assert.That(id.Value, Is.EqualTo("11010519491231002X"));
    }

    [TestCase("013", "1")]
    [TestCase("021", "1")]
    [TestCase("024", "2")]
    [TestCase("120", "2")]
    public void Gender_comes_from_the_17th_digit_odd_male_even_female(string sequence, string gender)
    {
        Assert.That(CitizenId.TryParse(WithCheck("310106" + "19900101" + sequence), out var id, out var error), Is.True, error);

        Assert.That(id.Gender, Is.EqualTo(gender));
    }

    [Test]
    public void Masked_shows_only_the_first_four_and_last_four_characters()
    {
        CitizenId.TryParse("11010519491231002X", out var id, out _);

        Assert.That(id.Masked, Is.EqualTo("1101**********002X"));
    }
}
