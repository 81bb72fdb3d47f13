using System.Security.Cryptography;
using System.Text.Json;

namespace Mensageria.Hosting.State;

/// <summary>
/// Generated secrets (passwords, keys) kept in the state directory, so that a server's data
/// written under one password is still readable after a restart. The file is readable by its
/// owner only.
/// </summary>
public sealed class SecretStore(string path)
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private readonly Lock _gate = new();

    public string GetOrCreate(string name)
    {
        lock (_gate)
        {
            var secrets = Read();
            if (secrets.TryGetValue(name, out var existing))
            {
                return existing;
            }

            var created = RandomNumberGenerator.GetString(Alphabet, 32);
            secrets[name] = created;
            Write(secrets);
            return created;
        }
    }

    private Dictionary<string, string> Read() =>
        File.Exists(path)
            ? JsonSerializer.Deserialize(File.ReadAllText(path), HostingJsonContext.Default.DictionaryStringString) ?? []
            : [];

    private void Write(Dictionary<string, string> secrets)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        PrivateFile.WriteAllLines(path, [JsonSerializer.Serialize(secrets, HostingJsonContext.Default.DictionaryStringString)]);
    }
}
