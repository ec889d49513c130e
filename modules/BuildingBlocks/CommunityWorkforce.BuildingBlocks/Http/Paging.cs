using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityWorkforce.BuildingBlocks.Http;

/// <summary>The common list parameters: <c>?page=&amp;pageSize=&amp;sort=&amp;q=</c>.</summary>
public sealed record PageQuery
{
    public const int MaxPageSize = 200;

    public int? Page { get; init; }
    public int? PageSize { get; init; }

    /// <summary>A whitelisted field, <c>-field</c> for descending.</summary>
    public string? Sort { get; init; }

    /// <summary>Free-text search.</summary>
    public string? Q { get; init; }

    public int PageNumber => Page ?? 1;
    public int Size => PageSize ?? 20;
    public int Skip => (PageNumber - 1) * Size;

    public void Validate(Validator validator, IReadOnlyDictionary<string, string> sortable)
    {
        validator.Range("page", Page, 1, 100_000)
            .Range("pageSize", PageSize, 1, MaxPageSize)
            .Optional("q", Q, 100);
        if (Sort is not null && !sortable.ContainsKey(Sort.TrimStart('-')))
        {
            validator.Add("sort", Text.Of($"不支持的排序字段，可用：{string.Join("、", sortable.Keys)}。",
                $"Unsupported sort field; use one of: {string.Join(", ", sortable.Keys)}."));
        }
    }

    /// <summary>
    /// The ORDER BY list for a whitelisted sort; a unique tie-breaker column is appended to keep pages stable (not when
    /// the sort column is the tie-breaker itself).
    /// </summary>
    public string OrderBy(IReadOnlyDictionary<string, string> sortable, string defaultSort, string tieBreaker)
    {
        var key = Sort ?? defaultSort;
        var descending = key.StartsWith('-');
        var column = sortable[key.TrimStart('-')];
        var sorted = $"{column}{(descending ? " DESC" : "")}";
        return column == tieBreaker ? sorted : $"{sorted}, {tieBreaker}";
    }

    /// <summary>The LIKE pattern for <see cref="Q"/> (use with <c>ESCAPE '\'</c>); wildcards typed by the user are literal.</summary>
    public string? QPattern => Like.Contains(Q);
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public static class PagedSql
{
    /// <summary>Puts the whitelisted ORDER BY list into a SQL text's <c>{orderBy}</c> slot.</summary>
    public static string WithOrderBy(string sql, string orderBy) => sql.Replace("{orderBy}", orderBy, StringComparison.Ordinal);
}

/// <summary>LIKE patterns for <c>... LIKE @Pattern ESCAPE '\'</c>, which both dialects understand.</summary>
public static class Like
{
    public static string? Contains(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : "%" + Escape(text.Trim()) + "%";

    public static string? StartsWith(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Escape(text.Trim()) + "%";

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
