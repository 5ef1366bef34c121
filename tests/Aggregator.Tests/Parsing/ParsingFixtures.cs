using System.Text;
using Aggregator.Parsing;

namespace Aggregator.Tests.Parsing;

/// <summary>Reads committed fixtures from Parsing/testdata and parses small inline documents.</summary>
internal static class ParsingFixtures
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Parsing", "testdata", name));

    public static Feed Read(string name, FeedReadOptions? options = null) => new FeedReader().Read(Bytes(name), options);

    public static Feed ReadXml(string xml, FeedReadOptions? options = null) => new FeedReader().Read(Encoding.UTF8.GetBytes(xml), options);
}
