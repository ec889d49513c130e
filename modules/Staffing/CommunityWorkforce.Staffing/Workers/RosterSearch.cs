using System.Text;

namespace CommunityWorkforce.Staffing.Workers;

/// <summary>
/// How the roster's free-text search is answered. Chinese text is a name fragment, found through the name n-gram
/// index; letters and digits are a staff-number prefix (or, four digits, a phone number's last four). Each kind has
/// its own SQL so that each uses its own index instead of scanning every worker.
/// </summary>
internal sealed record RosterSearch(RosterSearch.Kinds Kind, string? Gram, string? NamePattern, string? CodeLow, string? CodeHigh, string? Last4)
{
    /// <summary>A name fragment longer than its n-gram: the candidates must be confirmed by LIKE on the name.</summary>
    public bool ConfirmName { get; private init; }

    internal enum Kinds
    {
        None,
        Name,
        Code,
    }

    public static RosterSearch For(string? q)
    {
        var text = q?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return new RosterSearch(Kinds.None, null, null, null, null, null);
        }
        if (text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            var low = text.ToUpperInvariant();
            // Staff numbers are upper-case [0-9A-Z-], at most 20 long: every number with this prefix sorts between these.
            var high = low + new string('Z', Math.Max(0, 20 - low.Length));
            var last4 = text.Length == 4 && text.All(char.IsAsciiDigit) ? text : null;
            return new RosterSearch(Kinds.Code, null, null, low, high, last4);
        }
        var characters = Characters(text.ToLowerInvariant());
        var gram = string.Concat(characters.Take(2));
        return new RosterSearch(Kinds.Name, gram, BuildingBlocks.Http.Like.Contains(text), null, null, null)
        {
            ConfirmName = characters.Count > 2,
        };
    }

    /// <summary>
    /// The unigrams and bigrams of a name, lower-cased: what the n-gram index stores. Counted in characters (Unicode
    /// scalar values), not UTF-16 units, so that a 生僻字 beyond the Basic Multilingual Plane (𠀀, 𪚥, 𬌗: a surrogate
    /// pair) is one character and never split into halves that the database cannot store.
    /// </summary>
    public static IReadOnlyList<string> Grams(string name)
    {
        var characters = Characters(name.Trim().ToLowerInvariant());
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < characters.Count; i++)
        {
            if (IsSpace(characters[i]))
            {
                continue;
            }
            grams.Add(characters[i]);
            if (i + 1 < characters.Count && !IsSpace(characters[i + 1]))
            {
                grams.Add(characters[i] + characters[i + 1]);
            }
        }
        return grams.ToList();
    }

    /// <summary>The text's characters, each a whole scalar value (one or two UTF-16 units).</summary>
    private static List<string> Characters(string text) => text.EnumerateRunes().Select(r => r.ToString()).ToList();

    private static bool IsSpace(string character) => Rune.IsWhiteSpace(Rune.GetRuneAt(character, 0));
}
