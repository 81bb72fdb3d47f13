using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Mensageria.Messaging.Consuming;
using Mensageria.Messaging.Credentials;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Mensageria.Api.Credentials;

/// <summary>
/// Authenticates <c>Authorization: Bearer KEY</c> against the app's service keys and the key store,
/// and answers a request it does not let through: 401 with <c>WWW-Authenticate</c> for a missing,
/// unknown, expired or revoked key, 429 with <c>Retry-After</c> over the key's rate, 503 while Redis
/// cannot tell. The key never reaches a log or a span; its id and name do.
/// </summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ClientRole = "client";
    public const string ServiceRole = "service";

    private ApiKeyCheck? _check;
    private string? _unavailable;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!BearerToken.IsPresent(Request))
        {
            return AuthenticateResult.NoResult();
        }

        if (BearerToken.Read(Request) is not { } token)
        {
            _check = ApiKeyCheck.Unknown;
            return AuthenticateResult.Fail("The Authorization header is not one Bearer token.");
        }

        foreach (var (service, key) in Options.ServiceKeys)
        {
            if (key.Length > 0 && ApiKeySecret.FixedTimeEquals(token, key))
            {
                return Success(service, ServiceRole, id: null);
            }
        }

        try
        {
            _check = await keys.CheckAsync(token);
        }
        catch (Exception e) when (TransientFailure.Is(e))
        {
            _unavailable = TransientFailure.DescribeRedis(e);
            return AuthenticateResult.Fail(_unavailable);
        }

        if (_check.Verdict != ApiKeyVerdict.Accepted)
        {
            LogRefused(Logger, _check.Id ?? "-", _check.Verdict);
            return AuthenticateResult.Fail($"The key is {_check.Verdict}.");
        }

        return Success(_check.Name!, ClientRole, _check.Id);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (_unavailable is not null)
        {
            Response.Headers.RetryAfter = "2";
            await CredentialProblem.WriteAsync(Context, StatusCodes.Status503ServiceUnavailable, "Try again shortly.", _unavailable);
            return;
        }

        if (_check is { Verdict: ApiKeyVerdict.RateLimited } limited)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(limited.RetryAfter.TotalSeconds));
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await CredentialProblem.WriteAsync(Context, StatusCodes.Status429TooManyRequests, "Too many requests for this key.",
                $"The key '{limited.Name}' is over its requests per minute; try again in {seconds} s.");
            return;
        }

        var (error, detail) = _check?.Verdict switch
        {
            null => (null, "Send an API key as 'Authorization: Bearer KEY'. An operator creates one with 'mensageria keys create NAME'."),
            ApiKeyVerdict.Expired => ("invalid_token", $"The key '{_check.Name}' has expired; ask an operator for a new one."),
            ApiKeyVerdict.Revoked => ("invalid_token", $"The key '{_check.Name}' has been revoked."),
            _ => ("invalid_token", "The key is not one this API issued."),
        };
        Response.Headers.WWWAuthenticate = BearerToken.Challenge(error, detail);
        await CredentialProblem.WriteAsync(Context, StatusCodes.Status401Unauthorized, "An API key is required.", detail);
    }

    private static AuthenticateResult Success(string name, string role, string? id)
    {
        // Who called, for the trace: the key's name and id, never the key.
        Activity.Current?.SetTag("mensageria.client", name);
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.Role, role) };
        if (id is not null)
        {
            claims.Add(new Claim("mensageria:key-id", id));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused key {KeyId}: {Verdict}")]
    private static partial void LogRefused(ILogger logger, string keyId, ApiKeyVerdict verdict);
}
