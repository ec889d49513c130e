namespace CommunityWorkforce.Staffing.Workers;

/// <summary>
/// 公民身份号码, GB 11643-1999: 6-digit area, 8-digit birth date, 3-digit sequence (odd = male), check character.
/// </summary>
public readonly record struct CitizenId(string Value, DateOnly BirthDate, string Gender)
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static bool TryParse(string? text, out CitizenId id, out string error)
    {
        id = default;
        var value = text?.Trim().ToUpperInvariant() ?? "";
        if (value.Length != 18 || !value[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(value[17]) || value[17] == 'X'))
        {
            error = Text.Of("身份证号应为 18 位：前 17 位数字，末位数字或 X。", "An ID number has 18 characters: 17 digits, then a digit or X.");
            return false;
        }
        if (!DateOnly.TryParseExact(value.Substring(6, 8), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var birth) || birth.Year < 1900)
        {
            error = Text.Of("身份证号中的出生日期无效。", "The birth date inside the ID number is not a valid date.");
            return false;
        }
        if (value[17] != CheckCharacter(value))
        {
            error = Text.Of("身份证号校验位不正确，请核对。", "The ID number's check character is wrong.");
            return false;
        }
        id = new CitizenId(value, birth, (value[16] - '0') % 2 == 1 ? "1" : "2");
        error = "";
        return true;
    }

    /// <summary>The GB 11643 check character of the first 17 digits.</summary>
    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }
        return CheckCharacters[sum % 11];
    }

    /// <summary><c>3101**********123X</c>: the first 4 and last 4 characters only.</summary>
    public string Masked => Mask(Value);

    public static string Mask(string value) => value.Length < 8 ? new string('*', value.Length) : value[..4] + new string('*', value.Length - 8) + value[^4..];
}
