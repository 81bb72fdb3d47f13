namespace Mensageria.Web;

/// <summary>Registers the typed client of the API.</summary>
public static class ApiClientExtensions
{
    /// <summary>"api" is the API's resource name; service discovery resolves it from <c>services__api__http__0</c>.</summary>
    public static readonly Uri ApiBaseAddress = new("http://api");

    /// <summary>
    /// The web calls the API with its own service key (<c>Mensageria:Api:Key</c>, a generated parameter of the
    /// app host), so shoppers need none.
    /// </summary>
    public static IHostApplicationBuilder AddApiClient(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var key = builder.Configuration["Mensageria:Api:Key"];
        builder.Services.AddHttpClient<ApiClient>(http =>
        {
            http.BaseAddress = ApiBaseAddress;
            if (!string.IsNullOrEmpty(key))
            {
                http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            }
        });
        return builder;
    }
}
