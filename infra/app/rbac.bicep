// Data-plane roles for the app's identity and, optionally, the person (or pipeline) running azd.
param storageAccountName string
param applicationInsightsName string
param appPrincipalId string

@description('Object id of a user or service principal to grant the same storage roles, for the portal and local runs against this account; empty to skip.')
param deployingPrincipalId string = ''

// Built-in role definition ids.
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // host state, deployment package, image cache
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // ingest fan-out queues, host internals
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // the app's tables
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb' // telemetry with Entra auth

var storageRoles = [
  storageBlobDataOwner
  storageQueueDataContributor
  storageTableDataContributor
]

module appStorageRoles '../core/security/storage-role-assignments.bicep' = {
  name: 'appStorageRoles'
  params: {
    storageAccountName: storageAccountName
    principalId: appPrincipalId
    roleDefinitionIds: storageRoles
    principalType: 'ServicePrincipal'
  }
}

module appMonitoringRoles '../core/security/application-insights-role-assignments.bicep' = {
  name: 'appMonitoringRoles'
  params: {
    applicationInsightsName: applicationInsightsName
    principalId: appPrincipalId
    roleDefinitionIds: [
      monitoringMetricsPublisher
    ]
    principalType: 'ServicePrincipal'
  }
}

// No principalType: azd may run as a user or, in a pipeline, as a service principal.
module deployingPrincipalStorageRoles '../core/security/storage-role-assignments.bicep' = if (!empty(deployingPrincipalId)) {
  name: 'deployingPrincipalStorageRoles'
  params: {
    storageAccountName: storageAccountName
    principalId: deployingPrincipalId
    roleDefinitionIds: storageRoles
  }
}
