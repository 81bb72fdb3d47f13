using Mensageria.Hosting.ApplicationModel;
using Mensageria.Hosting.Lifecycle;
using Mensageria.Hosting.Processes;
using Mensageria.Hosting.State;
using Microsoft.Extensions.Logging;

namespace Mensageria.Hosting.Runners;

/// <summary>What every runner shares: where state lives, where output goes, who hears of changes.</summary>
internal sealed record RunnerContext(
    StateDirectory State,
    ResourceLogStore Logs,
    ProcessLedger Ledger,
    ResourceNotificationService Notifications,
    string EnvironmentName,
    TelemetryEndpoint? Telemetry,
    TimeProvider TimeProvider,
    ILoggerFactory LoggerFactory);
