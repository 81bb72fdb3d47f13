namespace Mensageria.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class SharedAppDefinition : ICollectionFixture<AppHostFixture>
{
    public const string Name = "Shared app";
}
