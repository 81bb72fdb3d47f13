using System.Runtime.Versioning;

// The app host runs RabbitMQ and Redis as Linux processes (setsid, /proc, POSIX signals).
[assembly: SupportedOSPlatform("linux")]
