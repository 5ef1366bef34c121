using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Aggregator.Infra.Tests.Arm;

/// <summary>
/// One ARM template in its place in the compiled tree: main.bicep at the root, each module a nested
/// <c>Microsoft.Resources/deployments</c> whose template sits under <c>properties.template</c> and whose inputs are
/// <c>properties.parameters</c>. Bicep compiles modules with inner expression scope, so a <c>parameters('x')</c> in a
/// module means the value its parent passed as <c>x</c>; <see cref="Resolve"/> follows such references up the tree.
/// </summary>
internal sealed partial class ArmDeployment
{
    private const string DeploymentType = "Microsoft.Resources/deployments";

    private readonly ArmDeployment? parent;
    private readonly JsonObject passedParameters;

    private ArmDeployment(string name, JsonObject template, JsonObject passedParameters, ArmDeployment? parent, JsonObject? resource)
    {
        Name = name;
        Template = template;
        this.passedParameters = passedParameters;
        this.parent = parent;
        Resource = resource;
    }

    /// <summary>The deployment's name (the module's <c>name:</c>); "main" for the root.</summary>
    public string Name { get; }

    public JsonObject Template { get; }

    /// <summary>The <c>Microsoft.Resources/deployments</c> resource in the parent; null for the root.</summary>
    public JsonObject? Resource { get; }

    /// <summary>The deployment that declares this one as a module; null for the root.</summary>
    public ArmDeployment? Parent => parent;

    /// <summary>Names from the root, e.g. "main/rbac/appStorageRoles".</summary>
    public string Path => parent is null ? Name : $"{parent.Path}/{Name}";

    public JsonObject Parameters => Template["parameters"]?.AsObject() ?? [];

    public JsonObject Outputs => Template["outputs"]?.AsObject() ?? [];

    /// <summary>
    /// The resources of this template (not of its modules). A template Bicep compiled with languageVersion 2.0 keeps
    /// them in an object by symbolic name, an older one in an array; both are read.
    /// </summary>
    public IEnumerable<JsonObject> Resources => Template["resources"] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject byName => byName.Select(pair => pair.Value).OfType<JsonObject>(),
        _ => [],
    };

    public IEnumerable<ArmDeployment> Modules =>
        Resources.Where(r => TypeOf(r) == DeploymentType).Select(Nested);

    /// <summary>This deployment and every module below it.</summary>
    public IEnumerable<ArmDeployment> Tree => Modules.SelectMany(m => m.Tree).Prepend(this);

    public static ArmDeployment Root(JsonObject template) => new("main", template, [], null, null);

    public static string? TypeOf(JsonObject resource) => resource["type"]?.GetValue<string>();

    /// <summary>The module deployment of that name directly under this one.</summary>
    public ArmDeployment Module(string name) =>
        Modules.SingleOrDefault(m => m.Name == name)
        ?? throw new KeyNotFoundException($"{Path} has no module deployment named '{name}'.");

    /// <summary>Every resource of that type anywhere in the tree, with the template that declares it.</summary>
    public IReadOnlyList<(ArmDeployment Deployment, JsonObject Resource)> Find(string type) =>
        Tree.SelectMany(d => d.Resources.Where(r => TypeOf(r) == type && r["existing"]?.GetValue<bool>() != true).Select(r => (d, r)))
            .ToList();

    /// <summary>
    /// The value a node stands for, as far as the template alone decides it: <c>[parameters('x')]</c> becomes what the
    /// parent passed as x (resolved in the parent), or x's default; <c>[variables('x')]</c> becomes the variable's
    /// value; arrays and objects are resolved item by item. In any other expression, each parameters('x') and
    /// variables('x') whose value is a string, a number, a bool or another expression is replaced by that value, so the
    /// text that remains reads in main.bicep's terms. A parameter of main.bicep stays <c>parameters('x')</c>: it is an
    /// input of the deployment.
    /// </summary>
    public JsonNode? Resolve(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                return new JsonArray(array.Select(Resolve).ToArray());
            case JsonObject obj:
                var resolved = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    resolved[key] = Resolve(value);
                }

                return resolved;
            case JsonValue value when value.TryGetValue<string>(out var text):
                if (ParameterReference().Match(text) is { Success: true } parameter)
                {
                    return ResolveParameter(parameter.Groups["name"].Value, text);
                }

                if (VariableReference().Match(text) is { Success: true } variable)
                {
                    var name = variable.Groups["name"].Value;
                    var variables = Template["variables"]?.AsObject();
                    return variables is not null && variables.ContainsKey(name)
                        ? Resolve(variables[name])
                        : throw new KeyNotFoundException($"{Path} has no variable '{name}'.");
                }

                return IsExpression(text) ? JsonValue.Create(InlineReferences(text)) : value.DeepClone();
            default:
                return node?.DeepClone();
        }
    }

    /// <summary><see cref="Resolve"/> of a node that must be a string (an expression or a literal).</summary>
    public string ResolveText(JsonNode? node) =>
        Resolve(node) is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw new InvalidDataException($"In {Path}, {node?.ToJsonString()} does not resolve to a string.");

    /// <summary>
    /// The resource type a reference(...) target names: a symbolic name (<c>'storage'</c>, languageVersion 2.0) or a
    /// <c>resourceId('type', ...)</c>.
    /// </summary>
    public string TypeOfReferenced(string target)
    {
        if (SymbolicName().Match(target) is { Success: true } symbolic)
        {
            var byName = Template["resources"] as JsonObject
                ?? throw new InvalidDataException($"{Path} names resources by symbol but keeps them in an array.");
            return byName[symbolic.Groups["name"].Value] is JsonObject resource && TypeOf(resource) is { } type
                ? type
                : throw new KeyNotFoundException($"{Path} has no resource '{symbolic.Groups["name"].Value}'.");
        }

        return ResourceIdType().Match(target) is { Success: true } id
            ? id.Groups["type"].Value
            : throw new InvalidDataException($"{target} names no resource.");
    }

    /// <summary>The text between the brackets of an ARM expression.</summary>
    public static string Inner(string expression) =>
        IsExpression(expression) ? expression[1..^1] : throw new ArgumentException($"{expression} is not an expression.", nameof(expression));

    private static bool IsExpression(string text) =>
        text.StartsWith('[') && !text.StartsWith("[[", StringComparison.Ordinal) && text.EndsWith(']');

    private string InlineReferences(string expression) =>
        EmbeddedReference().Replace(expression, reference =>
        {
            var whole = JsonValue.Create($"[{reference.Value}]");
            return InlineForm(Resolve(whole)) ?? reference.Value;
        });

    /// <summary>The value as an ARM expression term, or null for a value that has none short enough (objects, arrays).</summary>
    private static string? InlineForm(JsonNode? value)
    {
        if (value is not JsonValue scalar)
        {
            return null;
        }

        if (scalar.TryGetValue<string>(out var text))
        {
            return IsExpression(text) ? Inner(text) : $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";
        }

        if (scalar.TryGetValue<bool>(out var flag))
        {
            return flag ? "true()" : "false()";
        }

        return scalar.ToJsonString();
    }

    private JsonNode? ResolveParameter(string name, string text)
    {
        if (!Parameters.ContainsKey(name))
        {
            throw new KeyNotFoundException($"{Path} has no parameter '{name}'.");
        }

        if (parent is not null && passedParameters.ContainsKey(name))
        {
            return parent.Resolve(passedParameters[name]?["value"]);
        }

        if (parent is not null && Parameters[name]?["defaultValue"] is { } defaultValue)
        {
            return Resolve(defaultValue);
        }

        return JsonValue.Create(text);
    }

    private ArmDeployment Nested(JsonObject resource)
    {
        var properties = resource["properties"]?.AsObject()
            ?? throw new InvalidDataException($"A deployment in {Path} has no properties.");
        var template = properties["template"]?.AsObject()
            ?? throw new InvalidDataException($"A deployment in {Path} has no inline template (a registry module?).");
        var name = resource["name"]?.GetValue<string>() ?? throw new InvalidDataException($"A deployment in {Path} has no name.");
        return new ArmDeployment(name, template, properties["parameters"]?.AsObject() ?? [], this, resource);
    }

    [GeneratedRegex(@"^\[parameters\('(?<name>\w+)'\)\]$")]
    private static partial Regex ParameterReference();

    [GeneratedRegex(@"\b(parameters|variables)\('\w+'\)")]
    private static partial Regex EmbeddedReference();

    [GeneratedRegex(@"^'(?<name>\w+)'$")]
    private static partial Regex SymbolicName();

    [GeneratedRegex(@"^resourceId\('(?<type>[\w./]+)',")]
    private static partial Regex ResourceIdType();

    [GeneratedRegex(@"^\[variables\('(?<name>\w+)'\)\]$")]
    private static partial Regex VariableReference();
}
