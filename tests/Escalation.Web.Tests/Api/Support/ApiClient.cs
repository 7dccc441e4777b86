using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Escalation.Web.Tests.Api.Support;

/// <summary>An HTTP client for the API that sends <c>Authorization: Bearer</c> when it has a token, and reads every answer whole.</summary>
public sealed class ApiClient(HttpClient http, string? token) : IDisposable
{
    public Task<ApiResponse> GetAsync(string path, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (accept is not null)
            request.Headers.Accept.ParseAdd(accept);
        return SendAsync(request);
    }

    public Task<ApiResponse> PutAsync(string path, JsonNode? body) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Put, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body?.ToJsonString() ?? "null", Encoding.UTF8, "application/json"),
        });

    public Task<ApiResponse> PostAsync(string path, JsonNode? body, string? ifMatch = null) =>
        PostRawAsync(path, body?.ToJsonString() ?? "null", "application/json", ifMatch);

    /// <summary>Posts the text exactly as given, so that malformed JSON and wrong content types can be sent.</summary>
    public Task<ApiResponse> PostRawAsync(string path, string? content, string? contentType = "application/json", string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        if (content is not null)
        {
            request.Content = new StringContent(content, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        }

        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return SendAsync(request);
    }

    public async Task<ApiResponse> SendAsync(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using (request)
        {
            if (token is not null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            return await ApiResponse.ReadAsync(response);
        }
    }

    public void Dispose() => http.Dispose();
}

/// <summary>A response read to the end: status, headers and body, with the JSON parsed on demand.</summary>
public sealed class ApiResponse
{
    private readonly Dictionary<string, string> _headers;

    private ApiResponse(HttpStatusCode status, string body, string? mediaType, Dictionary<string, string> headers)
    {
        Status = status;
        Body = body;
        MediaType = mediaType;
        _headers = headers;
    }

    public HttpStatusCode Status { get; }

    public string Body { get; }

    public string? MediaType { get; }

    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("The body is JSON null.");

    public string? ETag => Header("ETag");

    public string? Header(string name) => _headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The fields named in a validation problem's <c>errors</c>.</summary>
    public IReadOnlyList<string> ErrorFields => Json["errors"] is JsonObject errors ? [.. errors.Select(e => e.Key)] : [];

    /// <summary>For assertion messages: the status and the start of the body.</summary>
    public string Describe() => $"{(int)Status} {MediaType}: {(Body.Length > 600 ? Body[..600] + "..." : Body)}";

    public static async Task<ApiResponse> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = string.Join(", ", values);
        }

        return new ApiResponse(response.StatusCode, body, response.Content.Headers.ContentType?.MediaType, headers);
    }
}
