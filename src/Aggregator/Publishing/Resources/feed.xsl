<?xml version="1.0" encoding="utf-8"?>
<!-- Shows the RSS and Atom feeds as a page when opened in a browser. Only HTML the aggregator writes itself (summaries,
     paper and source lists, built from escaped text) is shown unescaped; the sources' own HTML stays in the feed. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:atom="http://www.w3.org/2005/Atom"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    exclude-result-prefixes="atom dc">
  <xsl:output method="html" encoding="utf-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:variable name="self" select="/rss/channel/atom:link[@rel='self']/@href | /atom:feed/atom:link[@rel='self']/@href"/>

  <xsl:template match="/">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="/rss/channel/title | /atom:feed/atom:title"/></title>
        <style>
          body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
          .hint { background: #fff8d6; border: 1px solid #e8d98a; border-radius: 6px; padding: .75rem 1rem; }
          .hint code { display: block; margin-top: .4rem; word-break: break-all; background: #fff; padding: .3rem .5rem; border-radius: 4px; }
          article { border-top: 1px solid #ddd; padding: 1rem 0; }
          article h2 { font-size: 1.15rem; margin: 0 0 .25rem; }
          .meta { color: #666; font-size: .9rem; }
          .tag { display: inline-block; background: #eef; border-radius: 3px; padding: 0 .35rem; margin-right: .3rem; font-size: .85rem; }
          small { color: #666; }
        </style>
      </head>
      <body>
        <h1><xsl:value-of select="/rss/channel/title | /atom:feed/atom:title"/></h1>
        <p><xsl:value-of select="/rss/channel/description | /atom:feed/atom:subtitle"/></p>
        <p class="hint" id="subscribe-hint">This is a news feed. To follow it, copy this URL into your feed reader
          (Feedly, Inoreader, NetNewsWire, Thunderbird, newsboat…):<code><xsl:value-of select="$self"/></code></p>
        <xsl:apply-templates select="/rss/channel/item | /atom:feed/atom:entry"/>
        <xsl:if test="not(/rss/channel/item | /atom:feed/atom:entry)">
          <p>No items match this feed's filters yet.</p>
        </xsl:if>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item">
    <article>
      <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
      <div class="meta">
        <xsl:value-of select="pubDate"/>
        <xsl:if test="dc:creator"> · <xsl:value-of select="dc:creator"/></xsl:if>
      </div>
      <div class="tags">
        <xsl:for-each select="category">
          <span class="tag"><xsl:value-of select="."/></span>
        </xsl:for-each>
      </div>
      <div class="summary"><xsl:value-of select="description" disable-output-escaping="yes"/></div>
    </article>
  </xsl:template>

  <xsl:template match="atom:entry">
    <article>
      <h2><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h2>
      <div class="meta">
        <xsl:value-of select="atom:published"/>
        <xsl:for-each select="atom:author"> · <xsl:value-of select="atom:name"/></xsl:for-each>
      </div>
      <div class="tags">
        <xsl:for-each select="atom:category">
          <span class="tag">
            <xsl:choose>
              <xsl:when test="@label"><xsl:value-of select="@label"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="@term"/></xsl:otherwise>
            </xsl:choose>
          </span>
        </xsl:for-each>
      </div>
      <div class="summary"><xsl:value-of select="atom:summary" disable-output-escaping="yes"/></div>
    </article>
  </xsl:template>
</xsl:stylesheet>
