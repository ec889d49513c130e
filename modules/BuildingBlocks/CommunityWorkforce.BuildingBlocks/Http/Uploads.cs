using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace CommunityWorkforce.BuildingBlocks.Http;

/// <summary>File uploads: one multipart form, a size limit, and the same answers from every upload endpoint.</summary>
public static class Uploads
{
    /// <summary>
    /// Maps a multipart upload at <paramref name="pattern"/>. A body that is not multipart gets 415 with a problem saying
    /// how to upload: without the second, hidden endpoint the content-type check of routing would pass the request on to
    /// the <c>/api</c> fallback, which answers 404.
    /// </summary>
    public static RouteHandlerBuilder MapUpload<TForm>(this IEndpointRouteBuilder group, string pattern, Delegate handler,
        string policy, long maxFileBytes) where TForm : notnull
    {
        group.MapPost(pattern, NotMultipart).RequireAuthorization(policy).WithOrder(1).ExcludeFromDescription();
        return group.MapPost(pattern, handler).RequireAuthorization(policy)
            .Accepts<TForm>("multipart/form-data").DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(maxFileBytes + 64 * 1024))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    public static ProblemHttpResult NotMultipart() => TypedResults.Problem(
        Text.Of("请以 multipart/form-data 上传文件（字段名 file）。", "Upload the file as multipart/form-data (field 'file')."),
        statusCode: StatusCodes.Status415UnsupportedMediaType, title: Text.Of("请求格式不支持", "Unsupported media type"),
        type: ProblemTypes.MalformedRequest);
}
