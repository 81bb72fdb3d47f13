using System.Security.Claims;
using System.Text.Encodings.Web;
using Mensageria.Messaging.Credentials;
using Mensageria.Web.Operations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Mensageria.Web.Credentials;

/// <summary>
/// <c>Authorization: Bearer OPERATOR-SECRET</c> on <c>/ops</c>, for scripts and the command line. A valid
/// client API key is recognised and forbidden (403: it is not the operator's); anything else is 401.
/// </summary>
public sealed class OperatorBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory loggerFactory, UrlEncoder encoder,
    IOptions<OperationsOptions> operations, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken.Read(Request) is not { } token)
        {
            return BearerToken.IsPresent(Request) ? AuthenticateResult.Fail("The Authorization header is not one Bearer token.") : AuthenticateResult.NoResult();
        }

        if (operations.Value.OperatorSecret is { Length: > 0 } secret && ApiKeySecret.FixedTimeEquals(token, secret))
        {
            return Success(OperatorDefaults.Role, OperatorDefaults.Role);
        }

        // A Redis that cannot tell throws: the exception handler answers 503, as for any Redis failure.
        return await keys.CheckAsync(token) is { Verdict: ApiKeyVerdict.Accepted or ApiKeyVerdict.RateLimited, Name: { } client }
            ? Success(client, "client")
            : AuthenticateResult.Fail("Not the operator's secret.");
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = BearerToken.Challenge("invalid_token", "Not the operator's secret.");
        await CredentialProblem.WriteAsync(Context, StatusCodes.Status401Unauthorized, "The operator login is required.", OperatorLoginApi.Hint);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        CredentialProblem.WriteAsync(Context, StatusCodes.Status403Forbidden, "Operators only.",
            "This is a client API key: it may call the order API, not the operations endpoints. " + OperatorLoginApi.Hint);

    private AuthenticateResult Success(string name, string role) =>
        AuthenticateResult.Success(new AuthenticationTicket(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)], Scheme.Name)), Scheme.Name));
}
