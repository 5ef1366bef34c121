// The Aggregator on Azure: one storage account (the app's tables and image cache, the Functions host's own state and
// the deployment package), a Flex Consumption function app that reaches it with a managed identity and no keys, and
// Log Analytics + Application Insights. Layout and module versions follow the Azure-Samples Flex Consumption azd
// quickstarts (functions-quickstart-dotnet-azd, -timer).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; with the subscription and the location it seeds every derived resource name.')
param environmentName string

@minLength(1)
@description('Region of every resource; it must offer the Flex Consumption plan.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

// Name overrides: empty means "abbreviation + resource token".
param resourceGroupName string = ''
param functionAppName string = ''
param appServicePlanName string = ''
param storageAccountName string = ''
param userAssignedIdentityName string = ''
param logAnalyticsName string = ''
param applicationInsightsName string = ''

@description('Object id of the person running azd (azd fills it in): given the same data roles as the app, so they can read the tables in the portal or run the app locally against this account. Empty to skip.')
param principalId string = ''

@description('Path (relative to the deployed app) or https URL of the sources JSON file.')
param sourcesFile string = 'sources.json'

@description('NCRONTAB schedule (six fields, UTC) of the ingest timer.')
param ingestSchedule string = '0 */30 * * * *'

@description('Wall-clock budget of one ingest run; keep it under host.json functionTimeout (00:10:00).')
param ingestTimeBudget string = '00:08:00'

@description('Rewrite hot-link-protected images to the signed proxy.')
param imageProxyEnabled bool = true

@secure()
@description('HMAC key that signs image-proxy URLs. Set it once (azd env set IMAGE_PROXY_SIGNING_KEY ...) so that it survives redeployments; when empty, generatedImageProxySigningKey is used.')
param imageProxySigningKey string = ''

// Bicep can only generate a value as a parameter default, and newGuid() yields a new one on every deployment: image
// links already in readers' caches then stop verifying. It is the fallback, not the plan.
@secure()
@description('Fallback signing key, new on every deployment; do not pass it.')
param generatedImageProxySigningKey string = newGuid()

@description('OpenAI-compatible base URL of the optional LLM summariser; with llmModel empty, extractive summaries are used.')
param llmEndpoint string = ''

@description('Model (or deployment) name for the LLM summariser.')
param llmModel string = ''

@secure()
@description('API key of the LLM endpoint.')
param llmApiKey string = ''

@description('Output language of LLM summaries: "source" or a language code such as "zh".')
param llmLanguage string = 'source'

@description('Token limit of one LLM summary.')
param llmMaxTokens int = 600

@description('At most this many LLM calls per ingest run.')
param llmCallsPerRun int = 20

@description('Look papers up on arXiv and OpenReview (titles, authors, abstracts); false keeps ingestion offline.')
param enrichmentEnabled bool = true

var abbrs = loadJsonContent('./abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var appName = !empty(functionAppName) ? functionAppName : '${abbrs.webSitesFunctions}aggregator-${resourceToken}'
var deploymentStorageContainerName = 'app-package-${take(appName, 32)}-${take(toLower(uniqueString(appName, resourceToken)), 7)}'

// The app's tables (the lead owns the list: src/Aggregator/Storage/Tables/TableNames.cs) and its image cache.
var tableNames = [
  'sources'
  'posts'
  'postkeys'
  'postbands'
  'papers'
  'paperkeys'
  'timeline'
  'meta'
  'summaries'
]
var imageCacheContainerName = 'images'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

// The app's identity for storage and Application Insights; its roles are in app/rbac.bicep.
module appIdentity 'br/public:avm/res/managed-identity/user-assigned-identity:0.4.1' = {
  name: 'appIdentity'
  scope: rg
  params: {
    name: !empty(userAssignedIdentityName) ? userAssignedIdentityName : '${abbrs.managedIdentityUserAssignedIdentities}aggregator-${resourceToken}'
    location: location
    tags: tags
  }
}

module appServicePlan 'br/public:avm/res/web/serverfarm:0.1.1' = {
  name: 'appServicePlan'
  scope: rg
  params: {
    name: !empty(appServicePlanName) ? appServicePlanName : '${abbrs.webServerFarms}${resourceToken}'
    sku: {
      name: 'FC1'
      tier: 'FlexConsumption'
    }
    reserved: true
    location: location
    tags: tags
  }
}

module storage 'br/public:avm/res/storage/storage-account:0.8.3' = {
  name: 'storage'
  scope: rg
  params: {
    name: !empty(storageAccountName) ? storageAccountName : '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    skuName: 'Standard_LRS'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false // identity only: the app never holds a key
    minimumTlsVersion: 'TLS1_2'
    dnsEndpointType: 'Standard'
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
    blobServices: {
      containers: [
        { name: deploymentStorageContainerName }
        { name: imageCacheContainerName }
      ]
    }
    tableServices: {
      tables: [for table in tableNames: { name: table }]
    }
  }
}

module logAnalytics 'br/public:avm/res/operational-insights/workspace:0.11.1' = {
  name: 'logAnalytics'
  scope: rg
  params: {
    name: !empty(logAnalyticsName) ? logAnalyticsName : '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    location: location
    tags: tags
    dataRetention: 30
  }
}

module monitoring 'br/public:avm/res/insights/component:0.6.0' = {
  name: 'monitoring'
  scope: rg
  params: {
    name: !empty(applicationInsightsName) ? applicationInsightsName : '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
    workspaceResourceId: logAnalytics.outputs.resourceId
    disableLocalAuth: true // telemetry is sent with the app's identity (APPLICATIONINSIGHTS_AUTHENTICATION_STRING)
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.name
    appPrincipalId: appIdentity.outputs.principalId
    userPrincipalId: principalId
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: appName
    location: location
    tags: tags
    appServicePlanId: appServicePlan.outputs.resourceId
    storageAccountName: storage.outputs.name
    deploymentStorageContainerName: deploymentStorageContainerName
    applicationInsightsName: monitoring.outputs.name
    identityId: appIdentity.outputs.resourceId
    identityClientId: appIdentity.outputs.clientId
    // The app's own settings (src/Aggregator/Hosting/SettingNames.cs). Secrets travel as @secure() parameters instead,
    // so they never appear in the deployment history; storage and telemetry wiring is in api.bicep.
    appSettings: {
      AGGREGATOR_SOURCES: sourcesFile
      INGEST_SCHEDULE: ingestSchedule
      INGEST_TIME_BUDGET: ingestTimeBudget
      IMAGE_PROXY_ENABLED: imageProxyEnabled ? 'true' : 'false'
      LLM_ENDPOINT: llmEndpoint
      LLM_MODEL: llmModel
      LLM_LANGUAGE: llmLanguage
      LLM_MAX_TOKENS: string(llmMaxTokens)
      LLM_CALLS_PER_RUN: string(llmCallsPerRun)
      ENRICHMENT_ENABLED: string(enrichmentEnabled)
    }
    imageProxySigningKey: !empty(imageProxySigningKey) ? imageProxySigningKey : generatedImageProxySigningKey
    llmApiKey: llmApiKey
  }
  // The identity must hold its storage roles before the host starts, or its first start fails to take its locks.
  dependsOn: [
    rbac
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output SERVICE_API_NAME string = api.outputs.name
output AZURE_FUNCTION_NAME string = api.outputs.name
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output FEED_URL string = 'https://${api.outputs.defaultHostName}/api/feed'
output PAPERS_URL string = 'https://${api.outputs.defaultHostName}/api/papers'
