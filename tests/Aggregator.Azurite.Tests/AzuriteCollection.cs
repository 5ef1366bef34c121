using Aggregator.Testing.Azurite;

namespace Aggregator.Azurite.Tests;

/// <summary>All tests against the emulator share one Azurite for the assembly's run.</summary>
[CollectionDefinition(AzuriteFixture.Collection)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
}
