namespace Aggregator.AzureStorage.Tables;

/// <summary>What the service requires of a transaction, checked before sending: 1–100 actions, one partition, each row once.</summary>
internal static class TableTransactionRules
{
    public static void Validate(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count is 0 or > EntityLimits.MaxTransactionActions)
        {
            throw new ArgumentException(
                $"A table transaction holds 1 to {EntityLimits.MaxTransactionActions} actions, not {actions.Count}; split it.", nameof(actions));
        }

        var partitionKey = actions[0].Entity.PartitionKey;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            var entity = actions[i].Entity;
            if (!string.Equals(entity.PartitionKey, partitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"A table transaction covers one partition: action {i} is in '{entity.PartitionKey}', action 0 in '{partitionKey}'.", nameof(actions));
            }

            if (!rows.Add(entity.RowKey ?? string.Empty))
            {
                throw new ArgumentException(
                    $"A table transaction may touch each entity once: row '{entity.RowKey}' appears again at action {i}.", nameof(actions));
            }
        }
    }
}
