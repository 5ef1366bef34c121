// The Aggregator on Azure: one storage account (the app's tables, image cache and ingest queues, the Functions host's
// own state and the deployment package), a Flex Consumption function app that reaches it with a managed identity and
// no keys, and Log Analytics + Application Insights. The layout follows the Azure-Samples Flex Consumption azd
// quickstarts (functions-quickstart-dotnet-azd); the modules are local (core/, one resource family per file) over the
// native resource types, so `bicep build` needs no registry.
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

@description('Object id of the person running azd (azd fills it in): given the same storage roles as the app, so they can read the tables in the portal or run the app locally against this account. Empty to skip.')
param principalId string = ''

@description('Path (relative to the deployed app) or https URL of the sources JSON file.')
param sourcesFile string = 'sources.json'

@description('NCRONTAB schedule (six fields, UTC) of the ingest timer.')
param ingestSchedule string = '0 */30 * * * *'

@description('Wall-clock budget of one ingest run; keep it under host.json functionTimeout (00:10:00).')
param ingestTimeBudget string = '00:08:00'

@description('Rewrite hot-link-protected images to the signed proxy.')
param imageProxyEnabled bool = true

// No generated fallback here: a default of newGuid() would change on every deployment and break image links already
// in readers' caches. Left empty, the app generates a key once and keeps it in its own storage, where it survives
// redeployments.
@secure()
@description('HMAC key that signs image-proxy URLs; empty to let the app generate one and keep it in its storage.')
param imageProxySigningKey string = ''

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

@description('How the operators of this deployment are reached (a URL or mailto:), sent in the User-Agent to arXiv and OpenReview as arXiv\'s API terms ask.')
param enrichmentContact string = ''

@description('Scale ceiling of the Flex Consumption plan: each due source is one queue message, so more instances ingest a large catalogue sooner.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

var abbrs = loadJsonContent('./abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var appName = !empty(functionAppName) ? functionAppName : '${abbrs.webSitesFunctions}aggregator-${resourceToken}'
var deploymentStorageContainerName = 'app-package-${take(appName, 32)}-${take(toLower(uniqueString(appName, resourceToken)), 7)}'

// What the app's storage holds; the names are the code's (tests/Aggregator.Infra.Tests checks them against it):
// tables from src/Aggregator/Storage/Tables/TableNames.cs, the image cache container from BlobImageCache, the queues
// of the ingest fan-out from IngestQueueNames.
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
var queueNames = [
  'ingest-sources'
  'ingest-sources-poison'
]

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

// The app's identity for storage and Application Insights; its roles are in app/rbac.bicep.
module appIdentity 'core/identity/user-assigned-identity.bicep' = {
  name: 'appIdentity'
  scope: rg
  params: {
    name: !empty(userAssignedIdentityName) ? userAssignedIdentityName : '${abbrs.managedIdentityUserAssignedIdentities}aggregator-${resourceToken}'
    location: location
    tags: tags
  }
}

module appServicePlan 'core/host/app-service-plan.bicep' = {
  name: 'appServicePlan'
  scope: rg
  params: {
    name: !empty(appServicePlanName) ? appServicePlanName : '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    sku: {
      name: 'FC1'
      tier: 'FlexConsumption'
    }
    reserved: true
  }
}

module storage 'core/storage/storage-account.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: !empty(storageAccountName) ? storageAccountName : '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    skuName: 'Standard_LRS'
    containerNames: [
      deploymentStorageContainerName
      imageCacheContainerName
    ]
    tableNames: tableNames
    queueNames: queueNames
  }
}

module logAnalytics 'core/monitor/log-analytics.bicep' = {
  name: 'logAnalytics'
  scope: rg
  params: {
    name: !empty(logAnalyticsName) ? logAnalyticsName : '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    location: location
    tags: tags
    retentionInDays: 30
  }
}

module monitoring 'core/monitor/application-insights.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    name: !empty(applicationInsightsName) ? applicationInsightsName : '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
    logAnalyticsWorkspaceId: logAnalytics.outputs.resourceId
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.name
    appPrincipalId: appIdentity.outputs.principalId
    deployingPrincipalId: principalId
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
    identityId: appIdentity.outputs.resourceId
    storageBlobEndpoint: storage.outputs.primaryBlobEndpoint
    deploymentStorageContainerName: deploymentStorageContainerName
    maximumInstanceCount: maximumInstanceCount
    // Every app setting, in one place. The app's own are the names in src/Aggregator/Hosting/SettingNames.cs; the rest
    // are read by the Functions host and the SDKs. The secrets come from @secure() parameters and travel on as a
    // secure object, so they never appear in the deployment history. No storage key anywhere: the host and the app
    // read the AzureWebJobsStorage section, whose identity form is the __credential/__clientId/__*ServiceUri keys.
    appSettings: {
      AGGREGATOR_SOURCES: sourcesFile
      INGEST_SCHEDULE: ingestSchedule
      INGEST_TIME_BUDGET: ingestTimeBudget
      IMAGE_PROXY_ENABLED: imageProxyEnabled ? 'true' : 'false'
      // Empty when not given: the app treats an empty key as none and uses the one it keeps in storage.
      IMAGE_PROXY_SIGNING_KEY: imageProxySigningKey
      LLM_ENDPOINT: llmEndpoint
      LLM_MODEL: llmModel
      LLM_API_KEY: llmApiKey
      LLM_LANGUAGE: llmLanguage
      LLM_MAX_TOKENS: string(llmMaxTokens)
      LLM_CALLS_PER_RUN: string(llmCallsPerRun)
      ENRICHMENT_ENABLED: enrichmentEnabled ? 'true' : 'false'
      ENRICHMENT_CONTACT: enrichmentContact
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: appIdentity.outputs.clientId
      AzureWebJobsStorage__blobServiceUri: storage.outputs.primaryBlobEndpoint
      AzureWebJobsStorage__tableServiceUri: storage.outputs.primaryTableEndpoint
      AzureWebJobsStorage__queueServiceUri: storage.outputs.primaryQueueEndpoint
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${appIdentity.outputs.clientId};Authorization=AAD'
    }
  }
  // The identity must hold its storage roles before the host starts, or its first start fails to reach its storage.
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
