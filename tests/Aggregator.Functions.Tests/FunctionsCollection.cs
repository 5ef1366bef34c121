using Aggregator.Functions.Tests.Harness;

namespace Aggregator.Functions.Tests;

/// <summary>One Azurite and one sample-feed server for every test that runs the app.</summary>
[CollectionDefinition(FunctionsEnvironment.Collection)]
public sealed class FunctionsCollection : ICollectionFixture<FunctionsEnvironment>;
