using Aggregator.Testing.Azurite;

namespace Aggregator.Tests;

/// <summary>One real Azurite for every storage-backed test in this assembly.</summary>
[CollectionDefinition(AzuriteFixture.Collection)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>;
