using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Mensageria.Tests.Infrastructure;

/// <summary>
/// The app host as its own process, as <c>dotnet run --project Mensageria.AppHost</c> runs it (its
/// launch profile's settings, the services on their launch profiles' ports), on a given data folder,
/// for tests that kill the app host itself. Disposing it stops it as Ctrl+C does.
/// </summary>
internal sealed class AppHostProcess : IAsyncDisposable
{
    public static readonly Uri Api = new("http://localhost:5070");
    public static readonly Uri Web = new("http://localhost:5080");

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppHostProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    /// <summary>What the app host wrote, for a failure's message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the app host and waits until the API and the web answer <c>/health</c>.</summary>
    public static async Task<AppHostProcess> StartAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(SolutionPrograms.AppHost)!,
            Environment =
            {
                // The launch profile's, which `dotnet run` would apply; the dashboard on free ports.
                ["DOTNET_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
            },
        };
        foreach (var argument in (string[])[SolutionPrograms.AppHost, $"--LocalServers:DataDirectory={dataDirectory}", "--LocalServers:Policy=Always",
            .. TestCredentials.Arguments(), .. new TestDashboard().Arguments()])
        {
            start.ArgumentList.Add(argument);
        }

        var appHost = new AppHostProcess(Process.Start(start)!);
        appHost._process.OutputDataReceived += (_, line) => appHost.Append(line.Data);
        appHost._process.ErrorDataReceived += (_, line) => appHost.Append(line.Data);
        appHost._process.BeginOutputReadLine();
        appHost._process.BeginErrorReadLine();
        try
        {
            await appHost.WaitUntilHealthyAsync(cancellationToken);
            return appHost;
        }
        catch
        {
            await appHost.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Every live process the app host started: its children, and DCP, which detaches from it
    /// (<c>dcp start-apiserver --monitor PID</c>), with everything under DCP: the servers, the services, the dashboard.
    /// </summary>
    public IReadOnlyList<int> Started()
    {
        var dcp = ProcessProbe.WithCommandLine($"start-apiserver --monitor {Pid} ");
        return [.. ProcessProbe.Descendants(Pid), .. dcp, .. dcp.SelectMany(ProcessProbe.Descendants)];
    }

    /// <summary>SIGKILL to the app host alone: what it started is DCP's to stop.</summary>
    public void Kill() => _process.Kill(entireProcessTree: false);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        foreach (var service in new[] { Api, Web })
        {
            while (true)
            {
                if (_process.HasExited)
                {
                    Assert.Fail($"The app host exited ({_process.ExitCode}):{Environment.NewLine}{Output}");
                }

                Assert.True(deadline.Elapsed < AppHostFixture.StartTimeout, $"{service} did not answer /health in time:{Environment.NewLine}{Output}");
                try
                {
                    using var health = await http.GetAsync(new Uri(service, "/health"), cancellationToken);
                    if (health.IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                }

                await Task.Delay(250, cancellationToken);
            }
        }
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
