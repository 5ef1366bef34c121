namespace Aggregator.Cli.Terminal;

/// <summary>
/// Splits what a table's fixed columns leave of the terminal's width between its two free-text columns (a name and a
/// message), so the table never wraps: the name gets what it needs up to a share, the message the rest.
/// </summary>
internal static class ColumnBudget
{
    private const int MinimumName = 8;
    private const int MinimumMessage = 12;

    /// <param name="width">The terminal's width.</param>
    /// <param name="columns">How many columns the table has, counting both free ones: each costs a border and padding.</param>
    /// <param name="fixedCells">The widths of the other columns' contents, summed.</param>
    /// <param name="longestName">The longest name, in cells.</param>
    /// <param name="longestMessage">The longest message, in cells; 0 when there is none.</param>
    /// <returns>The name column's width, and the message column's (0: leave it out).</returns>
    public static (int Name, int Message) Split(int width, int columns, int fixedCells, int longestName, int longestMessage)
    {
        var free = width - fixedCells - (3 * columns) - 1;
        if (longestMessage == 0 || free - Math.Min(longestName, MinimumName) < MinimumMessage)
        {
            // No room for the message (or none to show): the name takes the column the message would have had.
            return (Math.Max(MinimumName, Math.Min(longestName, free + 3)), 0);
        }

        // The message may take three fifths; whatever the name leaves unused goes back to the message.
        var message = Math.Min(longestMessage, Math.Max(MinimumMessage, (free * 3) / 5));
        var name = Math.Min(longestName, free - message);
        return (name, Math.Min(longestMessage, free - name));
    }
}
