namespace Mensageria.Web;

/// <summary>Registers the typed client of the API.</summary>
public static class ApiClientExtensions
{
    /// <summary>"api" is the API's resource name; service discovery resolves it from <c>services__api__http__0</c>.</summary>
    public static readonly Uri ApiBaseAddress = new("http://api");

    public static IHostApplicationBuilder AddApiClient(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHttpClient<ApiClient>(http => http.BaseAddress = ApiBaseAddress);
        return builder;
    }
}
