namespace Kepu.Web.Features.Library.Entities;

/// <summary>A topic of the editable taxonomy (DESIGN §5). Items name leaf or top-level topics.</summary>
public sealed class Topic
{
    private Topic()
    {
    }

    public Topic(int id, string name, int? parentId, int sortOrder)
    {
        Id = id;
        Name = name;
        ParentId = parentId;
        SortOrder = sortOrder;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public int? ParentId { get; private set; }
    public int SortOrder { get; private set; }

    public void Rename(string name) => Name = name;
}

/// <summary>The starting taxonomy of DESIGN §5; editors may add and rename topics later.</summary>
internal static class TopicSeed
{
    private static readonly (string Top, string[] Leaves)[] Tree =
    [
        ("健康", ["合理膳食", "食品安全", "心理健康", "体育锻炼", "合理用药"]),
        ("安全", ["防灾减灾", "应急避险", "安全生产", "防范电信诈骗", "个人信息保护"]),
        ("数字生活", ["智能手机", "智能就医", "智能消费", "智能金融"]),
        ("农业农村", ["农业实用技术", "乡村振兴"]),
        ("前沿科技", []),
        ("生态环境", []),
        ("科学精神与科学家", []),
    ];

    public static Topic[] All
    {
        get
        {
            var list = new List<Topic>();
            var id = 1;
            var order = 1;
            foreach (var (top, leaves) in Tree)
            {
                var parent = id++;
                list.Add(new Topic(parent, top, null, order++));
                foreach (var leaf in leaves)
                {
                    list.Add(new Topic(id++, leaf, parent, order++));
                }
            }

            return [.. list];
        }
    }
}

/// <summary>Kinds of content item. Codes are the API values.</summary>
public static class ContentKinds
{
    public const string Article = "article";
    public const string Video = "video";
    public const string Audio = "audio";
    public const string Gallery = "gallery";
    public const string Interactive = "interactive";

    public static readonly IReadOnlyList<(string Code, string Label)> All =
    [
        (Article, "图文"), (Video, "视频"), (Audio, "音频"), (Gallery, "图集"), (Interactive, "互动"),
    ];

    public static bool IsValid(string? code) => All.Any(k => k.Code == code);

    public static string Label(string code) => All.FirstOrDefault(k => k.Code == code).Label ?? code;
}

/// <summary>Licences an item may carry; attribution on reuse follows the licence.</summary>
public static class Licences
{
    public static readonly IReadOnlyList<(string Code, string Label, bool Reusable)> All =
    [
        ("CC BY 4.0", "署名 4.0 国际（CC BY 4.0）：可转载、改编，须署名", true),
        ("CC BY-NC 4.0", "署名-非商业性使用 4.0 国际（CC BY-NC 4.0）：可非商业转载、改编，须署名", true),
        ("CC BY-ND 4.0", "署名-禁止演绎 4.0 国际（CC BY-ND 4.0）：可转载，不得改编，须署名", true),
        ("版权所有", "版权所有：转载须取得来源机构许可", false),
    ];

    public static bool IsValid(string? code) => All.Any(l => l.Code == code);
}
