namespace Aggregator.Benchmarks;

/// <summary>One benchmark, run by name: `dotnet run -c Release --project tests/Aggregator.Benchmarks -- NAME`.</summary>
public interface IBenchCommand
{
    /// <summary>The name typed on the command line.</summary>
    string Name { get; }

    /// <summary>One line for the list printed when no name is given.</summary>
    string Description { get; }

    Task<int> RunAsync(string[] args);
}
