using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting;

/// <summary>The app's own credentials, as generated parameters: a service's key to the API, and the operator's secret.</summary>
internal static partial class CredentialsExtensions
{
    /// <summary>Gives a service its own key to the API: the service sends it, the API accepts it as that service's.</summary>
    public static IResourceBuilder<ProjectResource> WithApiKey(
        this IResourceBuilder<ProjectResource> client, IResourceBuilder<ProjectResource> api, IResourceBuilder<ParameterResource> key)
    {
        api.WithEnvironment($"Mensageria__Credentials__ServiceKeys__{client.Resource.Name}", key);
        return client.WithEnvironment("Mensageria__Api__Key", key);
    }

    /// <summary>
    /// The operator's secret for the operations panel, printed with the panel's login URL once the service is
    /// ready, as the dashboard prints its own. The secret travels in the URL's fragment, which a browser never
    /// sends, so it reaches no request log or span; the page posts it to <c>/ops/login</c>.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithOperatorLogin(this IResourceBuilder<ProjectResource> web, IResourceBuilder<ParameterResource> secret)
    {
        var endpoint = web.GetEndpoint("http");
        return web
            .WithEnvironment("Mensageria__Operations__OperatorSecret", secret)
            .OnResourceReady(async (_, ready, cancellationToken) =>
            {
                var value = await secret.Resource.GetValueAsync(cancellationToken);
                var logger = ready.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Mensageria.AppHost");
                var url = endpoint.Url;
                LogLoginUrl(logger, url, value);
            });
    }

    // Generated secrets are letters and digits: nothing in them needs escaping in a URL.
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Log in to the operations panel at {OperationsUrl}/#operator-secret={OperatorSecret}")]
    private static partial void LogLoginUrl(ILogger logger, string operationsUrl, string? operatorSecret);
}
