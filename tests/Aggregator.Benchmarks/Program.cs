using System.Reflection;
using Aggregator.Benchmarks;

// Each benchmark is an IBenchCommand found by reflection, so adding one touches only its own file.
var commands = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchCommand)Activator.CreateInstance(t)!)
    .OrderBy(c => c.Name, StringComparer.Ordinal)
    .ToList();

var name = args.FirstOrDefault();
var command = commands.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
if (command is null)
{
    Console.WriteLine("usage: dotnet run -c Release --project tests/Aggregator.Benchmarks -- NAME [args]");
    foreach (var c in commands)
    {
        Console.WriteLine($"  {c.Name,-16} {c.Description}");
    }

    return name is null ? 0 : 2;
}

return await command.RunAsync(args[1..]);
