// Built-in roles for one principal on one Application Insights component, named guid(scope, principal, role) like the
// storage assignments.
param applicationInsightsName string
param principalId string

@description('Role definition ids (GUIDs) of built-in roles.')
param roleDefinitionIds string[]

@allowed(['', 'ServicePrincipal', 'User', 'Group'])
param principalType string = ''

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource assignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for roleDefinitionId in roleDefinitionIds: {
  name: guid(applicationInsights.id, principalId, roleDefinitionId)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionId)
    principalId: principalId
    principalType: empty(principalType) ? null : principalType
  }
}]
