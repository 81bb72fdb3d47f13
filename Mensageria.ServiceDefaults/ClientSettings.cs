using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Mensageria.ServiceDefaults;

/// <summary>
/// What every client registration reads: a connection string and whether to health-check it,
/// bound from <c>{section}:{connectionName}</c>; <c>ConnectionStrings:{connectionName}</c>, when set, wins.
/// </summary>
public abstract class ClientSettings
{
    public string? ConnectionString { get; set; }

    /// <summary>Leaves the connection out of <c>/health</c>.</summary>
    public bool DisableHealthChecks { get; set; }

    internal static TSettings Bind<TSettings>(IHostApplicationBuilder builder, string section, string connectionName, Action<TSettings>? configure)
        where TSettings : ClientSettings, new()
    {
        var settings = new TSettings();
        builder.Configuration.GetSection($"{section}:{connectionName}").Bind(settings);
        if (builder.Configuration.GetConnectionString(connectionName) is { Length: > 0 } connectionString)
        {
            settings.ConnectionString = connectionString;
        }

        configure?.Invoke(settings);
        return settings;
    }
}
