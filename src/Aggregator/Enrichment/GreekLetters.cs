namespace Aggregator.Enrichment;

/// <summary>Greek letters as titles spell them out ("β-VAE" is "beta-VAE" elsewhere), lower case after NFKC.</summary>
internal static class GreekLetters
{
    private static readonly Dictionary<char, string> Names = new()
    {
        ['α'] = "alpha", ['β'] = "beta", ['γ'] = "gamma", ['δ'] = "delta", ['ε'] = "epsilon", ['ϵ'] = "epsilon",
        ['ζ'] = "zeta", ['η'] = "eta", ['θ'] = "theta", ['ϑ'] = "theta", ['ι'] = "iota", ['κ'] = "kappa",
        ['λ'] = "lambda", ['μ'] = "mu", ['ν'] = "nu", ['ξ'] = "xi", ['ο'] = "omicron", ['π'] = "pi", ['ρ'] = "rho",
        ['σ'] = "sigma", ['ς'] = "sigma", ['τ'] = "tau", ['υ'] = "upsilon", ['φ'] = "phi", ['ϕ'] = "phi",
        ['χ'] = "chi", ['ψ'] = "psi", ['ω'] = "omega",
    };

    /// <summary>The spelled-out name of a lower-case Greek letter, or null.</summary>
    public static string? NameOf(char letter) => Names.GetValueOrDefault(letter);
}
