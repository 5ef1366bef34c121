// A Log Analytics workspace: where Application Insights keeps its telemetry.
param name string
param location string
param tags object = {}

@minValue(30)
@maxValue(730)
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-02-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      // Queries need Entra access to the workspace, not only to the resource group.
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

output name string = workspace.name
output resourceId string = workspace.id
