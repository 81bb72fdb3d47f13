using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Mensageria.Messaging.Credentials;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Mensageria.Api.Credentials;

/// <summary>
/// Authenticates <c>Authorization: Bearer KEY</c> against the app's service keys and the key store,
/// and answers a request it does not let through: 401 with <c>WWW-Authenticate</c> for a missing,
/// unknown, expired or revoked key, 429 with <c>Retry-After</c> over the key's rate. A Redis that
/// cannot tell throws, and the exception handler answers 503 as for any other Redis failure. The key
/// never reaches a log or a span; its id and name do.
/// </summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyAuthenticationOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<ApiKeyAuthenticationOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";

    private ApiKeyCheck? _check;

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
                return Success(service);
            }
        }

        _check = await keys.CheckAsync(token);
        if (_check.Verdict != ApiKeyVerdict.Accepted)
        {
            LogRefused(Logger, _check.Id ?? "-", _check.Verdict);
            return AuthenticateResult.Fail($"The key is {_check.Verdict}.");
        }

        return Success(_check.Name!);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
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

    private static AuthenticateResult Success(string name)
    {
        // Who called, for the trace: the key's name, never the key.
        Activity.Current?.SetTag("mensageria.client", name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], SchemeName)), SchemeName));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused key {KeyId}: {Verdict}")]
    private static partial void LogRefused(ILogger logger, string keyId, ApiKeyVerdict verdict);
}
