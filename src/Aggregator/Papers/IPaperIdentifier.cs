namespace Aggregator.Papers;

/// <summary>Finds the papers a post talks about: one mention per paper, each with its own context.</summary>
public interface IPaperIdentifier
{
    IReadOnlyList<PaperMention> Identify(PostDocument post);
}
