using System.Security.Cryptography;
using System.Text;

namespace Aggregator.Publishing;

/// <summary>
/// The browser page's only style and script, inline, and the Content-Security-Policy that allows exactly them (by
/// hash): nothing external is loaded, and no other script, inline handler or style can run even if markup slipped
/// through the sanitiser. Images may come from this app (the image proxy) or any https origin, as the items embed them.
/// </summary>
internal static class HtmlPageAssets
{
    public const string Style = """
        :root{color-scheme:light dark;--bg:#fbfbfa;--fg:#1d1d1f;--muted:#5f6368;--card:#fff;--line:#e3e3e0;--link:#0b57d0;--accent:#e8f0fe}
        @media (prefers-color-scheme:dark){:root{--bg:#131314;--fg:#e8e8e6;--muted:#a8abb0;--card:#1e1f20;--line:#34363a;--link:#8ab4f8;--accent:#1f2a3d}}
        *{box-sizing:border-box}
        body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.65 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif}
        :lang(zh){font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",system-ui,sans-serif;line-height:1.8}
        header,main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}
        header{padding-top:1.5rem}
        h1{font-size:1.6rem;line-height:1.3;margin:.2rem 0}
        nav a{margin-right:1rem}
        a{color:var(--link)}
        .muted,.meta{color:var(--muted);font-size:.9rem}
        .subscribe{background:var(--accent);border:1px solid var(--line);border-radius:.6rem;padding:.8rem 1rem;margin:1rem 0}
        .subscribe label{display:block;font-weight:600;margin-bottom:.4rem}
        .subscribe div{display:flex;gap:.5rem}
        .subscribe input{flex:1;min-width:0;font:inherit;font-size:.9rem;padding:.35rem .5rem;border:1px solid var(--line);border-radius:.4rem;background:var(--card);color:var(--fg)}
        .subscribe button{font:inherit;padding:.35rem .9rem;border-radius:.4rem;border:1px solid var(--line);background:var(--card);color:var(--fg);cursor:pointer}
        article{background:var(--card);border:1px solid var(--line);border-radius:.6rem;padding:1rem 1.2rem;margin:1rem 0;overflow-wrap:anywhere}
        article h2{font-size:1.15rem;line-height:1.4;margin:0 0 .3rem}
        article img{max-width:100%;height:auto}
        article pre{overflow-x:auto}
        .tags{list-style:none;padding:0;margin:.5rem 0 0;display:flex;flex-wrap:wrap;gap:.4rem}
        .tags li{font-size:.8rem;border:1px solid var(--line);border-radius:1rem;padding:0 .6rem;color:var(--muted)}
        details{margin-top:.6rem}
        summary{cursor:pointer;color:var(--muted)}
        footer{padding-bottom:2rem}
        """;

    public const string Script = """
        for (const button of document.querySelectorAll("button[data-copy]")) {
          button.addEventListener("click", async () => {
            const field = document.getElementById(button.dataset.copy);
            field.select();
            try { await navigator.clipboard.writeText(field.value); } catch { document.execCommand("copy"); }
            button.textContent = button.dataset.done;
          });
        }
        """;

    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src '{Hash(Style)}'; script-src '{Hash(Script)}'; img-src 'self' https:; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
