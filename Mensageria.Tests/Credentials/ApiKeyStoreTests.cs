using Mensageria.Messaging.Credentials;
using Mensageria.Messaging.Orders;
using Mensageria.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace Mensageria.Tests.Credentials;

/// <summary>The key store on the shared app's Redis, with time in the test's hands.</summary>
[Collection(SharedAppDefinition.Name)]
public sealed class ApiKeyStoreTests(AppHostFixture fixture)
{
    private static readonly TimeSpan s_window = TimeSpan.FromDays(7);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_key_turns_from_valid_to_expiring_soon_to_expired_as_time_passes()
    {
        await using var redis = await ConnectAsync();
        var store = new ApiKeyStore(redis, _time);
        var (record, key) = await store.CreateAsync("ages", TimeSpan.FromDays(30), 100);

        Assert.Equal(CredentialState.Valid, record.StateAt(_time.GetUtcNow(), s_window));
        Assert.Equal(ApiKeyVerdict.Accepted, (await store.CheckAsync(key)).Verdict);

        _time.Advance(TimeSpan.FromDays(23) + TimeSpan.FromMinutes(1));
        Assert.Equal(CredentialState.ExpiringSoon, (await store.GetAsync(record.Id))!.StateAt(_time.GetUtcNow(), s_window));
        Assert.Equal(ApiKeyVerdict.Accepted, (await store.CheckAsync(key)).Verdict);

        _time.Advance(TimeSpan.FromDays(7));
        Assert.Equal(CredentialState.Expired, (await store.GetAsync(record.Id))!.StateAt(_time.GetUtcNow(), s_window));
        Assert.Equal(ApiKeyVerdict.Expired, (await store.CheckAsync(key)).Verdict);
    }

    [Fact]
    public async Task Only_the_keys_hash_is_stored_with_its_use_and_the_first_revocation()
    {
        await using var redis = await ConnectAsync();
        var store = new ApiKeyStore(redis, _time);
        var (record, key) = await store.CreateAsync("stored", TimeSpan.FromDays(1), 100);
        var usedAt = _time.GetUtcNow();
        await store.CheckAsync(key);

        var fields = (await redis.GetDatabase().HashGetAllAsync(RedisKeys.ApiKey(record.Id))).ToDictionary(e => (string)e.Name!, e => (string)e.Value!);
        Assert.Equal(ApiKeySecret.Hash(key), fields["hash"]);
        Assert.DoesNotContain(fields.Values, value => value.Contains(key[(key.LastIndexOf('_') + 1)..], StringComparison.Ordinal));
        Assert.Equal(usedAt, (await store.GetAsync(record.Id))!.LastUsedAt);

        Assert.True(await store.RevokeAsync(record.Id));
        var revokedAt = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromHours(1));
        Assert.True(await store.RevokeAsync(record.Id));

        Assert.Equal(revokedAt, (await store.GetAsync(record.Id))!.RevokedAt);
        Assert.Equal(ApiKeyVerdict.Revoked, (await store.CheckAsync(key)).Verdict);
        Assert.False(await store.RevokeAsync("000000000000"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("mk_")]
    [InlineData("mk_0123456789AB_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("mk_0123456789ab-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("mk_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_key_of_the_wrong_form_is_unknown(string presented)
    {
        await using var redis = await ConnectAsync();

        Assert.Null(ApiKeySecret.IdOf(presented));
        Assert.Equal(ApiKeyVerdict.Unknown, (await new ApiKeyStore(redis, _time).CheckAsync(presented)).Verdict);
    }

    private async Task<ConnectionMultiplexer> ConnectAsync() =>
        await ConnectionMultiplexer.ConnectAsync(await fixture.App.GetRequiredConnectionStringAsync("cache", TestContext.Current.CancellationToken));
}
