namespace Mensageria.Web.Credentials;

/// <summary>The names of the operator's login: its schemes, policy, role and cookie.</summary>
public static class OperatorDefaults
{
    /// <summary>Picks the bearer scheme when an Authorization header came, else the cookie.</summary>
    public const string Scheme = "Operator";
    public const string BearerScheme = "OperatorBearer";
    public const string CookieScheme = "OperatorCookie";
    public const string Policy = "Operator";
    public const string Role = "operator";
    public const string CookieName = "mensageria-operator";
}
