namespace Kepu.Web.Features.Accounts;

/// <summary>
/// The privacy notice people agree to at registration. Changing the text means a new version;
/// the consent record keeps the version each person agreed to.
/// </summary>
public static class PrivacyNotice
{
    public const string CurrentVersion = "2026-11";

    public static readonly IReadOnlyList<(string Heading, string Text)> Sections =
    [
        ("我们收集哪些信息", "注册时：用户名、密码（只保存不可逆的摘要）、所在区县、可选的乡镇（街道）、您选择的人群类别和兴趣、可选的昵称。使用时：您的长辈模式设置和登录记录（用于账号安全）。"),
        ("为什么收集", "为您推荐适合的科普内容和身边的活动；按区县和人群统计科普工作的覆盖情况（统计只使用汇总数字）；保护账号安全（多次输错密码会暂时锁定账号）。"),
        ("谁能看到", "您本人；平台管理员为处理账号问题时可查看账号信息；区县管理员只能看到本区县的汇总数字，看不到个人信息。我们不出售、不向第三方提供您的个人信息。"),
        ("您的权利", "您可以随时在“我的数据”页面下载我们保存的关于您的全部信息（JSON 格式），修改个人资料，或注销账号。注销后，能识别您身份的信息会被删除；只保留不能识别个人的统计信息（区县、人群类别、注册时间）。"),
        ("保存期限与安全", "账号存续期间保存；注销后立即删除或匿名化。数据保存在中国境内的服务器上，传输全程加密。"),
        ("联系我们", "对个人信息处理有疑问，可通过平台“意见反馈”或科协办公电话联系我们，我们将在 15 个工作日内答复。"),
    ];
}
