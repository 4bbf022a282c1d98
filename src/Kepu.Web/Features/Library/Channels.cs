using System.Globalization;
using System.Text;
using System.Xml;
using Kepu.Web.Features.Accounts;
using Kepu.Web.Features.Library.Entities;
using Kepu.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace Kepu.Web.Features.Library;

/// <summary>全媒体 outputs besides the web page: RSS 2.0 feeds and QR codes for posters.</summary>
public sealed class Channels(AppDbContext db, Taxonomy taxonomy, IAccountDirectory accounts)
{
    public const int RssItems = 30;

    /// <summary>An RSS 2.0 document of the latest published items, optionally for one audience or topic (with its sub-topics).</summary>
    public async Task<string> RssAsync(string? audience, string? topic, string baseUrl, CancellationToken ct = default)
    {
        var query = db.Set<ContentItem>().AsNoTracking().Where(c => c.Status == ContentStatus.Published);
        if (!string.IsNullOrWhiteSpace(audience))
        {
            query = query.Where(c => c.Audiences.Contains(audience));
        }

        var items = await query.OrderByDescending(c => c.PublishedAt).Take(topic is null ? RssItems : 2000).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(topic))
        {
            var kept = new List<ContentItem>();
            foreach (var item in items)
            {
                if ((await taxonomy.WithAncestorsAsync(item.Topics, ct)).Contains(topic))
                {
                    kept.Add(item);
                }
            }

            items = kept.Take(RssItems).ToList();
        }

        var orgs = await accounts.OrganizationNamesAsync(items.Where(i => i.OrganizationId != null).Select(i => i.OrganizationId!.Value), ct);
        var title = "科普重庆" + (audience is null ? "" : " · " + Accounts.Entities.Audiences.Label(audience)) + (topic is null ? "" : " · " + topic);
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(new StringWriter(builder, CultureInfo.InvariantCulture), new XmlWriterSettings { Indent = true, Async = true }))
        {
            await writer.WriteStartDocumentAsync();
            writer.WriteStartElement("rss");
            writer.WriteAttributeString("version", "2.0");
            writer.WriteStartElement("channel");
            writer.WriteElementString("title", title);
            writer.WriteElementString("link", baseUrl + "/");
            writer.WriteElementString("description", "重庆市全域科学素质服务平台的最新科普内容");
            writer.WriteElementString("language", "zh-cn");
            if (items.Count > 0)
            {
                writer.WriteElementString("lastBuildDate", Rfc822(items[0].PublishedAt ?? items[0].UpdatedAt));
            }

            foreach (var item in items)
            {
                var link = $"{baseUrl}/contents/{item.Id}";
                writer.WriteStartElement("item");
                writer.WriteElementString("title", item.Title);
                writer.WriteElementString("link", link);
                writer.WriteElementString("description", item.Summary);
                writer.WriteStartElement("guid");
                writer.WriteAttributeString("isPermaLink", "true");
                writer.WriteString(link);
                writer.WriteEndElement();
                writer.WriteElementString("pubDate", Rfc822(item.PublishedAt ?? item.UpdatedAt));
                foreach (var t in item.Topics)
                {
                    writer.WriteElementString("category", t);
                }

                if (item.OrganizationId is { } org && orgs.TryGetValue(org, out var source))
                {
                    writer.WriteElementString("author", $"noreply@kepu.cq.cn ({source})");
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            await writer.WriteEndDocumentAsync();
        }

        // XmlWriter over a StringWriter declares UTF-16; the response is UTF-8.
        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    /// <summary>A QR code (SVG) that opens the given address.</summary>
    public static string QrSvg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8);
    }

    private static string Rfc822(DateTime utc) => utc.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", CultureInfo.InvariantCulture);
}
