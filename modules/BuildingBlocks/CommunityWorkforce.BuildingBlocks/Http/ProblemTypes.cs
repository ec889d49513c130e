using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityWorkforce.BuildingBlocks.Http;

/// <summary>Stable problem <c>type</c> URIs; clients switch on these, so they never change.</summary>
public static class ProblemTypes
{
    public const string Validation = "urn:cw:problem:validation";
    public const string MalformedRequest = "urn:cw:problem:malformed-request";
    public const string Unauthenticated = "urn:cw:problem:unauthenticated";
    public const string Forbidden = "urn:cw:problem:forbidden";
    public const string NotFound = "urn:cw:problem:not-found";
    public const string VersionConflict = "urn:cw:problem:version-conflict";
    public const string PreconditionFailed = "urn:cw:problem:precondition-failed";
    public const string Duplicate = "urn:cw:problem:duplicate";
    public const string RuleViolation = "urn:cw:problem:rule-violation";
    public const string InvalidCredentials = "urn:cw:problem:invalid-credentials";
    public const string AccountLocked = "urn:cw:problem:account-locked";
    public const string AccountDisabled = "urn:cw:problem:account-disabled";
    public const string InvalidRefreshToken = "urn:cw:problem:invalid-refresh-token";
    public const string RateLimited = "urn:cw:problem:rate-limited";
    public const string PasswordChangeRequired = "urn:cw:problem:password-change-required";
    public const string HeadcountExceeded = "urn:cw:problem:headcount-exceeded";
    public const string ServerError = "urn:cw:problem:server-error";
}

/// <summary>Builders for problem results, so every module says conflicts the same way.</summary>
public static class Problems
{
    public static ProblemHttpResult Conflict(string type, string title, string? detail = null,
        IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title, type: type,
            extensions: extensions);

    /// <summary>The row changed since the client read it: 409, or 412 when the client used If-Match.</summary>
    public static ProblemHttpResult StaleVersion(bool fromIfMatch) => fromIfMatch
        ? TypedResults.Problem(
            Text.Of("记录已被他人修改，请刷新后重试。", "The record was changed by someone else; reload and retry."),
            statusCode: StatusCodes.Status412PreconditionFailed,
            title: Text.Of("版本不匹配", "Precondition failed"),
            type: ProblemTypes.PreconditionFailed)
        : TypedResults.Problem(
            Text.Of("记录已被他人修改，请刷新后重试。", "The record was changed by someone else; reload and retry."),
            statusCode: StatusCodes.Status409Conflict,
            title: Text.Of("版本冲突", "Version conflict"),
            type: ProblemTypes.VersionConflict);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden,
            title: Text.Of("无权执行此操作", "Forbidden"), type: ProblemTypes.Forbidden);
}
