namespace Kepu.Web.Features.Insights.Dashboards;

/// <summary>
/// Where each of the 38 districts sits on the dashboard's tile map: one square per district on a 10 × 8 grid that keeps
/// the city's shape roughly — 主城 and the western new districts on the left, 渝东北 up and to the right, 渝东南 down
/// and to the right — and neighbours next to each other where the grid allows. Drawn by the app; no map data.
/// </summary>
public static class TileGrid
{
    public const int Columns = 10;
    public const int Rows = 8;

    public static readonly IReadOnlyDictionary<string, (int Column, int Row)> Positions = new Dictionary<string, (int, int)>
    {
        ["500229"] = (7, 0), // 城口
        ["500238"] = (8, 0), // 巫溪
        ["500154"] = (6, 1), // 开州
        ["500235"] = (7, 1), // 云阳
        ["500236"] = (8, 1), // 奉节
        ["500237"] = (9, 1), // 巫山
        ["500152"] = (1, 2), // 潼南
        ["500117"] = (2, 2), // 合川
        ["500231"] = (4, 2), // 垫江
        ["500155"] = (5, 2), // 梁平
        ["500101"] = (6, 2), // 万州
        ["500111"] = (0, 3), // 大足
        ["500151"] = (1, 3), // 铜梁
        ["500109"] = (2, 3), // 北碚
        ["500112"] = (3, 3), // 渝北
        ["500115"] = (4, 3), // 长寿
        ["500233"] = (5, 3), // 忠县
        ["500153"] = (0, 4), // 荣昌
        ["500120"] = (1, 4), // 璧山
        ["500106"] = (2, 4), // 沙坪坝
        ["500105"] = (3, 4), // 江北
        ["500102"] = (4, 4), // 涪陵
        ["500230"] = (5, 4), // 丰都
        ["500240"] = (6, 4), // 石柱
        ["500118"] = (0, 5), // 永川
        ["500107"] = (1, 5), // 九龙坡
        ["500103"] = (2, 5), // 渝中
        ["500108"] = (3, 5), // 南岸
        ["500156"] = (5, 5), // 武隆
        ["500243"] = (6, 5), // 彭水
        ["500114"] = (7, 5), // 黔江
        ["500116"] = (0, 6), // 江津
        ["500104"] = (1, 6), // 大渡口
        ["500113"] = (2, 6), // 巴南
        ["500119"] = (3, 6), // 南川
        ["500242"] = (7, 6), // 酉阳
        ["500110"] = (2, 7), // 綦江
        ["500241"] = (7, 7), // 秀山
    };

    /// <summary>The name that fits a tile: 渝中区 → 渝中, 石柱土家族自治县 → 石柱, 忠县 stays 忠县.</summary>
    public static string ShortName(string name) =>
        name.EndsWith("自治县", StringComparison.Ordinal) ? name[..2]
        : name.Length > 2 && (name.EndsWith('区') || name.EndsWith('县')) ? name[..^1]
        : name;
}
