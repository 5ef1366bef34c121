// Built-in roles for one principal on one storage account. Each assignment is named guid(scope, principal, role), so a
// redeployment finds the assignment it made before instead of failing on a duplicate.
param storageAccountName string
param principalId string

@description('Role definition ids (GUIDs) of built-in roles.')
param roleDefinitionIds string[]

@description('ServicePrincipal for a managed identity; empty when the principal may be a user or a service principal.')
@allowed(['', 'ServicePrincipal', 'User', 'Group'])
param principalType string = ''

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource assignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for roleDefinitionId in roleDefinitionIds: {
  name: guid(storage.id, principalId, roleDefinitionId)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionId)
    principalId: principalId
    principalType: empty(principalType) ? null : principalType
  }
}]
