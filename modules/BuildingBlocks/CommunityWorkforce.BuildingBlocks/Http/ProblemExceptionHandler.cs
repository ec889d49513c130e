using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace CommunityWorkforce.BuildingBlocks.Http;

/// <summary>
/// The one place exceptions become responses. Bad input (unreadable JSON, wrong types, unknown fields, bodies too
/// large) becomes a 400/413 problem naming the field; a unique-key race the code did not foresee becomes 409;
/// anything else is a 500 that says nothing about the server's insides (the log has the details).
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails problem = exception switch
        {
            BadHttpRequestException bad => BadRequest(bad),
            DbException db when IsUniqueViolation(db) => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Type = ProblemTypes.Duplicate,
                Title = Text.Of("记录重复", "Duplicate"),
                Detail = Text.Of("已存在相同的记录。", "A record with the same key already exists."),
            },
            OperationCanceledException when http.RequestAborted.IsCancellationRequested => new ProblemDetails
            {
                Status = 499,
                Title = "Client closed request",
            },
            _ => ServerError(exception),
        };
        http.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private ProblemDetails ServerError(Exception exception)
    {
        logger.LogError(exception, "Unhandled exception");
        return new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Type = ProblemTypes.ServerError,
            Title = Text.Of("服务器内部错误", "Internal server error"),
        };
    }

    private static ProblemDetails BadRequest(BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Type = ProblemTypes.MalformedRequest,
                Title = Text.Of("请求体过大", "Request body too large"),
            };
        }
        var json = FindInner<JsonException>(bad);
        var field = FieldFromJsonPath(json?.Path);
        var message = json is null
            ? Text.Of("请求格式无效。", "The request could not be read.")
            : Text.Of("值无法识别（类型错误、格式错误或未知字段）。", "The value could not be read (wrong type, bad format or unknown field).");
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Type = ProblemTypes.MalformedRequest,
            Title = Text.Of("请求格式无效", "Malformed request"),
            Detail = bad.Message.Length > 300 ? bad.Message[..300] : bad.Message,
        };
    }

    /// <summary><c>$.households</c> → <c>households</c>; <c>$</c> or nothing → <c>body</c>.</summary>
    internal static string FieldFromJsonPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }
        var trimmed = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return trimmed.Length == 0 ? "body" : trimmed;
    }

    private static T? FindInner<T>(Exception? exception) where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                return match;
            }
        }
        return null;
    }

    private static bool IsUniqueViolation(DbException exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        SqlException sql => sql.Number is 2601 or 2627,
        _ => false,
    };
}
