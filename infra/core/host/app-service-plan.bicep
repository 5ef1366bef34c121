// An App Service plan; for a Flex Consumption function app, sku FC1 (tier FlexConsumption) and reserved (Linux).
param name string
param location string
param tags object = {}

@description('For example { name: \'FC1\', tier: \'FlexConsumption\' }.')
param sku object

@description('Linux plan. Flex Consumption is Linux only.')
param reserved bool

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: name
  location: location
  tags: tags
  kind: reserved ? 'linux' : 'app'
  sku: sku
  properties: {
    reserved: reserved
  }
}

output name string = plan.name
output resourceId string = plan.id
