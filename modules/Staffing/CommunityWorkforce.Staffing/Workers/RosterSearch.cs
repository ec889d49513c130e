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
        var gram = text.Length == 1 ? text : text[..2];
        return new RosterSearch(Kinds.Name, gram.ToLowerInvariant(), BuildingBlocks.Http.Like.Contains(text), null, null, null)
        {
            ConfirmName = text.Length > gram.Length,
        };
    }

    /// <summary>The unigrams and bigrams of a name, lower-cased: what the n-gram index stores.</summary>
    public static IReadOnlyList<string> Grams(string name)
    {
        var text = name.Trim().ToLowerInvariant();
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                continue;
            }
            grams.Add(text[i].ToString());
            if (i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                grams.Add(text.Substring(i, 2));
            }
        }
        return grams.ToList();
    }
}
