using System.Runtime.Versioning;
using Mensageria.Tests.Infrastructure;

// The tests run RabbitMQ and Redis as Linux processes and read /proc.
[assembly: SupportedOSPlatform("linux")]
[assembly: AssemblyFixture(typeof(TestDataRoot))]
