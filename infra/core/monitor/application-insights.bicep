// Application Insights over a Log Analytics workspace, with local (instrumentation-key) authentication off: telemetry is
// accepted only from an Entra identity holding Monitoring Metrics Publisher on this component.
param name string
param location string
param tags object = {}
param logAnalyticsWorkspaceId string

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: name
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalyticsWorkspaceId
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
  }
}

output name string = applicationInsights.name
output resourceId string = applicationInsights.id
// Not a secret: with local auth off, the key in it cannot send telemetry without an Entra token.
output connectionString string = applicationInsights.properties.ConnectionString
