using System.Diagnostics;

namespace Mensageria.Benchmarks;

/// <summary>Says what the benchmark does as it goes: each step, and a line per second while a phase runs.</summary>
public sealed class Progress(TextWriter output)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Step(string text) => output.WriteLine($"[{_clock.Elapsed:mm\\:ss}] {text}");

    /// <summary>Reports <paramref name="status"/> every second until the returned scope is disposed.</summary>
    public IAsyncDisposable Every(TimeSpan duration, string phase, Func<string> status)
    {
        var stop = new CancellationTokenSource();
        var started = _clock.Elapsed;
        var ticker = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            while (await timer.WaitForNextTickAsync(stop.Token).AsTask().ContinueWith(t => !t.IsCanceled, TaskScheduler.Default))
            {
                var elapsed = _clock.Elapsed - started;
                Step($"  {phase}: {Math.Min(elapsed.TotalSeconds, duration.TotalSeconds):0}/{duration.TotalSeconds:0} s, {status()}");
            }
        });
        return new Scope(stop, ticker);
    }

    private sealed class Scope(CancellationTokenSource stop, Task ticker) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await ticker;
            stop.Dispose();
        }
    }
}
