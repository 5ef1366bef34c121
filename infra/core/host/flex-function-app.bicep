// A function app on a Flex Consumption plan (Linux), running as a user-assigned identity: the identity pulls the
// deployment package from a blob container, and the app settings say how the host and the app reach everything else.
param name string
param location string
param tags object = {}
param appServicePlanId string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('URL of the blob container that holds the deployment package; the identity needs Storage Blob Data Owner (or Contributor) on it.')
param deploymentStorageContainerUrl string

@allowed(['dotnet-isolated', 'node', 'python', 'java', 'powershell', 'custom'])
param runtimeName string
param runtimeVersion string

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

// Secure: the settings hold secrets, and a secure object is kept out of the deployment history.
@secure()
@description('Every app setting, by name.')
param appSettings object

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: tags
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
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentStorageContainerUrl
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
        name: runtimeName
        version: runtimeVersion
      }
    }
  }
}

// The whole set, replacing whatever was there: a setting removed from the template is removed from the app.
resource settings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'appsettings'
  properties: appSettings
}

output name string = site.name
output resourceId string = site.id
output defaultHostName string = site.properties.defaultHostName
