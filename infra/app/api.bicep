// The function app: Flex Consumption, Linux, .NET 10 isolated worker, reaching storage and Application Insights with
// its user-assigned identity only. A plain Microsoft.Web/sites resource (as in azure-functions-flex-consumption-samples
// IaC/bicep) rather than the AVM site module, so that the secret settings stay inside this deployment as @secure()
// parameters instead of passing through a module parameter that the deployment history records.
param name string
param location string = resourceGroup().location
param tags object = {}
param appServicePlanId string
param storageAccountName string
param deploymentStorageContainerName string
param applicationInsightsName string
param identityId string
param identityClientId string

@description('The app\'s non-secret settings, by name.')
param appSettings object

@secure()
param imageProxySigningKey string

@secure()
param llmApiKey string = ''

@description('Scale ceiling of the Flex Consumption plan; the feed is cheap to serve, so the lowest ceiling the Flex samples allow is plenty.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@allowed([2048, 4096])
param instanceMemoryMB int = 2048

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// App settings are entries of siteConfig.appSettings: the app's own (passed in by name) and, below, the secrets and
// the identity-based connections. AzureWebJobsStorage__* configure both the Functions host (timer locks, deployment)
// and the app's table and blob clients, which read the same AzureWebJobsStorage section. No key anywhere.
var appSettingEntries = [for setting in items(appSettings): {
  name: setting.key
  value: setting.value
}]

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: appServicePlanId
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: concat(appSettingEntries, [
        {
          name: 'IMAGE_PROXY_SIGNING_KEY'
          value: imageProxySigningKey
        }
        {
          name: 'LLM_API_KEY'
          value: llmApiKey
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identityClientId
        }
        {
          name: 'AzureWebJobsStorage__blobServiceUri'
          value: storage.properties.primaryEndpoints.blob
        }
        {
          name: 'AzureWebJobsStorage__queueServiceUri'
          value: storage.properties.primaryEndpoints.queue
        }
        {
          name: 'AzureWebJobsStorage__tableServiceUri'
          value: storage.properties.primaryEndpoints.table
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: applicationInsights.properties.ConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'ClientId=${identityClientId};Authorization=AAD'
        }
      ])
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentStorageContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
