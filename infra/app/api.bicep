// The azd "api" service: the Functions app (src/Aggregator.Functions) on Flex Consumption, .NET 10 isolated worker,
// running as the app's user-assigned identity.
param name string
param location string
param tags object = {}
param appServicePlanId string
param identityId string
param storageBlobEndpoint string
param deploymentStorageContainerName string

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@secure()
@description('Every app setting, by name (main.bicep writes them all in one place).')
param appSettings object

module app '../core/host/flex-function-app.bicep' = {
  name: 'functionApp'
  params: {
    name: name
    location: location
    // azd finds the resource to deploy the "api" service to by this tag.
    tags: union(tags, { 'azd-service-name': 'api' })
    appServicePlanId: appServicePlanId
    identityId: identityId
    deploymentStorageContainerUrl: '${storageBlobEndpoint}${deploymentStorageContainerName}'
    runtimeName: 'dotnet-isolated'
    runtimeVersion: '10.0'
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: 2048
    appSettings: appSettings
  }
}

output name string = app.outputs.name
output defaultHostName string = app.outputs.defaultHostName
